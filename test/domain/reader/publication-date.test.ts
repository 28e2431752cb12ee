import t from 'tap';
import { findPublicationDate } from '../../../domain/reader/publication-date.ts';
import { splitLines } from '../../../domain/reader/text-lines.ts';

function dateOf(text: string, headerLines = 3): string | null {
  return findPublicationDate(splitLines(text), headerLines)?.iso ?? null;
}

t.test('labelled page dates in Asia/Shanghai', async (t) => {
  t.equal(dateOf('标题\n发布日期:2018-03-22 10:43:28 来源:海珠区民政局'), '2018-03-22T10:43:28+08:00', 'date and time');
  t.equal(dateOf('来源:深圳市龙华区民政局 日期:2022年12月02日 【字体:'), '2022-12-02T00:00:00+08:00', 'Chinese date');
  t.equal(dateOf('发布机构: | 区民政局 | 发文日期: | 2016-01-06 |'), '2016-01-06T00:00:00+08:00', 'table cell');
  t.equal(dateOf('时间：2026-02-02'), '2026-02-02T00:00:00+08:00', 'full-width colon');
});

t.test('a speech dateline in the header when the page gives no date', async (t) => {
  t.equal(dateOf('政府工作报告\n——2022年3月5日在第十三届全国人民代表大会第五次会议上\n国务院总理'), '2022-03-05T00:00:00+08:00');
  t.equal(dateOf('一、基层建设\n正文\n正文\n2017年3月1日,完成换届。', 3), null, 'then a date in the body is not a publication date');
});

t.test('impossible dates are ignored', async (t) => {
  t.equal(dateOf('发布日期:2018-02-30'), null);
});

t.test('an unlabelled page date above the body', async (t) => {
  t.equal(dateOf('某某区民政局2019年工作总结\n2020-01-15 10:20 来源：区民政局\n一、工作开展情况', 2), '2020-01-15T00:00:00+08:00');
});

t.test('given a reposted speech, the dateline is the date it was delivered', async (t) => {
  const text = '2024年广东省政府工作报告(全文)\n来源:广东省政府网站 | 时间:2024-03-12\n——2024年1月23日在广东省第十四届人民代表大会第二次会议上\n各位代表:';
  t.equal(dateOf(text, 3), '2024-01-23T00:00:00+08:00', 'then the page date of the repost is not taken');
  t.equal(dateOf('标题\n时间:2024-03-12\n——2024年1月23日在广东省第十四届人民代表大会第二次会议上', 1), '2024-03-12T00:00:00+08:00', 'then a dateline in the body is not a header dateline');
});

t.test('given a page clock with its weekday above the body, it is not a publication date', async (t) => {
  t.equal(dateOf('今天是2024年04月19日 星期五\n某区民政局2023年工作总结\n一、工作开展情况', 2), null);
  t.equal(dateOf('2024年04月19日 星期五\n2020-01-15 10:20 来源：区民政局\n一、工作开展情况', 2), '2020-01-15T00:00:00+08:00', 'then the page date below it is taken');
});
