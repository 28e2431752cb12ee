import t from 'tap';
import fc from 'fast-check';
import { matchOneToOne } from '../../eval/match-one-to-one.ts';

const same = (left: number, right: number): boolean => left === right;

t.test('each predicted item is used at most once', async (t) => {
  const matching = matchOneToOne([7, 7], [7], same);
  t.same(matching.predictedForGold, [0, null]);
  t.equal(matching.matchedCount, 1);
  t.same(matching.unmatchedPredicted, []);
});

t.test('unmatched predictions are reported in order', async (t) => {
  const matching = matchOneToOne([2], [1, 2, 3], same);
  t.same(matching.predictedForGold, [1]);
  t.same(matching.unmatchedPredicted, [0, 2]);
});

t.test('for equality the matching is the size of the multiset intersection', async (t) => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 4 })), fc.array(fc.integer({ min: 0, max: 4 })), (gold, predicted) => {
      const matching = matchOneToOne(gold, predicted, same);
      const expected = [0, 1, 2, 3, 4].reduce(
        (sum, value) => sum + Math.min(gold.filter((item) => item === value).length, predicted.filter((item) => item === value).length),
        0,
      );
      return matching.matchedCount === expected && matching.unmatchedPredicted.length === predicted.length - expected;
    }),
  );
});
