/**
 * Counting helpers shared by every scorer: a tally of hits out of a total, and the ratio it stands for.
 * A tally with nothing to count has no ratio (null) rather than a made-up 0 or 1.
 */
export interface Tally {
  hits: number;
  total: number;
}

export const emptyTally: Tally = { hits: 0, total: 0 };

export function tally(hits: number, total: number): Tally {
  return { hits, total };
}

export function addTallies(...tallies: readonly Tally[]): Tally {
  return tallies.reduce((sum, next) => ({ hits: sum.hits + next.hits, total: sum.total + next.total }), emptyTally);
}

export function ratio(counted: Tally): number | null {
  return counted.total === 0 ? null : counted.hits / counted.total;
}

/** Precision and recall of one matching: `matched` pairs out of `predicted` and `gold` items. */
export interface PrecisionRecall {
  precision: Tally;
  recall: Tally;
}

export function precisionRecall(matched: number, predicted: number, gold: number): PrecisionRecall {
  return { precision: tally(matched, predicted), recall: tally(matched, gold) };
}

export function addPrecisionRecall(...scores: readonly PrecisionRecall[]): PrecisionRecall {
  return {
    precision: addTallies(...scores.map((score) => score.precision)),
    recall: addTallies(...scores.map((score) => score.recall)),
  };
}
