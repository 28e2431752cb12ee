/** Reading numbers written in Arabic digits, full-width digits, thousands separators and the decimal marks of the sources. */

const FULL_WIDTH_ZERO = '０'.charCodeAt(0);
const PLAIN_ASCII_NUMBER = /^\d+(?:\.\d+)?$/;

export function isArabicDigit(char: string): boolean {
  return (char >= '0' && char <= '9') || (char >= '０' && char <= '９');
}

/** `.`, full-width `．` and the small full stop `﹒` (U+FE52) all serve as decimal points in scraped reports. */
export function isDecimalPoint(char: string): boolean {
  return char === '.' || char === '．' || char === '﹒';
}

/** `904.1082` → 904.1082, `１,２００` → 1200; null when `s` holds anything else. */
export function parseArabicNumber(s: string): number | null {
  if (PLAIN_ASCII_NUMBER.test(s)) return Number(s);
  let ascii = '';
  for (const char of s) {
    if (char >= '０' && char <= '９') ascii += String(char.charCodeAt(0) - FULL_WIDTH_ZERO);
    else if (isDecimalPoint(char)) ascii += '.';
    else if (char === ',' || char === '，') continue;
    else ascii += char;
  }
  if (!/^\d+(?:\.\d+)?$/.test(ascii)) return null;
  return Number(ascii);
}

/** Removes binary floating-point noise from a product such as 904.1082 × 1e4. */
export function normaliseFloat(value: number): number {
  return Number(value.toPrecision(15));
}
