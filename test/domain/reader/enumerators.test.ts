import t from 'tap';
import { chineseOrdinal, inlineMarkers, leadingMarker } from '../../../domain/reader/enumerators.ts';

t.test('leading markers of each enumeration style', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['一、社区建设工作深入推进', 'section', '一、'],
    ['十二、其他工作', 'section', '十二、'],
    ['(三)聚焦改革创新', 'area', '(三)'],
    ['（十一）提高城市本质安全水平', 'area', '（十一）'],
    ['1、构建“三社联动”', 'number', '1、'],
    ['4.推进社会工作试点。', 'number', '4.'],
    ['（2）完善制度', 'paren-number', '（2）'],
    ['①建立台账', 'circled', '①'],
    ['——经济保持恢复发展。', 'dash', '——'],
    ['第二部分 工作计划', 'part', '第二部分'],
  ];
  for (const [line, kind, text] of cases) t.same(leadingMarker(line), { kind, text }, line);
});

t.test('numbers and datelines are not markers', async (t) => {
  t.equal(leadingMarker('1.5万人次参加'), null, 'a decimal number');
  t.equal(leadingMarker('——2022年3月5日在第十三届全国人民代表大会第五次会议上'), null, 'a speech dateline');
  t.equal(leadingMarker('2017年,在区委的领导下'), null, 'a year');
});

t.test('Chinese ordinals', async (t) => {
  t.same(['一', '九', '十', '十一', '十九', '二十', '二十三'].map(chineseOrdinal), [1, 9, 10, 11, 19, 20, 23]);
});

t.test('given a paragraph of 一是/二是/三是 tasks', async (t) => {
  const paragraph = '1、以学促改。一是开展对口见学活动。二是创建社区干部挂职基地;三是建立社区治理研讨机制。';
  const markers = inlineMarkers(paragraph);
  t.same(markers.map((m) => m.text), ['一是', '二是', '三是'], 'then every marker is found in order');
  t.equal(paragraph.slice(markers[1]!.textAt, markers[2]!.at), '创建社区干部挂职基地;', 'then each task runs to the next marker');
});

t.test('given words that merely contain 一是', async (t) => {
  t.same(inlineMarkers('坚持统一是原则。唯一是目标。'), [], 'then no marker is found');
});

t.test('given the typo 是 standing for 二是', async (t) => {
  const paragraph = '一是稳妥有序推进行政区划工作。持续跟进。是持续提升婚姻登记规范化水平。三是推进殡葬领域规范化建设。';
  const markers = inlineMarkers(paragraph);
  t.same(markers.map((m) => m.text), ['一是', '是', '三是'], 'then the lone 是 is the second marker');
  t.ok(paragraph.slice(markers[1]!.textAt).startsWith('持续提升婚姻登记'), 'then the second task starts after it');
});

t.test('given a skipped 二是 after a long first sentence', async (t) => {
  const paragraph = '一是稳步推进区块链民政管理平台建设,保证按项目时间节点完成各项工作。推动区慈善会平稳顺利换届,理顺体制机制。三是加强聚善家园品牌建设。';
  const markers = inlineMarkers(paragraph);
  t.same(markers.map((m) => m.text), ['一是', null, '三是'], 'then a task without marker is inserted');
  t.ok(paragraph.slice(markers[1]!.textAt).startsWith('推动区慈善会平稳顺利换届'), 'then it starts at the next sentence');
});

t.test('given a skipped 二是 after a short lead phrase', async (t) => {
  const paragraph = '一是做强社会工作专业服务。优化社会工作服务体系,推动有关工作落实落地,做好相关保障。做优社会组织培育发展。修订扶持办法。三是加强队伍建设。';
  const markers = inlineMarkers(paragraph);
  t.same(markers.map((m) => m.text), ['一是', null, '三是']);
  t.ok(paragraph.slice(markers[1]!.textAt).startsWith('做优社会组织培育发展'), 'then the missing task starts at the next lead phrase');
});

t.test('given inline numbered items after full stops', async (t) => {
  const markers = inlineMarkers('婚姻登记工作。1、2017年依法办理婚姻登记业务13490件。2、引入专业法律顾问。3、加强婚姻文化建设。');
  t.same(markers.map((m) => m.text), ['1、', '2、', '3、'], 'then the numbered sequence is the enumeration');
  t.same(inlineMarkers('共有1、2号楼完成改造。'), [], 'then a lone number is not an enumeration');
});

t.test('given markers followed by a colon and ordinals past ten', async (t) => {
  const markers = inlineMarkers('主要做法：一是：加强领导。二是：完善制度。');
  t.same(markers.map((m) => m.text), ['一是', '二是']);
  const long = inlineMarkers('九是甲。十是乙。十一是丙。');
  t.same(long.map((m) => m.ordinal), [9, 10, 11]);
});
