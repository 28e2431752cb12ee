import t from 'tap';
import { addPrecisionRecall, addTallies, precisionRecall, ratio, tally } from '../../eval/tally.ts';

t.test('a ratio is hits over total, and absent when there is nothing to count', async (t) => {
  t.equal(ratio(tally(3, 4)), 0.75);
  t.equal(ratio(tally(0, 0)), null);
});

t.test('totals add hits and totals separately (micro-average), not ratios', async (t) => {
  const total = addTallies(tally(1, 1), tally(0, 3));
  t.same(total, { hits: 1, total: 4 });
  t.equal(ratio(total), 0.25);
  t.same(addTallies(), { hits: 0, total: 0 });
});

t.test('precision counts matches over predictions, recall over gold items', async (t) => {
  const score = precisionRecall(2, 4, 5);
  t.same(score.precision, { hits: 2, total: 4 });
  t.same(score.recall, { hits: 2, total: 5 });
  t.same(addPrecisionRecall(score, precisionRecall(1, 1, 1)), { precision: { hits: 3, total: 5 }, recall: { hits: 3, total: 6 } });
});
