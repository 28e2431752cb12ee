/**
 * Whether a number phrase counts something or names it: quoted slogans and titles, formulas (`1+3+4`), project phases
 * (`三期工程`) and the many set phrases built on Chinese numerals (`四个意识`, `两项补贴制度`) are names.
 */
import { CharClass, firstWordAt, wordsByFirstCode } from './char-class.ts';
import { isChineseNumeralChar } from './chinese-number.ts';
import type { NumberPhrase } from './scan-number-phrases.ts';
import type { TextMarks } from './text-marks.ts';

/** Slogans counted with numerals (`四个意识`, `两个维护`, `八项规定`, `五位一体`): names, not quantities. */
const SLOGAN_HEADS: readonly string[] = [
  '意识', '自信', '维护', '服从', '确立', '责任', '面向', '全面', '代表', '一体', '规定', '务必', '坚持', '领跑', '基本',
  '优先', '必须', '分配', '统筹', '结合', '同步', '文明', '示范岗', '联动', '覆盖', '会议', '全会', '代表大会', '数',
  '积极性', '大局', '市场', '资源', '轮子', '翅膀',
];
const SLOGAN_HEADS_BY_FIRST = wordsByFirstCode(SLOGAN_HEADS);
/** A count of mechanisms or networks written in Chinese numerals describes a structure (`两项补贴制度`). */
const STRUCTURE_WORDS = /制度|机制|体系|网络|模式|格局|原则|理念|精神|战略/;
const PHASE_WORDS: readonly string[] = ['工程', '建设', '项目'];
const CLAUSE_END = new CharClass('，,。；;：:、！!？?\n\r（）()');
/** Clauses for the list-total test run across the enumeration comma `、`. */
const CLAUSE_START = new CharClass('，,。；;：:！!？?\n\r');
const PAIRED_COUNT = /[两三四五六七八九十][个种项类大]/;

/** Rejects numbers that name rather than count: quoted slogans, titles, formulas, phases and slogan counts. */
export function isCountedQuantity(text: string, phrase: NumberPhrase, marks: TextMarks): boolean {
  if (marks.isQuoted(phrase.numberStart, phrase.unitEnd) || marks.isInTitle(phrase.numberStart)) return false;
  const next = text.charAt(phrase.unitEnd);
  if (next === '+' || next === '＋') return false;
  if (phrase.measure === '期' && PHASE_WORDS.some((word) => text.startsWith(word, phrase.unitEnd))) return false;
  if (phrase.numeral === 'chinese') return isCountInChineseNumerals(text, phrase, next);
  return true;
}

/**
 * Chinese numerals count far less often than they name: slogans (`四个意识`), paired phrases (`两个市场两种资源`),
 * named sets after a quotation (`“一带一路”八项行动`), totals of members just named (`…、职业培训创新三项工程`,
 * `中央和地方两个积极性`) and project phases (`院区三期`).
 */
function isCountInChineseNumerals(text: string, phrase: NumberPhrase, next: string): boolean {
  if (isChineseNumeralChar(next)) return false;
  if (firstWordAt(SLOGAN_HEADS_BY_FIRST, text, phrase.unitEnd) !== null) return false;
  const following = followingWords(text, phrase.unitEnd, 8);
  if (STRUCTURE_WORDS.test(following) || PAIRED_COUNT.test(following)) return false;
  const before = phrase.numberStart > 0 ? text.charAt(phrase.numberStart - 1) : '';
  if (before === '”' || before === '》' || before === '"') return false;
  // `中央和地方两个积极性`: a count right after naming its members restates them.
  if (/[、和与及]/.test(precedingClause(text, phrase.numberStart))) return false;
  if (phrase.measure === '期' && (following === '' || PHASE_WORDS.some((word) => following.startsWith(word)))) {
    return false;
  }
  return true;
}

function precedingClause(text: string, index: number): string {
  let start = index;
  while (start > 0 && index - start < 40 && !CLAUSE_START.has(text.charCodeAt(start - 1))) start--;
  return text.slice(start, index);
}

function followingWords(text: string, from: number, limit: number): string {
  let end = from;
  while (end < text.length && end - from < limit && !CLAUSE_END.has(text.charCodeAt(end))) end++;
  return text.slice(from, end);
}
