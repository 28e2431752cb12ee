/**
 * A commitment is carried over when its task reappears in the next year's plan. Plans restate a task with small
 * changes (a year, a figure, a word), so "reappears" means: the bigram sets of the two texts (digits and framing
 * words aside) have a Dice similarity of at least CARRIED_OVER_THRESHOLD.
 */
import { termsOf, UNIFORM_WEIGHTS, weightedDice } from './text-terms.ts';

export const CARRIED_OVER_THRESHOLD = 0.6;
/** Very short texts (`加强党建`) share bigrams by accident; below this many terms only an exact restatement counts. */
const MIN_TERMS_FOR_FUZZY = 4;

export interface CarriedOverMatch {
  /** Index in `nextYearPlanTexts` of the most similar text. */
  index: number;
  similarity: number;
}

export function findCarriedOver(commitmentText: string, nextYearPlanTexts: readonly string[]): CarriedOverMatch | null {
  const terms = termsOf(commitmentText);
  if (terms.size === 0) return null;
  const threshold = terms.size < MIN_TERMS_FOR_FUZZY ? 1 : CARRIED_OVER_THRESHOLD;
  let best: CarriedOverMatch | null = null;
  nextYearPlanTexts.forEach((text, index) => {
    const similarity = weightedDice(terms, termsOf(text), UNIFORM_WEIGHTS);
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
  const test = carriedOverTermsTest(nextYearPlanTexts.map((text) => termsOf(text)));
  return (commitmentText) => test(termsOf(commitmentText));
}

/** `carriedOverTest` on terms already computed (`termsOf` of each text), for callers that keep them. */
export function carriedOverTermsTest(planTerms: ReadonlyArray<ReadonlySet<string>>): (terms: ReadonlySet<string>) => boolean {
  return (terms) => {
    if (terms.size === 0) return false;
    const threshold = terms.size < MIN_TERMS_FOR_FUZZY ? 1 : CARRIED_OVER_THRESHOLD;
    // With uniform weights Dice cannot exceed 2·min/(|a|+|b|): sets of very different sizes are skipped unscored.
    const reachable = (other: ReadonlySet<string>): boolean =>
      (2 * Math.min(terms.size, other.size)) / (terms.size + other.size) >= threshold;
    return planTerms.some((other) => reachable(other) && weightedDice(terms, other, UNIFORM_WEIGHTS) >= threshold);
  };
}
