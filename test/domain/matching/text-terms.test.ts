import t from 'tap';
import fc from 'fast-check';
import { sharedCodeCount, termCodesOf, termOfCode, termsOf, UNIFORM_WEIGHTS, weightedDice } from '../../../domain/matching/text-terms.ts';
import { CARRIED_OVER_THRESHOLD, carriedOverCodesTest, isCarriedOver } from '../../../domain/matching/carried-over.ts';

/** Text drawn from a small alphabet of Han characters, framing words, digits and punctuation, so terms repeat. */
const reportLikeText = fc
  .array(fc.constantFrom('养', '老', '服', '务', '体', '系', '建', '设', '全年', '控制在', '左右', 'GDP', '物价', '5.5%', '，', '。', '𠀀', ' ', 'a', '经济增长'), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

t.test('given any text, then its term codes are exactly its terms, one code per term', async (t) => {
  fc.assert(
    fc.property(fc.oneof(reportLikeText, fc.string({ maxLength: 80 })), (text) => {
      const terms = termsOf(text);
      const codes = termCodesOf(text);
      const decoded = new Set([...codes].map(termOfCode));
      return codes.length === terms.size && decoded.size === terms.size && [...terms].every((term) => decoded.has(term));
    }),
    { numRuns: 2000 },
  );
  t.pass('2,000 texts');
});

t.test('given two texts, then the codes share as many terms as the string sets, so Dice agrees', async (t) => {
  fc.assert(
    fc.property(reportLikeText, reportLikeText, (a, b) => {
      const shared = sharedCodeCount(termCodesOf(a), termCodesOf(b));
      const ta = termsOf(a);
      const tb = termsOf(b);
      const total = ta.size + tb.size;
      return shared === [...ta].filter((term) => tb.has(term)).length && (total === 0 || (2 * shared) / total === weightedDice(ta, tb, UNIFORM_WEIGHTS));
    }),
    { numRuns: 2000 },
  );
  t.pass('2,000 pairs');
});

/** The rule as first written, on string sets: Dice ≥ 0.6, or an exact restatement below four terms. */
function carriedOverOnStrings(text: string, plan: readonly string[]): boolean {
  const terms = termsOf(text);
  if (terms.size === 0) return false;
  const threshold = terms.size < 4 ? 1 : CARRIED_OVER_THRESHOLD;
  return plan.some((planText) => weightedDice(terms, termsOf(planText), UNIFORM_WEIGHTS) >= threshold);
}

t.test('given a plan, then isCarriedOver and the prepared test answer as the rule on string sets', async (t) => {
  fc.assert(
    fc.property(fc.array(reportLikeText, { maxLength: 6 }), reportLikeText, (plan, text) => {
      const expected = carriedOverOnStrings(text, plan);
      const test = carriedOverCodesTest(plan.map((planText) => termCodesOf(planText)));
      return test(termCodesOf(text)) === expected && isCarriedOver(text, plan) === expected;
    }),
    { numRuns: 2000 },
  );
  t.pass('2,000 plans');
});

t.test('given a framing word or a synonym, then the codes follow the canonical spelling', async (t) => {
  t.same([...termCodesOf('GDP增长')], [...termCodesOf('生产总值增长')], 'GDP is spelled 生产总值');
  t.equal(termCodesOf('全年控制在').length, 0, 'framing words are no terms');
  t.same([...termCodesOf('党')].map(termOfCode), ['党'], 'a lone character is a term of its own');
});
