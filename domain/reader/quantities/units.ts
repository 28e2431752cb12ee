/**
 * Units of measure as they appear after a number: an optional multiplier (`万`, `亿`, `万亿` …) and a measure word or
 * unit (`人次`, `元`, `%`, `个`). A quantity is normalised to its base unit; a target keeps the unit as written.
 */
import { normaliseFloat } from './arabic-number.ts';
import { firstWordAt, wordsByFirstCode } from './char-class.ts';

/** Longest first, so `万亿` wins over `万` and `千万` over `千`. */
export const MULTIPLIERS: readonly (readonly [string, number])[] = [
  ['万亿', 1e12], ['千亿', 1e11], ['百亿', 1e10], ['千万', 1e7], ['百万', 1e6], ['亿', 1e8], ['万', 1e4], ['千', 1e3],
];

/** Units and measure words that follow Arabic numbers. Years, months, days, levels (级), sessions (届) and kinds (种)
 * are deliberately absent: a number before them is a date, an ordinal or a structural description. */
const UNITS_AFTER_DIGITS: readonly string[] = [
  '平方公里', '平方千米', '个百分点', '标准箱',
  '平方米', '立方米', '百分点', '千瓦时',
  '千瓦', '千克', '公斤', '公里', '千米', '公顷', '人次', '户次', '家次', '场次', '车次', '架次', '小时', '个月', '分钟', '课时',
  '学时', '美元', '欧元', '港元', '家庭',
  '%', '％', '‰', '人', '名', '位', '户', '家', '个', '项', '件', '宗', '起', '次', '场', '期', '座', '所', '间', '处',
  '张', '床', '套', '台', '辆', '艘', '架', '部', '条', '块', '片', '本', '册', '份', '篇', '支', '队', '组', '对', '例',
  '只', '头', '株', '棵', '吨', '斤', '克', '元', '亩', '米', '度', '分', '倍', '岁', '天', '栋', '幢', '层', '盏', '根',
];

/** After Chinese numerals only unambiguous measure words count: `十分`, `三方`, `二次供水` are words, not quantities. */
const UNITS_AFTER_CHINESE_NUMERALS: readonly string[] = [
  '个百分点', '人次', '个', '家', '期', '名', '位', '户', '所', '座', '项', '件', '场', '次', '处', '条', '张', '套', '台',
  '间', '部', '辆', '册', '篇', '份', '支', '队', '对', '宗', '例', '人', '倍', '天', '栋', '幢',
];

/** Measure words that classify the noun right after them (`56个社区`, `12期公益沙龙`, `1100余名优抚对象`). */
export const CLASSIFIERS = new Set([
  '个', '家', '期', '名', '位', '户', '所', '座', '项', '件', '宗', '起', '次', '场', '间', '处', '张', '套', '台', '辆',
  '艘', '架', '部', '条', '块', '本', '册', '份', '篇', '支', '队', '组', '对', '例', '只', '头', '株', '棵', '栋', '幢',
  '盏', '人次', '户次', '场次', '人',
]);

export type NumeralKind = 'arabic' | 'chinese';

const UNITS_AFTER_DIGITS_BY_FIRST = wordsByFirstCode(UNITS_AFTER_DIGITS);
const UNITS_AFTER_CHINESE_NUMERALS_BY_FIRST = wordsByFirstCode(UNITS_AFTER_CHINESE_NUMERALS);

/** The unit starting at `index`, longest first, or null. */
export function matchUnitAt(text: string, index: number, numeral: NumeralKind): string | null {
  return firstWordAt(numeral === 'arabic' ? UNITS_AFTER_DIGITS_BY_FIRST : UNITS_AFTER_CHINESE_NUMERALS_BY_FIRST, text, index);
}

export function multiplierFactor(multiplier: string): number | null {
  if (multiplier === '') return 1;
  for (const [name, factor] of MULTIPLIERS) if (name === multiplier) return factor;
  return null;
}

const UNIT_SYNONYMS: Readonly<Record<string, string>> = {
  '％': '%',
  个百分点: '百分点',
  千克: '公斤',
  平方千米: '平方公里',
  千米: '公里',
};

/** Spelling variants of one unit as written (`％` and `%`), without changing its multiplier. */
export function canonicalUnitSpelling(unit: string): string {
  return unit.replaceAll('％', '%');
}

/** `1200`,`万人` → 12000000 `人`; `5`,`%` → 5 `%`; `1.3`,`万亿斤` → 1.3e12 `斤`. */
export function toBaseUnit(value: number, unitAsWritten: string): { value: number; unit: string } {
  const written = unitAsWritten.trim();
  for (const [multiplier, factor] of MULTIPLIERS) {
    // `千瓦`, `千克`, `千米` are units of their own, not 千 × 瓦.
    if (written.startsWith(multiplier) && !(multiplier === '千' && isUnitStartingWithQian(written))) {
      return { value: normaliseFloat(value * factor), unit: baseSpelling(written.slice(multiplier.length)) };
    }
  }
  return { value, unit: baseSpelling(written) };
}

function isUnitStartingWithQian(unit: string): boolean {
  return ['千瓦时', '千瓦', '千克', '千米'].some((name) => unit.startsWith(name));
}

function baseSpelling(unit: string): string {
  return UNIT_SYNONYMS[unit] ?? unit;
}

/** People are counted as `人`, `名` or `位` interchangeably. */
const SAME_MEASURE: Readonly<Record<string, string>> = { 名: '人', 位: '人' };

/** Whether two units (as written or base) measure the same thing once multipliers are removed. */
export function sameBaseUnit(a: string, b: string): boolean {
  return measureOf(a) === measureOf(b);
}

/** What a unit measures, one spelling per measure: two units compare (`sameBaseUnit`) when these are equal. */
export function measureOf(unit: string): string {
  const base = toBaseUnit(1, unit).unit;
  return SAME_MEASURE[base] ?? base;
}
