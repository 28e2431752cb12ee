/**
 * Properties of the extractors on any input: they never throw, every span lies inside the input and quotes it, values
 * are finite, and long adversarial inputs (runs of numerals, dashes, quotes) are read phrase by phrase.
 */
import t from 'tap';
import fc from 'fast-check';
import {
  extractQuantities,
  extractTargets,
  parseChineseNumber,
  toBaseUnit,
} from '../../../../domain/reader/quantities/index.ts';

/** Characters that exercise every branch of the scanner, mixed with arbitrary text. */
const REPORT_ALPHABET = [...'0123456789０１.﹒,，-—~至到%％万亿千百十一二两三四五六七八九〇余多约近超过以上下内左右个人次元家期名“”"《》第每+岁米 \n。；、'];
const reportLikeText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.constantFrom(...REPORT_ALPHABET), { maxLength: 200 }).map((chars) => chars.join('')),
);

t.test('any text gives arrays whose spans lie inside the input and quote it', async (t) => {
  fc.assert(
    fc.property(reportLikeText, fc.nat({ max: 100000 }), (text, base) => {
      for (const item of [...extractQuantities(text, base), ...extractTargets(text, base)]) {
        const [start, end] = item.span;
        if (start < base || end > base + text.length || start >= end) return false;
        if (text.slice(start - base, end - base) !== item.text) return false;
      }
      return true;
    }),
    { numRuns: 2000 },
  );
  t.pass('2000 random texts');
});

t.test('any text gives finite values, ordered ranges and a non-empty unit', async (t) => {
  fc.assert(
    fc.property(reportLikeText, (text) => {
      const quantitiesOk = extractQuantities(text, 0).every(
        (quantity) => Number.isFinite(quantity.value) && quantity.value >= 0 && quantity.unit.length > 0,
      );
      const targetsOk = extractTargets(text, 0).every(
        (target) => Number.isFinite(target.min) && target.min <= target.max && target.unit.length > 0,
      );
      return quantitiesOk && targetsOk;
    }),
    { numRuns: 2000 },
  );
  t.pass('2000 random texts');
});

t.test('a quantity read inside any surrounding text keeps its value', async (t) => {
  const figures = fc.record({
    integer: fc.integer({ min: 1, max: 99999 }),
    fraction: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
    multiplier: fc.constantFrom('', '万', '亿'),
    unit: fc.constantFrom('元', '人次', '个', '家', '%'),
  });
  const filler = fc.array(fc.constantFrom(...'发放低保金惠及投入建设社区，。、'), { maxLength: 12 }).map((c) => c.join(''));
  fc.assert(
    fc.property(figures, filler, filler, ({ integer, fraction, multiplier, unit }, before, after) => {
      const number = fraction === undefined ? `${integer}` : `${integer}.${fraction}`;
      const phrase = `${number}${unit === '%' ? '' : multiplier}${unit}`;
      const text = `${before}${phrase}${after}`;
      const expected = toBaseUnit(Number(number), `${unit === '%' ? '' : multiplier}${unit}`);
      return extractQuantities(text, 0).some(
        (quantity) => quantity.span[0] === before.length && quantity.value === expected.value && quantity.unit === expected.unit,
      );
    }),
    { numRuns: 1000 },
  );
  t.pass('1000 embedded figures');
});

t.test('Chinese numerals written from any integer read back to it', async (t) => {
  const digits = '零一二三四五六七八九';
  /** Standard reading of 0 < n < 1e8. */
  function write(n: number): string {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    const section = (value: number, leadingZero: boolean): string => {
      let out = '';
      let zero = leadingZero;
      for (const [unit, size] of [['千', 1000], ['百', 100], ['十', 10], ['', 1]] as const) {
        const digit = Math.floor(value / size) % 10;
        if (digit === 0) {
          zero = out.length > 0 || zero;
          continue;
        }
        if (zero && out.length > 0) out += '零';
        zero = false;
        out += `${digits[digit]}${unit}`;
      }
      return out;
    };
    if (high === 0) return section(low, false);
    const lowText = section(low, false);
    return `${section(high, false)}万${low > 0 && low < 1000 ? '零' : ''}${lowText}`;
  }
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99999999 }), (n) => parseChineseNumber(write(n)) === n),
    { numRuns: 3000 },
  );
  t.pass('3000 integers');
});

t.test('long adversarial inputs are read phrase by phrase', async (t) => {
  const repeated = (unit: string, times: number) => unit.repeat(times);
  t.same(extractQuantities(repeated('9', 100000), 0), [], 'a 100k-digit run without a unit');
  t.same(extractQuantities(repeated('一二三四五六七八九十', 10000), 0), [], 'numerals without units');
  t.same(extractTargets(repeated('1-', 50000), 0), [], 'dashes');
  // `“1个“1个…`: every other figure sits between two marks and reads as a quoted name.
  t.equal(extractTargets(repeated('“1个', 30000), 0).length, 15000, 'unbalanced quotes');
  const figures = extractQuantities(repeated('发放低保金904.1082万元，', 20000), 0);
  t.equal(figures.length, 20000, 'every repeated figure found once');
  t.ok(figures.every((quantity) => quantity.value === 9041082));
});
