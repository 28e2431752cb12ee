/**
 * Every quantity of an outcome statement, normalised to its base unit (`904.1082万元` → 9041082 元).
 */
import type { Qualifier, Quantity } from '../parsed-report.ts';
import { countedObject, isMultiYear } from './phrase-context.ts';
import { scanNumberPhrases, type NumberPhrase } from './scan-number-phrases.ts';
import { toBaseUnit } from './units.ts';

const PREFIX_TO_QUALIFIER: Readonly<Record<string, Qualifier>> = {
  约: '约', 大约: '约',
  近: '近', 将近: '近', 接近: '近',
  超过: '超过', 超: '超过', 逾: '超过', 多于: '超过', 高于: '超过',
  不足: '不足', 不到: '不足', 少于: '不足', 低于: '不足',
  不少于: '以上', 不低于: '以上', 至少: '以上',
  不超过: '以内', 不高于: '以内',
};
const SUFFIX_TO_QUALIFIER: Readonly<Record<string, Qualifier>> = {
  以上: '以上', 以下: '以下', 以内: '以内', 之内: '以内', 左右: '左右',
};

/** `baseOffset` is the index of `text` in the whole document; spans are document indexes. */
export function extractQuantities(text: string, baseOffset: number): Quantity[] {
  return scanNumberPhrases(text).map((phrase) => toQuantity(text, phrase, baseOffset));
}

function toQuantity(text: string, phrase: NumberPhrase, baseOffset: number): Quantity {
  // A range in a review (`增长6%-7%`) is reported by its lower end: the figure the statement vouches for.
  const { value, unit } = toBaseUnit(phrase.low, phrase.multiplier + phrase.measure);
  return {
    text: text.slice(phrase.start, phrase.end),
    span: [baseOffset + phrase.start, baseOffset + phrase.end],
    value,
    unit,
    qualifier: qualifierOf(phrase),
    object: countedObject(text, phrase),
    multiYear: isMultiYear(text, phrase),
  };
}

function qualifierOf(phrase: NumberPhrase): Qualifier {
  if (phrase.prefix !== null) return PREFIX_TO_QUALIFIER[phrase.prefix] ?? null;
  if (phrase.inner !== null) return phrase.inner;
  if (phrase.suffix !== null) return SUFFIX_TO_QUALIFIER[phrase.suffix] ?? null;
  return null;
}
