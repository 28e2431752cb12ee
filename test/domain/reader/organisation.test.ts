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
