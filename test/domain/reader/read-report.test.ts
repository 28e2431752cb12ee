import t, { type Test } from 'tap';
import { readReport, READER_VERSION } from '../../../domain/reader/read-report.ts';
import { parsedReportSchema, type ParsedReport } from '../../../domain/reader/parsed-report.ts';

function read(t: Test, text: string): ParsedReport {
  const result = readReport(text);
  if (!result.ok) throw new Error(`expected a report, got ${result.error.reason}`);
  t.ok(parsedReportSchema.safeParse(result.report).success, 'the report satisfies the contract schema');
  return result.report;
}

function spansQuoteTheText(t: Test, text: string, report: ParsedReport): void {
  for (const commitment of report.plan?.commitments ?? []) t.equal(text.slice(...commitment.span), commitment.text, `commitment span of ${commitment.text.slice(0, 8)}`);
  for (const outcome of report.summary?.outcomes ?? []) t.equal(text.slice(...outcome.span), outcome.text, `outcome span of ${outcome.text.slice(0, 8)}`);
}

const TWO_PART_REPORT = [
  '龙华区民政局2021年工作总结和2022年工作思路',
  '来源:深圳市龙华区民政局 日期:2022年12月02日 【字体:',
  '',
  '  一、2021年工作总结',
  '  (一)夯实基层治理',
  '  一是完成居委会换届选举。二是新建社区党群服务中心12个。',
  '  二、下一步工作思路',
  '  2022年,我局将全力以赴把各项工作做好。',
  '  (一)聚焦共建共享,进一步创新基层治理模式',
  '  一是做实社区居委会阵地功能。二是做强社会工作专业服务,在全区56个社区建立社会工作点。',
  '  (二)聚焦群众关切',
  '  持续推进养老服务设施建设。加强养老机构建设。',
  '粤ICP备05083207号-1',
].join('\r\n');

t.test('given a summary then a plan, with CRLF line breaks and page furniture', async (t) => {
  const report = read(t, TWO_PART_REPORT);
  t.equal(report.title, '龙华区民政局2021年工作总结和2022年工作思路', 'then the title is the first line');
  t.equal(report.organisation.name, '深圳市龙华区民政局');
  t.equal(report.publishedAt, '2022-12-02T00:00:00+08:00');
  t.equal(report.summary?.year, 2021, 'then the summary year comes from its heading');
  t.equal(report.summary?.heading, '一、2021年工作总结');
  t.equal(report.plan?.year, 2022, 'then a plan heading without a year takes it from its first sentence');
  t.equal(report.plan?.heading, '二、下一步工作思路');
  t.same(
    report.plan?.commitments.map((c) => [c.area, c.marker, c.text]),
    [
      ['(一)聚焦共建共享,进一步创新基层治理模式', '一是', '做实社区居委会阵地功能。'],
      ['(一)聚焦共建共享,进一步创新基层治理模式', '二是', '做强社会工作专业服务,在全区56个社区建立社会工作点。'],
      ['(二)聚焦群众关切', null, '持续推进养老服务设施建设。加强养老机构建设。'],
    ],
    'then each enumerated task is a commitment and an area without enumeration is one, the lead-in is none',
  );
  t.same(report.plan?.commitments[1]?.targets.map((target) => [target.min, target.unit]), [[56, '个']], 'then targets come from the commitment text');
  const target = report.plan!.commitments[1]!.targets[0]!;
  t.equal(TWO_PART_REPORT.slice(...target.span), target.text, 'then target spans index the whole document');
  t.same(report.summary?.outcomes.map((o) => o.text), ['完成居委会换届选举。', '新建社区党群服务中心12个。']);
  t.equal(report.summary?.outcomes[0]?.cue, 'done', 'then 完成 reads as done');
  t.ok(report.summary!.span[1] <= report.plan!.span[0], 'then the parts do not overlap');
  t.equal(TWO_PART_REPORT.slice(...report.plan!.headingSpan!), '二、下一步工作思路', 'then the heading span quotes the heading');
  t.notOk(TWO_PART_REPORT.slice(...report.plan!.span).includes('ICP'), 'then the footer is not part of the plan');
  spansQuoteTheText(t, TWO_PART_REPORT, report);
});

t.test('given a page that is one year\'s review without a part heading', async (t) => {
  const text = [
    '一、基层政权与社区建设',
    '  (一)强化基层队伍建设',
    '  1.高质量完成居委会换届工作。全区112个居委会顺利完成换届。',
    '  2.顺利完成居民议事会换届选举工作。2017年7-9月完成。',
    '二、社会救助帮扶工作',
    '  (一)保障居民最低生活。2017年发放低保金904.1082万元。',
    '来源:罗湖区民政局',
    '主办:深圳市罗湖区人民政府办公室',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.summary?.heading, null, 'then the summary has no heading');
  t.equal(report.summary?.year, 2017, 'then the year is the one its statements mention');
  t.equal(report.plan, null, 'then there is no plan');
  t.equal(report.title, null, 'then an enumerated first line is not a title');
  t.equal(report.organisation.name, '深圳市罗湖区民政局');
  t.same(report.summary?.outcomes.map((o) => o.area), ['(一)强化基层队伍建设', '(一)强化基层队伍建设', '二、社会救助帮扶工作']);
  t.equal(report.summary?.outcomes[2]?.quantities[0]?.value, 9041082, 'then quantities are normalised');
  spansQuoteTheText(t, text, report);
});

t.test('given a summary opening 今年以来 and a bare plan heading', async (t) => {
  const text = [
    '发布机构: | 区民政局 | 发文日期: | 2016-01-06 |',
    '今年以来,区民政局紧紧围绕区委、区政府的中心工作,取得了较好的工作成绩。',
    '一、社区建设工作深入推进',
    '1、构建“三社联动”。以丽园等15个社区为试点。出台《海曙区社区工作经费使用管理办法》。',
    '2016年重点工作安排',
    '一、推进社区建设',
    '1、以学促改。一是开展对口见学活动,覆盖78个社区。二是创建社区干部挂职基地8-10个。',
    '2、全力推进“救急难”工作。落实好《海曙区临时救助实施办法》,荣获宁波市表彰。',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.plan?.heading, '2016年重点工作安排');
  t.equal(report.plan?.year, 2016);
  t.equal(report.summary?.heading, null);
  t.equal(report.summary?.year, 2015, 'then the summary is the year before the plan');
  t.same(report.plan?.commitments.map((c) => [c.area, c.marker]), [
    ['一、推进社区建设', '一是'],
    ['一、推进社区建设', '二是'],
    ['一、推进社区建设', '2、'],
  ], 'then sub-items replace their numbered parent');
  t.equal(report.organisation.name, '宁波市海曙区民政局');
});

t.test('given a heading split over two lines', async (t) => {
  const text = '来源:某某市民政局\n一、2021年\n工作总结\n1、完成换届选举。\n二、2022年\n工作思路\n1、做实社区阵地。\n2、做强专业服务。';
  const report = read(t, text);
  t.equal(report.summary?.heading, '一、2021年工作总结', 'then the two halves are joined');
  t.equal(report.plan?.heading, '二、2022年工作思路');
  t.equal(report.plan?.commitments.length, 2);
});

t.test('given a government work report with a five-year review and main expected targets', async (t) => {
  const text = [
    '政府工作报告',
    '——2023年3月5日在第十四届全国人民代表大会第一次会议上',
    '各位代表：',
    '现在，我代表国务院，向大会报告工作，请予审议。',
    '一、过去一年和五年工作回顾',
    '过去一年，全年国内生产总值增长3%，城镇新增就业1206万人。',
    '各位代表！',
    '过去五年极不寻常、极不平凡。国内生产总值年均增长5.2%。',
    '——经济发展再上新台阶。十年增加近70万亿元。',
    '二、对今年政府工作的建议',
    '今年是全面贯彻党的二十大精神的开局之年。',
    '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。在实际工作中努力争取更好结果。',
    '（一）着力扩大国内需求。把恢复和扩大消费摆在优先位置。',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.organisation.name, '国务院');
  t.equal(report.publishedAt, '2023-03-05T00:00:00+08:00', 'then the dateline is the publication date');
  t.equal(report.plan?.year, 2023, 'then 今年 is the year of the report');
  t.equal(report.summary?.year, 2022, 'then 过去一年 is the year before');
  t.same(report.summary?.outcomes.map((o) => o.aboutSummaryYear), [true, false, false], 'then statements after 过去五年 are about the period');
  const mainTargets = report.plan?.commitments[0];
  t.equal(mainTargets?.text, '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。', 'then the main targets sentence is one commitment');
  t.same(mainTargets?.targets.map((target) => [target.min, target.unit, target.comparator]), [[5, '%', 'about'], [1200, '万人', 'about']], 'then it carries one target per metric');
  t.same(report.plan?.commitments.map((c) => c.marker), [null, '（一）'], 'then the preamble is not a commitment');
});

t.test('given a five-year section between the review and the plan', async (t) => {
  const text = [
    '我代表北京市人民政府，向大会报告政府工作。',
    '一、2025年工作回顾',
    '一是首都功能持续优化提升。',
    '二、“十四五”时期发展成就和“十五五”时期主要目标任务',
    '这五年，经济高质量发展取得显著成效，地区生产总值年均增速4.5%-5%。',
    '三、2026年重点工作',
    '（一）深入落实城市总体规划',
    '疏解提质一般制造业企业80家。',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.plan?.heading, '三、2026年重点工作', 'then the five-year section does not open the plan');
  t.same(report.summary?.outcomes.map((o) => [o.aboutSummaryYear, o.area]), [
    [true, null],
    [false, '二、“十四五”时期发展成就和“十五五”时期主要目标任务'],
  ]);
});

t.test('given texts with nothing readable', async (t) => {
  t.same(readReport(''), { ok: false, error: { reason: 'empty_text', message: 'the text is empty' } });
  t.same(readReport(' \r\n\u3000 ').ok, false);
  const plain = readReport('今天天气很好。我们去公园散步。');
  t.equal(plain.ok ? null : plain.error.reason, 'no_parts_found');
  const anonymous = readReport('一、2021年工作总结\n1、完成换届。\n2、完成选举。');
  t.equal(anonymous.ok ? null : anonymous.error.reason, 'no_organisation_found');
});

t.test('the reader has a version', async (t) => {
  t.match(READER_VERSION, /^reader-\d+\.\d+\.\d+$/);
});

t.test('given numbered title lines followed by their paragraphs', async (t) => {
  const text = [
    '来源:深圳市某某区民政局',
    '一、2019年工作总结',
    '1.完成换届选举。',
    '二、2020年工作计划',
    '1.加强党的建设',
    '严格落实“第一议题”制度。开展集中学习30次。',
    '2.完善养老服务',
    '一是新建长者饭堂5个。二是推进居家养老。',
    '3.做好社会救助',
  ].join('\n');
  const report = read(t, text);
  t.same(
    report.plan?.commitments.map((c) => [c.marker, c.text]),
    [
      ['1.', '加强党的建设\n严格落实“第一议题”制度。开展集中学习30次。'],
      ['一是', '新建长者饭堂5个。'],
      ['二是', '推进居家养老。'],
      ['3.', '做好社会救助'],
    ],
    'then a title line takes its paragraph, and a title line with sub-items is their parent',
  );
  spansQuoteTheText(t, text, report);
});

t.test('given a bureau page with a review, a problems section and a plan without years in the headings', async (t) => {
  const text = [
    '某某区民政局2019年工作总结及2020年工作计划',
    '2020-01-15 10:20 来源：区民政局',
    '一、工作开展情况',
    '（一）社会救助。1、发放低保金300万元。2、开展临时救助120人次。',
    '二、存在的问题',
    '养老服务设施资金投入仍然不足。',
    '三、工作计划',
    '1.加强党的建设',
    '严格落实制度。',
    '主办：深圳市某某区人民政府',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.organisation.name, '深圳市某某区民政局');
  t.equal(report.publishedAt, '2020-01-15T00:00:00+08:00');
  t.same([report.summary?.year, report.summary?.heading], [2019, '一、工作开展情况'], 'then the review year comes from the title');
  t.same([report.plan?.year, report.plan?.heading], [2020, '三、工作计划']);
  t.same(report.summary?.outcomes.map((o) => o.text), ['发放低保金300万元。', '开展临时救助120人次。', '养老服务设施资金投入仍然不足。']);
  t.equal(report.summary?.outcomes[2]?.area, '二、存在的问题');
});

t.test('given a provincial government work report', async (t) => {
  const text = [
    '2024年广东省政府工作报告',
    '（2024年1月22日在广东省第十四届人民代表大会第二次会议上）',
    '现在，我代表省人民政府，向大会报告工作，请予审议。',
    '一、2023年工作回顾',
    '过去一年，全省地区生产总值增长4.8%。',
    '二、2024年工作安排',
    '今年全省经济社会发展主要预期目标是：地区生产总值增长5%左右。',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.organisation.name, '广东省人民政府');
  t.equal(report.publishedAt, '2024-01-22T00:00:00+08:00');
  t.same(report.plan?.commitments.map((c) => c.targets.map((target) => target.min)), [[5]]);
});

t.test('given enumerated areas written inline with their task paragraphs after them', async (t) => {
  const text = [
    '现在，我代表国务院，向大会报告政府工作。',
    '一、2023年工作回顾',
    '过去一年，经济回升向好。',
    '二、2024年经济社会发展总体要求和政策取向',
    '提出上述预期目标，综合考虑了国内外形势。经济增长预期目标为5%左右。',
    '积极的财政政策要适度加力。今年赤字率拟按3%安排。',
    '三、2024年政府工作任务',
    '（一）大力推进现代化产业体系建设。充分发挥创新主导作用。',
    '推动产业链供应链优化升级。',
    '积极扩大有效投资。今年拟安排中央预算内投资7000亿元。',
    '（二）深入实施科教兴国战略。坚持教育强国。',
  ].join('\n');
  const report = read(t, text);
  const first = report.plan?.commitments.find((c) => c.marker === '（一）');
  t.ok(first?.text.endsWith('今年拟安排中央预算内投资7000亿元。'), 'then the paragraphs after an enumerated area belong to it');
  t.same(first?.targets.map((target) => target.min), [7000]);
  t.same(
    report.plan?.commitments.map((c) => c.marker),
    [null, '（一）', '（二）'],
    'then a lead-in that sets figures is a commitment and one that explains targets already set is not',
  );
  spansQuoteTheText(t, text, report);
});

t.test('given a plan-worded heading for a year that a later plan heading follows', async (t) => {
  const text = [
    '某区民政局工作报告',
    '来源:某区民政局',
    '一、2023年重点任务',
    '(一)兜底保障',
    '一是发放救助资金1200万元。二是新建长者饭堂6个。',
    '二、2024年工作计划',
    '(一)养老服务',
    '一是新建长者饭堂10个。二是开展适老化改造。',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.summary?.heading, '一、2023年重点任务', 'then the earlier heading opens the review');
  t.equal(report.summary?.year, 2023);
  t.equal(report.plan?.heading, '二、2024年工作计划', 'then the later one opens the plan');
  t.equal(report.plan?.year, 2024);
  t.same(report.summary?.outcomes.map((o) => o.text), ['发放救助资金1200万元。', '新建长者饭堂6个。']);
});

t.test('given an excerpt whose plan heading is missing, this year\'s main targets open the plan', async (t) => {
  const text = [
    '各位代表：',
    '现在，我代表北京市人民政府，向大会报告政府工作。',
    '一、2023年工作回顾',
    '全市地区生产总值增长5.2%，一般公共预算收入增长8.2%。',
    '一年来，主要做了以下工作。',
    '今年全市经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长5%。',
    '着力做好以下十一个方面工作：',
    '（一）持续提升首都功能',
    '深入落实城市总体规划。',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.summary?.year, 2023);
  t.notOk(report.summary?.outcomes.some((o) => o.text.includes('主要预期目标')), 'then the targets are not an outcome of the review');
  t.equal(report.plan?.year, 2024, 'then the plan is for the year after the review');
  t.equal(report.plan?.heading, null);
  t.same(report.plan?.commitments[0]?.targets.map((target) => [target.object, target.min]), [['地区生产总值增长', 5], ['一般公共预算收入增长', 5]]);
  t.notOk(report.plan?.commitments.some((c) => c.text.startsWith('着力做好以下')), 'then a line announcing the list is not a commitment, though it counts eleven');
  spansQuoteTheText(t, text, report);
});

t.test('given a bilingual page, the English lines are not statements', async (t) => {
  const text = [
    '政 府 工 作 报 告',
    '——2024年1月21日在北京市第十六届',
    '人民代表大会第二次会议上',
    '北京市市长 殷 勇',
    'REPORT ON THE WORK OF THE GOVERNMENT',
    '一、2023年工作回顾',
    'I Review of Work During 2023',
    '全市地区生产总值增长5.2%。',
    'The city\'s GDP grew by 5.2 percent.',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.organisation.name, '北京市人民政府', 'then the speaker\'s title names the government');
  t.equal(report.publishedAt, '2024-01-21T00:00:00+08:00', 'then a dateline split over two lines is still read');
  t.same(report.summary?.outcomes.map((o) => o.text), ['全市地区生产总值增长5.2%。']);
});

t.test('given main targets listed one per line after the sentence that announces them', async (t) => {
  const text = [
    '2024年温州市政府工作报告',
    '——2024年1月10日在温州市第十四届人民代表大会第四次会议上',
    '现在，我代表市人民政府，向大会报告工作，请予审议。',
    '一、2023年工作回顾',
    '全市地区生产总值增长6.1%。',
    '二、2024年工作安排',
    '2024年全市经济社会发展的主要预期目标是：',
    '——地区生产总值增长6%左右；',
    '——城镇调查失业率控制在5.5%以内。',
    '围绕上述目标，重点抓好以下工作：',
    '（一）加快产业升级。新增规模以上工业企业100家。',
  ].join('\n');
  const report = read(t, text);
  t.equal(report.organisation.name, '温州市人民政府', 'then the dateline\'s congress names the city');
  const [main, ...rest] = report.plan!.commitments;
  t.ok(main?.text.startsWith('2024年全市经济社会发展的主要预期目标是：') && main.text.endsWith('控制在5.5%以内。'), 'then the announcement and its lines are one commitment');
  t.same(main?.targets.map((target) => [target.object, target.min, target.comparator]), [['地区生产总值增长', 6, 'about'], ['城镇调查失业率', 5.5, 'at_most']], 'then the list dash is not part of a metric');
  t.same(rest.map((c) => c.text), ['加快产业升级。新增规模以上工业企业100家。'], 'then the lead-in that refers back is none');
  spansQuoteTheText(t, text, report);
});

t.test('given a page that lists the report\'s parts before the report', async (t) => {
  const text = [
    '衡水市政府工作报告',
    '市长代表市政府向大会作政府工作报告。报告分三个部分：',
    '一、2017年工作回顾；',
    '二、2018年重点工作任务；',
    '三、加强政府自身建设。',
    '各位代表：',
    '现在，我代表衡水市人民政府，向大会报告工作。',
    '一、2017年工作回顾',
    '全市生产总值增长6.8%。',
    '二、2018年重点工作任务',
    '（一）扩大有效投资。实施重点项目300个。',
  ].join('\n');
  const report = read(t, text);
  t.same(report.summary?.outcomes.map((o) => o.text), ['全市生产总值增长6.8%。'], 'then the review starts at the section, not at its entry in the list');
  t.same(report.plan?.commitments.map((c) => c.text), ['扩大有效投资。实施重点项目300个。']);
  t.equal(report.plan?.year, 2018);
});
