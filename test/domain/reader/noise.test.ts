import t from 'tap';
import { isNoiseLine } from '../../../domain/reader/noise.ts';

t.test('page furniture is noise', async (t) => {
  for (const line of [
    '粤ICP备05083207号-1网站标识码:4401050003',
    '粤公网安备 44030302000492号 咨询投诉电话:82201625',
    '分享到:',
    '联系我们 | 友情链接 | 站点地图',
    '主办:广州市海珠区人民政府办公室承办:海珠区政务服务和数据管理局',
    '您当前所在的位置:\u00a0首页',
    '发布机构: | 区民政局 | 发文日期: | 2016-01-06 |',
    '来源:深圳市龙华区民政局 日期:2022年12月02日 【字体:',
    '网络报障:0755-25666320',
    '相关附件',
  ]) {
    t.ok(isNoiseLine(line), line);
  }
});

t.test('report text is not noise, even when it mentions a page word', async (t) => {
  for (const line of [
    '一、2021年工作总结',
    '(一)聚焦共建共享,进一步创新基层治理模式',
    '二是提高流浪救助服务水平。通过购买服务、项目合作等方式,拨打求助电话:12345的群众及时得到救助。',
    '2016年重点工作安排',
    '',
  ]) {
    t.notOk(isNoiseLine(line), line === '' ? '(empty line)' : line);
  }
});

t.test('area headings that share a word with page furniture are not noise', async (t) => {
  for (const line of ['(三)强化技术支持', '(二)加强咨询投诉处理', '(四)拓宽信息来源渠道']) t.notOk(isNoiseLine(line), line);
});
