/**
 * Finds every number phrase of a text in one left-to-right pass: a number (Arabic digits, Chinese numerals or
 * `百分之…`), an optional range end, the qualifiers around it, its multiplier and its unit.
 * Each position is read a bounded number of times, so the scan is linear in the length of the text.
 */
import { isArabicDigitCode, isDecimalPointCode, parseArabicNumber } from './arabic-number.ts';
import { CharClass, firstWordAt, wordsByFirstCode, wordsByLastCode } from './char-class.ts';
import { isChineseNumeralCode, parseChineseNumber } from './chinese-number.ts';
import { MULTIPLIERS, matchUnitAt, type NumeralKind } from './units.ts';
import { TextMarks } from './text-marks.ts';
import { isCountedQuantity } from './counted-or-named.ts';

export type InnerQualifier = '余' | '多';

export interface NumberPhrase {
  /** [start, end) of the whole phrase, prefix and suffix qualifiers included. */
  start: number;
  end: number;
  /** Where the first number begins and where the unit ends (before any suffix qualifier). */
  numberStart: number;
  unitEnd: number;
  /** Range ends as written, before the multiplier (equal for a single value). */
  low: number;
  high: number;
  isRange: boolean;
  /** `万`, `亿`, `万亿`, … or '' (Chinese numerals carry theirs in the number itself). */
  multiplier: string;
  /** The unit or measure word after the multiplier (`人次`, `元`, `%`, `个`). */
  measure: string;
  numeral: NumeralKind;
  /** The qualifier word before the number as written (`约`, `近`, `超过`, `不少于`, …). */
  prefix: string | null;
  /** `余`/`多` between the number and its unit (`2.4万余人次`, `1100多户`). */
  inner: InnerQualifier | null;
  /** The qualifier word after the unit (`以上`, `以下`, `以内`, `左右`, `之内`). */
  suffix: string | null;
}

/** Longest first. */
export const PREFIX_QUALIFIERS: readonly string[] = [
  '不少于', '不低于', '不超过', '不高于', '不足', '不到', '超过', '大约', '将近', '接近', '至少', '多于', '少于', '低于',
  '高于', '约', '近', '超', '逾',
];

/** The prefix qualifiers that can end at a position are those ending in the character before it, kept in order. */
const PREFIX_QUALIFIERS_BY_LAST = wordsByLastCode(PREFIX_QUALIFIERS);

const SUFFIX_QUALIFIERS: readonly string[] = ['以上', '以下', '以内', '之内', '左右'];
const SUFFIX_QUALIFIERS_BY_FIRST = wordsByFirstCode(SUFFIX_QUALIFIERS);

const ARABIC_MULTIPLIER_OPTIONS: readonly string[] = [...MULTIPLIERS.map(([name]) => name), ''];
/** Every multiplier but '' starts with one of these; elsewhere only the bare unit can follow a number. */
const MULTIPLIER_FIRST_CHARS = new CharClass(MULTIPLIERS.map(([name]) => name.charAt(0)).join(''));
const NO_MULTIPLIER: readonly string[] = [''];
const RANGE_DASHES = new CharClass('-—–~～－至到');
const SPACES = new CharClass(' \u3000\u00a0\t');
/** A number right after these is part of a code, a date, a formula or a decimal (`PM2.5`, `2018-03-22`, `1+3+4`). */
const BLOCKING_PREVIOUS = new CharClass('.．﹒-+＋/:：_#＃@~～');
/** Ordinals (`第三届`), rate denominators (`每万人`), weekdays and calendar days (`周一`, `初一`). */
const BLOCKING_PREVIOUS_WORD = new CharClass('第每周初');
/** `节约`, `制约`, `预约` … end in 约 but do not mean "about". */
const NOT_ABOUT_BEFORE_YUE = new Set(['节', '制', '简', '契', '预', '公', '条', '签', '履', '相', '特', '隐']);
/** 1 for the code units that can open a number: digits, full-width digits and Chinese numerals (`百` of `百分之`). */
const NUMBER_STARTS: Uint8Array = numberStarts();
const YU = 0x4f59; // 余
const DUO = 0x591a; // 多
const COMMA = 0x2c;
const ASCII_ZERO = 0x30;
const MAX_EXACT_DIGITS = 15;
export function scanNumberPhrases(text: string): NumberPhrase[] {
  const marks = new TextMarks(text);
  const phrases: NumberPhrase[] = [];
  let index = 0;
  for (;;) {
    index = marks.nextFlagged(index, NUMBER_STARTS);
    if (index >= text.length) break;
    const read = text.startsWith('百分之', index) ? readPercentWords(text, index) : readNumberPhrase(text, index);
    if (read.phrase !== null && isCountedQuantity(text, read.phrase, marks)) phrases.push(read.phrase);
    index = Math.max(read.resumeAt, index + 1);
  }
  return phrases;
}

function numberStarts(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let code = 0; code < table.length; code++) {
    if (isArabicDigitCode(code) || isChineseNumeralCode(code)) table[code] = 1;
  }
  return table;
}

interface ReadResult {
  phrase: NumberPhrase | null;
  /** Where scanning resumes: after the phrase, or after the number that failed to form one. */
  resumeAt: number;
}

interface RawNumber {
  value: number;
  end: number;
  numeral: NumeralKind;
  /** Chinese numerals only: the run of numeral characters as written. */
  run: string;
}

interface Tail {
  multiplier: string;
  measure: string;
  inner: InnerQualifier | null;
  end: number;
}

function readNumberPhrase(text: string, start: number): ReadResult {
  const previous = start > 0 ? text.charCodeAt(start - 1) : NaN;
  if (isChineseNumeralCode(text.charCodeAt(start))) {
    const runEnd = skipNumeralRun(text, start);
    if (!canStartChinesePhrase(text, previous, runEnd)) return { phrase: null, resumeAt: runEnd };
  }
  const first = readNumber(text, start);
  if (first === null) return { phrase: null, resumeAt: skipNumeralRun(text, start) };
  const blocked =
    isArabicDigitCode(previous) ||
    isAsciiLetterCode(previous) ||
    BLOCKING_PREVIOUS.has(previous) ||
    BLOCKING_PREVIOUS_WORD.has(previous) ||
    (first.numeral === 'chinese' && isChineseNumeralCode(previous));
  if (blocked) return { phrase: null, resumeAt: first.end };

  const firstTail = readTail(text, first);
  const range = readRangeEnd(text, first, firstTail);
  const tail = range?.tail ?? firstTail;
  if (tail === null) return { phrase: null, resumeAt: first.end };
  if (!isAcceptableBareNumeral(first, tail)) return { phrase: null, resumeAt: first.end };

  const suffix = firstWordAt(SUFFIX_QUALIFIERS_BY_FIRST, text, tail.end);
  const prefix = prefixQualifierBefore(text, start);
  const low = first.value;
  const high = range?.high ?? first.value;
  const phrase: NumberPhrase = {
    start: start - (prefix?.length ?? 0),
    end: tail.end + (suffix?.length ?? 0),
    numberStart: start,
    unitEnd: tail.end,
    low,
    high,
    isRange: range !== null,
    multiplier: tail.multiplier,
    measure: tail.measure,
    numeral: first.numeral,
    prefix,
    inner: firstTail?.inner ?? tail.inner,
    suffix,
  };
  return { phrase, resumeAt: phrase.end };
}

/**
 * Most Chinese numerals in a report are words (`统一`, `进一步`, `一批`): whatever their value, a run of numerals
 * forms no phrase when a blocking character precedes it or when neither a unit nor a range dash follows it, and the
 * scan then resumes after the run. Deciding that before reading the value skips the parse for nearly all of them.
 */
function canStartChinesePhrase(text: string, previous: number, runEnd: number): boolean {
  if (isArabicDigitCode(previous) || isAsciiLetterCode(previous) || isChineseNumeralCode(previous)) return false;
  if (BLOCKING_PREVIOUS.has(previous) || BLOCKING_PREVIOUS_WORD.has(previous)) return false;
  const shape: RawNumber = { value: 0, end: runEnd, numeral: 'chinese', run: '' };
  return readTail(text, shape) !== null || RANGE_DASHES.has(text.charCodeAt(skipSpaces(text, runEnd)));
}

/** `百分之五`, `百分之九十五`, `百分之3.5` → a percentage. */
function readPercentWords(text: string, start: number): ReadResult {
  const numberStart = start + '百分之'.length;
  const number = readNumber(text, numberStart);
  if (number === null) return { phrase: null, resumeAt: numberStart };
  const suffix = firstWordAt(SUFFIX_QUALIFIERS_BY_FIRST, text, number.end);
  const prefix = prefixQualifierBefore(text, start);
  return {
    phrase: {
      start: start - (prefix?.length ?? 0),
      end: number.end + (suffix?.length ?? 0),
      numberStart: start,
      unitEnd: number.end,
      low: number.value,
      high: number.value,
      isRange: false,
      multiplier: '',
      measure: '%',
      numeral: number.numeral,
      prefix,
      inner: null,
      suffix,
    },
    resumeAt: number.end + (suffix?.length ?? 0),
  };
}

function readNumber(text: string, start: number): RawNumber | null {
  const code = text.charCodeAt(start);
  if (isArabicDigitCode(code)) return readArabic(text, start);
  if (isChineseNumeralCode(code)) return readChinese(text, start);
  return null;
}

function readArabic(text: string, start: number): RawNumber | null {
  let end = start;
  while (end < text.length && isArabicDigitCode(text.charCodeAt(end))) end++;
  const integer = asciiIntegerValue(text, start, end);
  if (integer !== null && !isDecimalPointCode(text.charCodeAt(end)) && text.charCodeAt(end) !== COMMA) {
    return { value: integer, end, numeral: 'arabic', run: '' };
  }
  if (end - start <= 3) {
    // Thousands separators: `1,200` but not the clause comma of `264名,占39%`.
    while (
      text.charCodeAt(end) === COMMA &&
      isArabicDigitCode(text.charCodeAt(end + 1)) &&
      isArabicDigitCode(text.charCodeAt(end + 2)) &&
      isArabicDigitCode(text.charCodeAt(end + 3)) &&
      !isArabicDigitCode(text.charCodeAt(end + 4))
    ) {
      end += 4;
    }
  }
  if (isDecimalPointCode(text.charCodeAt(end)) && isArabicDigitCode(text.charCodeAt(end + 1))) {
    end++;
    while (end < text.length && isArabicDigitCode(text.charCodeAt(end))) end++;
  }
  const value = parseArabicNumber(text.slice(start, end));
  return value === null ? null : { value, end, numeral: 'arabic', run: '' };
}

/**
 * The value of [start, end) when it is a run of at most 15 ASCII digits, read without a substring (what
 * `parseArabicNumber` would return for it: every such integer is exact in a double), else null.
 */
function asciiIntegerValue(text: string, start: number, end: number): number | null {
  if (end - start > MAX_EXACT_DIGITS) return null;
  let value = 0;
  for (let at = start; at < end; at++) {
    const digit = text.charCodeAt(at) - ASCII_ZERO;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return value;
}

function readChinese(text: string, start: number): RawNumber | null {
  const end = skipNumeralRun(text, start);
  const run = text.slice(start, end);
  const value = parseChineseNumber(run);
  return value === null ? null : { value, end, numeral: 'chinese', run };
}

function skipNumeralRun(text: string, start: number): number {
  let end = start;
  if (isArabicDigitCode(text.charCodeAt(end))) {
    while (end < text.length && (isArabicDigitCode(text.charCodeAt(end)) || isDecimalPointCode(text.charCodeAt(end)))) end++;
    return end;
  }
  while (end < text.length && isChineseNumeralCode(text.charCodeAt(end))) end++;
  return end;
}

function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function skipSpaces(text: string, index: number): number {
  let at = index;
  // A few spaces at most: `近4000 万元` is one phrase, a column gap in a table is not.
  while (at < text.length && at - index < 3 && SPACES.has(text.charCodeAt(at))) at++;
  return at;
}

function readInner(text: string, index: number): InnerQualifier | null {
  const code = text.charCodeAt(index);
  return code === YU ? '余' : code === DUO ? '多' : null;
}

/** The multiplier and unit after a number: `万余人次`, `余万元`, ` 万元`, `%`, `个`. */
function readTail(text: string, number: RawNumber): Tail | null {
  const afterSpaces = skipSpaces(text, number.end);
  const innerBefore = readInner(text, afterSpaces);
  const afterInner = afterSpaces + (innerBefore === null ? 0 : 1);
  const multipliers =
    number.numeral === 'arabic' && MULTIPLIER_FIRST_CHARS.has(text.charCodeAt(afterInner)) ? ARABIC_MULTIPLIER_OPTIONS : NO_MULTIPLIER;
  for (const multiplier of multipliers) {
    if (multiplier !== '' && !text.startsWith(multiplier, afterInner)) continue;
    const afterMultiplier = afterInner + multiplier.length;
    const innerAfter = innerBefore === null && multiplier !== '' ? readInner(text, afterMultiplier) : null;
    const unitStart = afterMultiplier + (innerAfter === null ? 0 : 1);
    const measure = matchUnitAt(text, unitStart, number.numeral);
    if (measure === null) continue;
    // `10多个` reads 多 as "more than"; `3多` with nothing after is not a quantity.
    return { multiplier, measure, inner: innerBefore ?? innerAfter, end: unitStart + measure.length };
  }
  return null;
}

/** `8-10个`, `6—8个`, `6%-6.5%`, `10-20万元`, `10万—20万元`, `三至五个`. */
function readRangeEnd(text: string, first: RawNumber, firstTail: Tail | null): { high: number; tail: Tail } | null {
  // `10万—20万元`: the first end may carry the multiplier alone, its unit shared with the second.
  const bareMultiplier =
    firstTail === null && first.numeral === 'arabic'
      ? (ARABIC_MULTIPLIER_OPTIONS.find((name) => name !== '' && text.startsWith(name, first.end)) ?? '')
      : '';
  const dashAt = skipSpaces(text, firstTail?.end ?? first.end + bareMultiplier.length);
  if (!RANGE_DASHES.has(text.charCodeAt(dashAt))) return null;
  const secondStart = skipSpaces(text, dashAt + 1);
  const second = readNumber(text, secondStart);
  if (second === null) return null;
  const secondTail = readTail(text, second);
  if (secondTail === null || second.value < first.value) return null;
  if (firstTail !== null && (firstTail.measure !== secondTail.measure || firstTail.multiplier !== secondTail.multiplier)) {
    return null;
  }
  if (bareMultiplier !== '' && bareMultiplier !== secondTail.multiplier) return null;
  if (first.numeral === 'chinese' && !isAcceptableBareNumeral(second, secondTail)) return null;
  return { high: second.value, tail: secondTail };
}

/**
 * A lone `一` is the article "a" (`一批`, `一支队伍`), a lone `二` an ordinal (`二次供水`); a bare `万`/`亿` is a
 * denominator (`万元GDP`); a bare `千`/`百` counts only people (`千名干部`).
 */
function isAcceptableBareNumeral(number: RawNumber, tail: Tail): boolean {
  if (number.numeral !== 'chinese') return true;
  if (number.run === '一' || number.run === '二' || number.run === '〇' || number.run === '零') return false;
  if (number.run === '万' || number.run === '亿') return false;
  // `亿万人民`, `千万不能`: multipliers with no digit are words.
  if (number.run.length > 1 && /^[百千万亿]+$/.test(number.run)) return false;
  if (number.run === '千' || number.run === '百') return tail.measure === '名';
  return true;
}

function prefixQualifierBefore(text: string, numberStart: number): string | null {
  const candidates = PREFIX_QUALIFIERS_BY_LAST.get(text.charCodeAt(numberStart - 1));
  if (candidates === undefined) return null;
  for (const word of candidates) {
    const at = numberStart - word.length;
    if (at < 0 || !text.startsWith(word, at)) continue;
    const before = at > 0 ? text.charAt(at - 1) : '';
    if (word === '约' && NOT_ABOUT_BEFORE_YUE.has(before)) continue;
    if (word === '近' && (before === '最' || before === '附' || before === '邻')) continue;
    if (word === '超' && before === '赶') continue;
    return word;
  }
  return null;
}
