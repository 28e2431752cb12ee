/**
 * A commitment is carried over when its task reappears in the next year's plan. Plans restate a task with small
 * changes (a year, a figure, a word), so "reappears" means: the bigram sets of the two texts (digits and framing
 * words aside) have a Dice similarity of at least CARRIED_OVER_THRESHOLD.
 */
import { sharedCodeCount, termCodesOf } from './text-terms.ts';

export const CARRIED_OVER_THRESHOLD = 0.6;
/** Very short texts (`加强党建`) share bigrams by accident; below this many terms only an exact restatement counts. */
const MIN_TERMS_FOR_FUZZY = 4;

export interface CarriedOverMatch {
  /** Index in `nextYearPlanTexts` of the most similar text. */
  index: number;
  similarity: number;
}

/**
 * Dice similarity of two term sets given as sorted codes (`termCodesOf`): 2·|shared| / (|a| + |b|), the value
 * `weightedDice` gives the string sets with uniform weights (the same integers, the same division).
 */
function diceOfCodes(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  return total === 0 ? 0 : (2 * sharedCodeCount(a, b)) / total;
}

function thresholdFor(terms: Int32Array): number {
  return terms.length < MIN_TERMS_FOR_FUZZY ? 1 : CARRIED_OVER_THRESHOLD;
}

export function findCarriedOver(commitmentText: string, nextYearPlanTexts: readonly string[]): CarriedOverMatch | null {
  const terms = termCodesOf(commitmentText);
  if (terms.length === 0) return null;
  const threshold = thresholdFor(terms);
  let best: CarriedOverMatch | null = null;
  nextYearPlanTexts.forEach((text, index) => {
    const similarity = diceOfCodes(terms, termCodesOf(text));
    if (similarity >= threshold && (best === null || similarity > best.similarity)) best = { index, similarity };
  });
  return best;
}

export function isCarriedOver(commitmentText: string, nextYearPlanTexts: readonly string[]): boolean {
  return findCarriedOver(commitmentText, nextYearPlanTexts) !== null;
}

/**
 * `isCarriedOver` against one next-year plan for many commitments: the plan's terms are computed once, not once
 * per commitment (the read side re-checks a whole plan year when the next plan arrives).
 */
export function carriedOverTest(nextYearPlanTexts: readonly string[]): (commitmentText: string) => boolean {
  const test = carriedOverCodesTest(nextYearPlanTexts.map((text) => termCodesOf(text)));
  return (commitmentText) => test(termCodesOf(commitmentText));
}

/** `carriedOverTest` on terms already computed (`termCodesOf` of each text), for callers that keep them. */
export function carriedOverCodesTest(planTerms: readonly Int32Array[]): (terms: Int32Array) => boolean {
  return (terms) => {
    if (terms.length === 0) return false;
    const threshold = thresholdFor(terms);
    // Dice cannot exceed 2·min/(|a|+|b|): sets of very different sizes are skipped unscored.
    const reachable = (other: Int32Array): boolean => (2 * Math.min(terms.length, other.length)) / (terms.length + other.length) >= threshold;
    return planTerms.some((other) => reachable(other) && diceOfCodes(terms, other) >= threshold);
  };
}
