/** Reading numbers written in Arabic digits, full-width digits, thousands separators and the decimal marks of the sources. */

const FULL_WIDTH_ZERO = '０'.charCodeAt(0);
const PLAIN_ASCII_NUMBER = /^\d+(?:\.\d+)?$/;

/** ASCII or full-width digit, by UTF-16 code unit; false for the NaN `charCodeAt` gives past the end of a text. */
export function isArabicDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** `.`, full-width `．` and the small full stop `﹒` (U+FE52) all serve as decimal points in scraped reports. */
export function isDecimalPoint(char: string): boolean {
  return char === '.' || char === '．' || char === '﹒';
}

export function isDecimalPointCode(code: number): boolean {
  return code === 0x2e || code === 0xff0e || code === 0xfe52;
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
  // An integer of at most 15 digits reads back unchanged (`+ 0` turns -0 into 0, as the round trip does).
  if (Number.isInteger(value) && value < 1e15 && value > -1e15) return value + 0;
  return Number(value.toPrecision(15));
}
