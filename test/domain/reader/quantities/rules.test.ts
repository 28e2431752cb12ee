/**
 * One spec per reading rule: numbers, multipliers, qualifiers, ranges, comparators, directions, objects, multi-year
 * cues, and the numbers that are not targets.
 */
import t from 'tap';
import {
  extractQuantities,
  extractTargets,
  metricDirection,
  parseChineseNumber,
  sameBaseUnit,
  toBaseUnit,
} from '../../../../domain/reader/quantities/index.ts';

function onlyQuantity(text: string) {
  const quantities = extractQuantities(text, 0);
  if (quantities.length !== 1) throw new Error(`expected one quantity in ${text}, got ${JSON.stringify(quantities)}`);
  return quantities[0]!;
}

function onlyTarget(text: string) {
  const targets = extractTargets(text, 0);
  if (targets.length !== 1) throw new Error(`expected one target in ${text}, got ${JSON.stringify(targets)}`);
  return targets[0]!;
}

t.test('given Chinese numerals, when parsed, then place values are read', async (t) => {
  const cases: [string, number | null][] = [
    ['十二', 12], ['二十', 20], ['两千三百', 2300], ['一百零五', 105], ['三亿五千万', 350000000], ['一万亿', 1e12],
    ['二十万亿', 2e13], ['千', 1000], ['二〇二二', 2022], ['2.4万', 24000], ['1.3万亿', 1.3e12], ['904.1082万', 9041082],
    ['十四五', null], ['abc', null], ['', null], ['3200余万', null],
  ];
  for (const [text, value] of cases) t.equal(parseChineseNumber(text), value, text);
});

t.test('given a unit as written, when normalised, then the multiplier is applied and the base unit kept', async (t) => {
  t.same(toBaseUnit(1200, '万人'), { value: 12000000, unit: '人' });
  t.same(toBaseUnit(5, '%'), { value: 5, unit: '%' });
  t.same(toBaseUnit(5, '％'), { value: 5, unit: '%' });
  t.same(toBaseUnit(1.3, '万亿斤'), { value: 1.3e12, unit: '斤' });
  t.same(toBaseUnit(4.06, '万亿元'), { value: 4.06e12, unit: '元' });
  t.same(toBaseUnit(400, '亿千瓦时'), { value: 4e10, unit: '千瓦时' });
  t.same(toBaseUnit(5, '千瓦'), { value: 5, unit: '千瓦' }, '千瓦 is a unit, not 千 × 瓦');
  t.same(toBaseUnit(1.5, '个百分点'), { value: 1.5, unit: '百分点' });
  t.ok(sameBaseUnit('万人', '人'));
  t.ok(sameBaseUnit('名', '人'), 'people counted as 名 or 人');
  t.ok(sameBaseUnit('%', '％'));
  t.ok(sameBaseUnit('万亿元', '亿元'));
  t.notOk(sameBaseUnit('人次', '人'));
  t.notOk(sameBaseUnit('%', '个百分点'));
});

t.test('given outcome phrases, when quantities are read, then value, unit and qualifier follow the brief', async (t) => {
  const cases: [string, string, number, string, string | null][] = [
    ['发放低保金904.1082万元', '904.1082万元', 9041082, '元', null],
    ['惠及2.4万余人次', '2.4万余人次', 24000, '人次', '余'],
    ['困难家庭近7000人次', '近7000人次', 7000, '人次', '近'],
    ['参与人次超过2万人次', '超过2万人次', 20000, '人次', '超过'],
    ['补助约66.6万元', '约66.6万元', 666000, '元', '约'],
    ['资金近4000 万元', '近4000 万元', 40000000, '元', '近'],
    ['补助金3200余万元', '3200余万元', 32000000, '元', '余'],
    ['老人122余万人次', '122余万人次', 1220000, '人次', '余'],
    ['老年人9千余人', '9千余人', 9000, '人', '余'],
    ['社会组织14.7个', '14.7个', 14.7, '个', null],
    ['优抚对象1100余名', '1100余名', 1100, '名', '余'],
    ['占39%', '39%', 39, '%', null],
    ['占３９％', '３９％', 39, '%', null],
    ['老年人口的22%以上', '22%以上', 22, '%', '以上'],
    ['低保家庭1100多户', '1100多户', 1100, '户', '多'],
    ['补助金4278﹒44万元', '4278﹒44万元', 42784400, '元', null],
    ['销售福利彩票12.26亿元', '12.26亿元', 1226000000, '元', null],
    ['引进两家机构', '两家', 2, '家', null],
    ['举办十二期沙龙', '十二期', 12, '期', null],
    ['组织千名干部', '千名', 1000, '名', null],
    ['资金1,200万元', '1,200万元', 12000000, '元', null],
    ['覆盖率达到百分之九十五', '百分之九十五', 95, '%', null],
    ['不足5%', '不足5%', 5, '%', '不足'],
  ];
  for (const [text, phrase, value, unit, qualifier] of cases) {
    const quantity = onlyQuantity(text);
    t.same(
      [quantity.text, quantity.value, quantity.unit, quantity.qualifier],
      [phrase, value, unit, qualifier],
      text,
    );
    t.equal(text.slice(quantity.span[0], quantity.span[1]), quantity.text);
  }
});

t.test('given a base offset, when quantities are read, then spans are document indexes', async (t) => {
  const [quantity] = extractQuantities('投入9516.74万元', 1000);
  t.same(quantity?.span, [1002, 1011]);
  t.equal(quantity?.value, 95167400);
});

t.test('given the words around a figure, when read, then what is counted is named', async (t) => {
  t.equal(onlyQuantity('发放低保金904.1082万元').object, '低保金');
  t.equal(onlyQuantity('城镇新增就业1206万人').object, '城镇新增就业');
  t.equal(onlyQuantity('实施1049件民生微实事').object, '民生微实事');
  t.equal(onlyQuantity('辖区1100余名优抚对象').object, '优抚对象');
  t.equal(onlyTarget('在全区56个社区建立社会工作点').object, '社区');
  t.equal(onlyTarget('城镇调查失业率全年控制在5.5%以内').object, '城镇调查失业率');
  t.equal(onlyTarget('今年安排中央本级支出增长3.9%').object, '中央本级支出增长');
  t.equal(onlyTarget('支出规模比去年扩大2万亿元以上').object, '支出规模扩大');
  t.equal(extractTargets('2016年计划引进民办社会工作服务机构2家', 0)[0]?.object, '民办社会工作服务机构');
  t.same(
    extractQuantities('适龄儿童入园率和普惠率分别达96%和94%', 0).map((quantity) => quantity.object),
    ['适龄儿童入园率和普惠率', '适龄儿童入园率和普惠率'],
  );
  t.equal(extractQuantities('细颗粒物(PM2.5)年均浓度下降11.5%', 0)[0]?.multiYear, false, 'an annual mean is one year');
});

t.test('given multi-year cues, when read, then the figure is marked multi-year', async (t) => {
  t.equal(onlyQuantity('五年年均增长5.2%').multiYear, true);
  t.equal(onlyQuantity('累计发动近300家社会组织').multiYear, true);
  t.equal(onlyQuantity('五年来，城镇新增就业1300万人').multiYear, true);
  t.equal(onlyQuantity('全年累计发放救助金200万元').multiYear, false, '全年累计 adds up one year');
  t.equal(onlyQuantity('城镇新增就业1206万人').multiYear, false);
  t.equal(onlyTarget('“十四五”期间新增养老床位2000张').multiYear, true);
  t.equal(onlyTarget('研发经费投入年均增长7%以上').multiYear, true);
  t.equal(onlyTarget('国内生产总值增长5%左右').multiYear, false);
});

t.test('given plan phrases, when targets are read, then min, max, unit and comparator follow the brief', async (t) => {
  const cases: [string, number, number, string, string][] = [
    ['计划创建8-10个社区干部挂职基地', 8, 10, '个', 'range'],
    ['培育6—8个服务团队', 6, 8, '个', 'range'],
    ['增长6%-6.5%', 6, 6.5, '%', 'range'],
    ['增长5%—5.5%', 5, 5.5, '%', 'range'],
    ['增长10-20万元', 10, 20, '万元', 'range'],
    ['补助10万—20万元', 10, 20, '万元', 'range'],
    ['建设三至五个示范点', 3, 5, '个', 'range'],
    ['培育十余个品牌', 10, 10, '个', 'at_least'],
    ['提高1个百分点', 1, 1, '个百分点', 'at_least'],
    ['增长5%以上', 5, 5, '%', 'at_least'],
    ['城镇新增就业1200万人以上', 1200, 1200, '万人', 'at_least'],
    ['粮食产量保持在1.3万亿斤以上', 1.3, 1.3, '万亿斤', 'at_least'],
    ['培训不少于500人次', 500, 500, '人次', 'at_least'],
    ['新建养老床位超过300张', 300, 300, '张', 'at_least'],
    ['建成三个中心', 3, 3, '个', 'at_least'],
    ['办好12期公益沙龙', 12, 12, '期', 'at_least'],
    ['城镇调查失业率控制在5%以内', 5, 5, '%', 'at_most'],
    ['办理时限不超过5天', 5, 5, '天', 'at_most'],
    ['空置率降到3%以下', 3, 3, '%', 'at_most'],
    ['财政赤字率控制在2.8%', 2.8, 2.8, '%', 'at_most'],
    ['国内生产总值增长5%左右', 5, 5, '%', 'about'],
    ['转移支付增加约1.5万亿元', 1.5, 1.5, '万亿元', 'about'],
    ['规模近9.8万亿元', 9.8, 9.8, '万亿元', 'about'],
  ];
  for (const [text, min, max, unit, comparator] of cases) {
    const target = onlyTarget(text);
    t.same([target.min, target.max, target.unit, target.comparator], [min, max, unit, comparator], text);
    t.equal(text.slice(target.span[0], target.span[1]), target.text);
  }
});

t.test('given ceilings and reductions, when directions are read, then ceilings are lower_better', async (t) => {
  const lower = ['城镇调查失业率', '居民消费价格涨幅', '赤字率', '赤字规模', '万元地区生产总值能耗', '中央本级支出增长',
    '安全生产事故死亡人数', '细颗粒物平均浓度', '失业率降到'];
  const higher = ['国内生产总值增长', '城镇新增就业', '粮食产量', '单位国内生产总值能耗降低', '二氧化碳排放下降',
    '一般公共预算支出规模', '社区'];
  for (const metric of lower) t.equal(metricDirection(metric), 'lower_better', metric);
  for (const metric of higher) t.equal(metricDirection(metric), 'higher_better', metric);
  t.equal(onlyTarget('赤字率拟按3%安排').comparator, 'at_most', 'a ceiling with no qualifier caps');
  t.equal(onlyTarget('赤字率拟按2.8%左右安排').comparator, 'about');
  t.equal(onlyTarget('单位国内生产总值能耗降低2.5%左右').direction, 'higher_better', 'a cut is better bigger');
  t.equal(onlyTarget('城镇调查失业率5.5%左右').direction, 'lower_better');
  t.same(
    [onlyTarget('常住人口规模控制在2300万人以内').direction, onlyTarget('办理时限不超过5天').direction],
    ['lower_better', 'lower_better'],
    'a figure to stay under is a ceiling whatever the metric',
  );
});

t.test('given numbers that name rather than count, when targets are read, then none is a target', async (t) => {
  const notTargets = [
    '高质量迎接2022年评估组检查',
    '发布日期:2018-03-22 10:43:28',
    '做好我区第三届社会组织公益创投活动',
    '力争完成全区第一批社区的“三社联动”创建任务',
    '按照广州民政“17551”发展思路',
    '构建“1+3+4”工作体系',
    '构建1+3+4工作体系',
    '落实好“三个一”制度',
    '牢固树立“四个意识”，坚持“四个服从”',
    '牢固树立四个意识',
    '建立健全区、街道、社区工作站、居委会“四级”殡葬管理网络',
    '建立“中央厨房+助餐配餐点+入户”三级配送链',
    '完善区、街道、社区三级减灾、防灾、救灾信息网络',
    '创建以“社区协商”4种类型为核心的挂职基地',
    '探索三种不同模式的区域性居家养老服务中心',
    '以党的十八届四中、五中全会的精神为指导',
    '全面贯彻落实党的十九大精神',
    '能耗强度目标在“十四五”规划期内统筹考核',
    '落实《海曙区2016年临时救助实施办法》',
    '推进公益创客空间一期建设',
    '打造一支踏实肯干的民政队伍',
    '进一步完善残疾人两项补贴制度',
    '贯彻中央八项规定精神',
    '统筹推进五位一体总体布局',
    '增强国内国际两个市场两种资源联动效应',
    '每万人拥有社会组织数量',
    '万元地区生产总值能耗下降',
    '细颗粒物(PM2.5)浓度',
    '公交与轨道50米内换乘',
    '为80岁以上老年人发放高龄津贴',
    '预计今年高校毕业生超过1170万人',
    '千方百计稳就业',
    '亿万人民群众',
    '企业研发投入保持两位数增长',
    '十三届全国人大五次会议',
    '2018-2022年',
    '统筹管好四本预算',
    '实施医疗卫生发展、职业培训创新三项工程',
    '推进同仁医院亦庄院区三期、宣武医院房山院区建设',
    '好支持高质量共建“一带一路”八项行动的落实',
    '要充分发挥中央和地方两个积极性',
    '更好统筹国内国际两个大局',
    '打造15分钟便民生活圈',
    '提供24小时自助服务',
  ];
  for (const text of notTargets) t.same(extractTargets(text, 0), [], text);
});

t.test('given a level moved from one figure to another, when targets are read, then the figure moved to counts', async (t) => {
  const targets = extractTargets('将科技型中小企业加计扣除比例从75%提高到100%', 0);
  t.same(targets.map((target) => [target.text, target.object]), [['100%', '将科技型中小企业加计扣除比例']]);
  const quantities = extractQuantities('常住人口城镇化率从60.2%提高到65.2%', 0);
  t.same(quantities.map((quantity) => quantity.object), ['常住人口城镇化率', '常住人口城镇化率'], 'both name the metric');
});

t.test('given a figure restated as a change on last year, when targets are read, then only the plan figure counts', async (t) => {
  const targets = extractTargets('赤字率拟按3%安排，赤字规模4.06万亿元，比上年年初预算增加1800亿元。', 0);
  t.same(targets.map((target) => target.text), ['3%', '4.06万亿元']);
  const alone = extractTargets('预计今年财政收入继续增长，支出规模比去年扩大2万亿元以上，可用财力明显增加。', 0);
  t.same(alone.map((target) => [target.text, target.comparator]), [['2万亿元以上', 'at_least']]);
});
