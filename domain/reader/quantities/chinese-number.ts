/**
 * Reading numbers written in Chinese numerals (`十二`, `两千三百`, `一万亿`) and mixed forms (`2.4万`, `1.3万亿`).
 */
import { multiplierFactor } from './units.ts';
import { normaliseFloat, parseArabicNumber } from './arabic-number.ts';
import { CharClass } from './char-class.ts';

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

const CHINESE_NUMERALS = new CharClass(CHINESE_NUMERAL_CHARS);

export function isChineseNumeralChar(char: string): boolean {
  return char.length === 1 && CHINESE_NUMERALS.has(char.charCodeAt(0));
}

/** `isChineseNumeralChar` by code unit. */
export function isChineseNumeralCode(code: number): boolean {
  return CHINESE_NUMERALS.has(code);
}

/** Value of a Chinese-numeral or mixed number, or null when `s` is not one. */
export function parseChineseNumber(s: string): number | null {
  const text = s.trim();
  if (text.length === 0) return null;
  const mixed = /^([0-9０-９][0-9０-９,，]*(?:[.．﹒][0-9０-９]+)?)([十百千万亿]*)$/.exec(text);
  if (mixed !== null) {
    const numberPart = parseArabicNumber(mixed[1] ?? '');
    if (numberPart === null) return null;
    const suffix = mixed[2] ?? '';
    if (suffix === '') return numberPart;
    const factor = multiplierFactor(suffix);
    return factor === null ? null : normaliseFloat(numberPart * factor);
  }
  for (const char of text) if (!isChineseNumeralChar(char)) return null;
  if (!/[十百千万亿]/.test(text)) return readDigitByDigit(text);
  return readPlaceValue(text);
}

/** `二〇二二` → 2022: numerals read one digit at a time, as in years. */
function readDigitByDigit(text: string): number {
  let value = 0;
  for (const char of text) value = value * 10 + (DIGIT_VALUES[char] ?? 0);
  return value;
}

function readPlaceValue(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of text) {
    const digitValue = DIGIT_VALUES[char];
    if (digitValue !== undefined) {
      // Two digits in a row without a place between them (`一二十`) is not a number.
      if (digit !== null && digit !== 0 && digitValue !== 0) return null;
      digit = digitValue;
      continue;
    }
    const smallUnit = SMALL_UNIT_VALUES[char];
    if (smallUnit !== undefined) {
      section += (digit ?? 1) * smallUnit;
      digit = null;
      continue;
    }
    const current = section + (digit ?? 0);
    if (char === '万') {
      // `万亿` multiplies what came before by both; a bare `万` starts a new lower section.
      total += (current === 0 && total === 0 ? 1 : current) * 1e4;
    } else {
      const beforeYi = total + current;
      total = (beforeYi === 0 ? 1 : beforeYi) * 1e8;
    }
    section = 0;
    digit = null;
  }
  return normaliseFloat(total + section + (digit ?? 0));
}
