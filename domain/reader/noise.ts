/**
 * Page furniture of scraped government web pages: navigation, share buttons, metadata rows, footers, ICP and
 * police registration numbers, phone numbers. Such lines are never part of a report's body.
 */
const FURNITURE = new RegExp(
  [
    'ICP', '公网安备', '网站标识码', '版权所有', 'Copyright', '©', '主办[:：]', '承办[:：]', '技术支持[:：]', '联系我们', '友情链接',
    '站点地图', '网站地图', '访问总数', '访问量', '浏览量', '浏览次数', '阅读次数', '点击数', '分享到', '字体[:：大]', '打印本页', '关闭窗口',
    '返回顶部', '相关文章', '相关链接', '相关附件', '^附件[:：]?$', '当前位置', '所在的位置', '^首页', '来源[:：]', '信息来源[:：]',
    '发布日期', '发布时间', '发文日期', '成文日期', '^日期[:：]', '^时间[:：]', '索引号', '发布机构', '发文机关', '公开方式', '公开范围',
    '组配分类', '主题分类', '文号[:：]', '文件已失效', '已失效', '咨询投诉电话', '网络报障', '电话[:：]', '扫一扫', '责任编辑',
    '编辑[:：]', '分辨率', '长者模式', '上一篇', '下一篇', '【',
  ].join('|'),
  'i',
);
const PHONE_NUMBER = /(?:^|[^\d])0\d{2,3}-?\d{7,8}(?:$|[^\d])/;
/** Body lines are sentences; furniture is short and has no full stop. */
const MAX_FURNITURE_LENGTH = 120;

export function isNoiseLine(text: string): boolean {
  if (text.length === 0) return false;
  if (text.length > MAX_FURNITURE_LENGTH || text.includes('。')) return false;
  if (text.includes('|') || text.includes('｜')) return true;
  return FURNITURE.test(text) || PHONE_NUMBER.test(text);
}
