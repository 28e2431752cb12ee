import t from 'tap';
import { findOrganisation } from '../../../domain/reader/organisation.ts';
import { splitLines } from '../../../domain/reader/text-lines.ts';

function organisationOf(text: string, title: string | null = null): string | null {
  return findOrganisation(text, splitLines(text), title)?.name ?? null;
}

t.test('given a full name in the source line', async (t) => {
  const found = findOrganisation('来源:深圳市龙华区民政局 日期:2022年12月02日', splitLines('来源:深圳市龙华区民政局 日期:2022年12月02日'), null);
  t.same(found, { name: '深圳市龙华区民政局', evidence: '来源:深圳市龙华区民政局' }, 'then it is taken with its evidence');
});

t.test('given a district name and the city in the footer', async (t) => {
  const text = '发布日期:2018-03-22 来源:海珠区民政局\n正文。\n主办:广州市海珠区人民政府办公室';
  const found = findOrganisation(text, splitLines(text), null);
  t.equal(found?.name, '广州市海珠区民政局', 'then the city is added');
  t.match(found?.evidence ?? '', /广州市海珠区/, 'then the evidence quotes where the city came from');
});

t.test('given only 区民政局 and the district and city in the body', async (t) => {
  const text = '发布机构: | 区民政局 |\n出台《海曙区社区工作经费使用管理办法》。海曙区公益产品展销中心开业。在全市推广。荣获宁波市优秀案例。全区社区数从76个变为78个。';
  t.equal(organisationOf(text), '宁波市海曙区民政局');
});

t.test('given a government work report', async (t) => {
  t.equal(organisationOf('各位代表：\n现在，我代表国务院，向大会报告政府工作。'), '国务院', 'the State Council');
  t.equal(organisationOf('来源：北京日报\n现在，我代表北京市人民政府，向大会报告政府工作。'), '北京市人民政府', 'a city government, not the newspaper');
  t.equal(organisationOf('正文。', '2025年北京市政府工作报告'), '北京市人民政府', 'from the title alone');
});

t.test('given a media outlet as the only source', async (t) => {
  t.equal(organisationOf('来源：北京日报\n正文。'), null, 'then no organisation is claimed');
});

t.test('given a provincial report whose speaker names only the level', async (t) => {
  const text = '现在，我代表省人民政府，向大会报告工作。';
  const found = findOrganisation(text, splitLines(text), '2024年广东省政府工作报告');
  t.same(found, { name: '广东省人民政府', evidence: '我代表省人民政府；2024年广东省政府工作报告' }, 'then the title supplies the province');
});

t.test('given a provincial report with a bare title, the header names the province', async (t) => {
  const dateline = '政府工作报告\n——2024年1月22日在江苏省第十四届人民代表大会第二次会议上\n各位代表：\n现在，我代表省人民政府，向大会报告工作。';
  t.same(findOrganisation(dateline, splitLines(dateline), '政府工作报告'), {
    name: '江苏省人民政府',
    evidence: '我代表省人民政府；——2024年1月22日在江苏省第十四届人民代表大会第二次会议上',
  }, 'then the dateline\'s congress supplies the province');
  t.equal(organisationOf('政府工作报告\n江苏省省长 许昆林\n现在，我代表省人民政府，向大会报告工作。', '政府工作报告'), '江苏省人民政府', 'then the speaker\'s title does');
  t.equal(organisationOf('政府工作报告\n广州市市长 温国辉\n现在，我代表省人民政府，向大会报告工作。', '政府工作报告'), '省人民政府', 'then a place at another level is not taken');
});

t.test('given an excerpt whose only speaker is the head of government in the header', async (t) => {
  t.equal(organisationOf('政 府 工 作 报 告\n北京市市长 殷 勇\n二、2024年重点任务'), '北京市人民政府');
  t.equal(organisationOf('政府工作报告\n国务院总理 李强\n三、2024年政府工作任务'), '国务院');
});

t.test('given a bureau that names itself without its place as the subject of the opening sentence', async (t) => {
  t.equal(organisationOf('2022年是党的二十大召开之年,今年以来,区民政局坚持以人民为中心,紧紧围绕区委区政府决策部署。'), '区民政局', 'then it is taken, and 围绕区委 is not a district');
});

t.test('given verbs before 区委 or 区民政局, they are not taken for a district', async (t) => {
  const text = '区民政局2023年工作总结\n根据工作安排,现将区民政局2023年工作总结汇报如下:\n做好区委巡察反馈问题整改。';
  t.equal(organisationOf(text, '区民政局2023年工作总结'), '区民政局');
});

t.test('given a portal\'s navigation naming the mayor\'s mailbox, it is not a speaker', async (t) => {
  t.equal(organisationOf('北京市市长信箱\n政府工作报告\n来源:北京市发展和改革委员会\n正文。'), '北京市发展和改革委员会');
  t.equal(organisationOf('北京市市长 殷 勇\n来源:北京市发展和改革委员会\n正文。'), '北京市发展和改革委员会', 'a speaker\'s line counts only in the header of a speech');
});
