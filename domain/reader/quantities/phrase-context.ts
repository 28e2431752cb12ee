/**
 * What the words around a number phrase say: what is counted (`object`) and whether the figure covers several years.
 * Chinese report sentences name the metric before its figure (`城镇新增就业1206万人`) or, after a measure word, the
 * counted noun right after it (`56个社区`, `1100余名优抚对象`).
 */
import { isArabicDigitCode } from './arabic-number.ts';
import { CharClass, firstWordAt, wordsByFirstCode } from './char-class.ts';
import type { NumberPhrase } from './scan-number-phrases.ts';
import { CLASSIFIERS } from './units.ts';

const CLAUSE_BOUNDARY = new CharClass('，,。；;：:、！!？?\n\r\t （）()“”"《》「」【】\u3000—');
const SENTENCE_BOUNDARY = new CharClass('。；;！!？?\n\r');
const LONGEST_OBJECT = 16;
const LOOKBACK = 40;

/** Words that open a clause before the metric: time, scope, intention, and the verbs of giving and doing. */
const LEADING_WORDS: readonly string[] = [
  '截至年底', '截至目前', '今年', '全年', '明年', '当年', '年内', '年末', '年底', '同期', '其中', '此外', '另外', '预计',
  '计划', '力争', '争取', '确保', '拟安排', '安排', '拟', '共有', '共计', '累计', '共', '全区', '全市', '全县',
  '发放', '投入', '实施', '惠及', '完成', '引进', '培育', '创建', '新建', '建成', '建设', '打造', '办好', '举办', '开展',
  '组织', '发动', '接待', '安置', '调查', '帮助', '救助', '资助', '为', '在', '向', '给', '使', '让', '实现', '推动',
  '带动', '吸引', '发行', '筹集', '募集', '受理', '办理', '培训', '走访', '慰问', '使用', '用好', '坚决守住', '守住',
  '新增', '增加',
];
/** Words that close the clause just before the figure: linking verbs, levels and qualifiers. */
const TRAILING_WORDS: readonly string[] = [
  '保持在', '控制在', '稳定在', '下降到', '降低到', '降到', '降至', '提高到', '提高至', '提升到', '增加到', '增长到',
  '增至', '达到', '平均为', '平均', '拟按', '按', '突破', '超过', '共计', '合计', '总计', '累计', '约为', '约', '近',
  '为', '是', '达', '占', '有', '到', '在', '了', '至', '的', '全年', '今年', '年末', '年底', '预计', '计划', '拟', '安排',
  '分别', '共', '从', '由',
];
const LEADING_BY_FIRST = groupedBy(LEADING_WORDS, (word) => word.charCodeAt(0));
const TRAILING_BY_LAST = groupedBy(TRAILING_WORDS, (word) => word.charCodeAt(word.length - 1));
const LEADING_WORD_SET: ReadonlySet<string> = new Set(LEADING_WORDS);
const TRAILING_WORD_SET: ReadonlySet<string> = new Set(TRAILING_WORDS);
/** Verbs and particles that end the counted noun after a measure word (`56个社区建立…`). */
const FOLLOWING_STOPS: readonly string[] = [
  '建立', '建设', '开展', '完成', '实现', '进行', '提供', '参与', '参加', '获得', '达到', '纳入', '覆盖', '发放', '投入',
  '惠及', '沉入', '落户', '入驻', '受益', '接受', '以上', '以下', '以内', '左右', '的', '和', '及', '等',
];
const FOLLOWING_STOPS_BY_FIRST = wordsByFirstCode(FOLLOWING_STOPS);
const NOT_A_NOUN_START = new CharClass('的以和及等在为左上下里内后前次');
/** After a measure word the counted noun may carry a parenthesis: `6—8个街道(社区)社会工作专业服务团队`. */
const FOLLOWING_BOUNDARY = new CharClass('，,。；;：:、！!？?\n\r\t “”"《》「」【】\u3000');
/** The comparison part of `支出规模比去年扩大`: the metric is 支出规模扩大. */
const COMPARISON_BASE = /比(?:上年|去年|上一年|前一年|往年)(?:年初预算|同期|年初)?/g;
const COMPARISON_BASE_NEEDS = new CharClass('比');
/**
 * `入园率和普惠率分别达96%和` before 94%: the metric ends where the clause's earlier figure begins (dates, `PM2.5` and
 * `5G` are not figures).
 */
const EARLIER_FIGURE = /(?<![A-Za-z0-9０-９.．])[0-9０-９]+(?![0-9０-９]*(?:年|月|日|[A-Za-z])).*$/;
const EARLIER_FIGURE_NEEDS = new CharClass('0123456789０１２３４５６７８９');
/** The starting level of `城镇化率从60.2%提高到65.2%`: the metric of 65.2% is 城镇化率. */
const FROM_LEVEL = /[从由][0-9０-９][^，,。；;]{0,12}?(?:提高|增加|增长|上升|提升|扩大|降低|下降|减少|压减|压缩|缩短|降)(?:到|至|为)$/;
const FROM_LEVEL_NEEDS = new CharClass('从由');

const MULTI_YEAR_CUES =
  /年均(?!浓度|气温|降水|降雨|值)|累计|五年来|过去五年|近五年|五年间|[两三四五六七八九十]年来|规划期|五年规划|十[一二三四五六七八九]五”?(?:期间|时期|末)|三年行动|(?:19|20)\d\d[-—–至到](?:19|20)?\d\d年/;
/** `全年累计` and `当年累计` add up one year only. */
const SINGLE_YEAR_TOTAL = /(?:全年|今年|当年|本年|年内)累计/;

export function clauseStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && index - start < LOOKBACK && !CLAUSE_BOUNDARY.has(text.charCodeAt(start - 1))) start--;
  return start;
}

export function sentenceStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && index - start < 4 * LOOKBACK && !SENTENCE_BOUNDARY.has(text.charCodeAt(start - 1))) start--;
  return start;
}

/** The words before the figure that name its metric, stripped of time, intention and linking words. */
export function objectBefore(text: string, phrase: NumberPhrase): string | null {
  const clause = text.slice(clauseStart(text, phrase.start), phrase.start);
  const withoutBase = removeMatches(clause, COMPARISON_BASE, COMPARISON_BASE_NEEDS);
  const withoutLevel = removeMatches(withoutBase, FROM_LEVEL, FROM_LEVEL_NEEDS);
  const raw = removeMatches(withoutLevel, EARLIER_FIGURE, EARLIER_FIGURE_NEEDS);
  let words = stripYears(raw);
  for (let changed = true; changed; ) {
    const before = words.length;
    words = stripTrailingWords(stripLeadingWords(words));
    changed = words.length !== before;
  }
  if (words.length < 2 || TRAILING_WORD_SET.has(words) || LEADING_WORD_SET.has(words)) return null;
  return words.length > LONGEST_OBJECT ? words.slice(words.length - LONGEST_OBJECT) : words;
}

/**
 * One pass over LEADING_WORDS in order, each word that opens `words` (leaving two characters or more) stripped along
 * with the years after it. Only the words sharing the current first character are tried; the order is kept by
 * resuming after the last word stripped.
 */
function stripLeadingWords(start: string): string {
  let words = start;
  let from = 0;
  for (;;) {
    const group = LEADING_BY_FIRST.get(words.charCodeAt(0));
    const entry = group?.find((it) => it.order >= from && words.startsWith(it.word) && words.length - it.word.length >= 2);
    if (entry === undefined) return words;
    words = stripYears(words.slice(entry.word.length));
    from = entry.order + 1;
  }
}

/** One pass over TRAILING_WORDS in order, each word that closes `words` (and is not all of it) stripped. */
function stripTrailingWords(start: string): string {
  let words = start;
  let from = 0;
  for (;;) {
    const group = TRAILING_BY_LAST.get(words.charCodeAt(words.length - 1));
    const entry = group?.find((it) => it.order >= from && words.endsWith(it.word) && words.length > it.word.length);
    if (entry === undefined) return words;
    words = words.slice(0, words.length - entry.word.length);
    from = entry.order + 1;
  }
}

interface OrderedWord {
  word: string;
  /** Index in its list: the lists are tried in order. */
  order: number;
}

function groupedBy(words: readonly string[], key: (word: string) => number): ReadonlyMap<number, readonly OrderedWord[]> {
  const groups = new Map<number, OrderedWord[]>();
  words.forEach((word, order) => {
    const group = groups.get(key(word));
    if (group === undefined) groups.set(key(word), [{ word, order }]);
    else group.push({ word, order });
  });
  return groups;
}

/**
 * `text.replace(pattern, '')`, skipping the regular expression when `text` holds none of the characters every match
 * contains: most clauses before a figure have no comparison, no starting level and no earlier figure.
 */
function removeMatches(text: string, pattern: RegExp, needs: CharClass): string {
  for (let i = 0; i < text.length; i++) if (needs.has(text.charCodeAt(i))) return text.replace(pattern, '');
  return text;
}

/** Leading years (`2016年`) and enumeration markers (`6.`, `一是`) are not part of a metric's name. */
function stripYears(words: string): string {
  return words.replace(/^(?:(?:19|20)\d\d年度?|\d{1,2}[.．、]|[一二三四五六七八九十]+是)+/, '');
}

/** The counted noun after a measure word (`社区` in `56个社区建立…`), or null. */
export function objectAfter(text: string, phrase: NumberPhrase): string | null {
  if (phrase.suffix !== null) return null;
  const from = phrase.end;
  if (NOT_A_NOUN_START.has(text.charCodeAt(from))) return null;
  let end = from;
  while (
    end < text.length &&
    end - from < LONGEST_OBJECT &&
    !FOLLOWING_BOUNDARY.has(text.charCodeAt(end)) &&
    !isArabicDigitCode(text.charCodeAt(end)) &&
    !(end > from && firstWordAt(FOLLOWING_STOPS_BY_FIRST, text, end) !== null)
  ) {
    end++;
  }
  const words = text.slice(from, end);
  return words.length >= 2 ? words : null;
}

/** What is counted: the noun after a measure word when there is one, else the metric named before the figure. */
export function countedObject(text: string, phrase: NumberPhrase): string | null {
  if (CLASSIFIERS.has(phrase.measure)) return objectAfter(text, phrase) ?? objectBefore(text, phrase);
  // Amounts and rates name their metric before the figure; `新建1亿亩高标准农田` names it after.
  return objectBefore(text, phrase) ?? objectAfter(text, phrase);
}

/** True when the sentence up to the figure speaks of several years (`年均`, `累计`, `五年来`, `“十四五”`). */
export function isMultiYear(text: string, phrase: NumberPhrase): boolean {
  const lead = text.slice(sentenceStart(text, phrase.start), phrase.start);
  if (!MULTI_YEAR_CUES.test(lead)) return false;
  return !(SINGLE_YEAR_TOTAL.test(lead) && !MULTI_YEAR_CUES.test(lead.replace(SINGLE_YEAR_TOTAL, '')));
}
