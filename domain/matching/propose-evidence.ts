/**
 * The evidence matcher `term-overlap`: given the commitments of (organisation, plan year Y) and the outcomes of the
 * review of (organisation, Y), it proposes which statement of the review is evidence for what. Deterministic and
 * explainable: every link carries its score and the words that matched.
 *
 * Per target: among the review's figures in a compatible base unit that are about year Y (not multi-year
 * statements, not `年均`/`累计` figures), the one whose clause names the most similar metric (weighted Dice over
 * Han bigrams, weights = rarity of each bigram across the review's statements), when that similarity reaches
 * TARGET_THRESHOLD. One link per target: a metric is reported once.
 * Per commitment: the statements that speak to its task — cosine-style overlap of its terms with the statement's,
 * weighted by rarity, plus a bonus when their area headings share words — up to TASK_LINKS_PER_COMMITMENT of
 * them, each reaching TASK_THRESHOLD and at least TASK_RELATIVE_FLOOR of the best one's score.
 */
import { evidenceLinkIdFor } from '../ids.ts';
import type { CommitmentRecordedV1 } from '../events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../events/outcome-events.ts';
import { chooseFigure, figuresOf, metricSimilarity, targetMetricWords, type ReadFigure } from './select-actual.ts';
import { rarityWeights, sharedWords, termsOf, weightedDice, type RarityWeights } from './text-terms.ts';

export { isCarriedOver, findCarriedOver } from './carried-over.ts';

export const TERM_OVERLAP_METHOD = { name: 'term-overlap', version: '1.0.0' } as const;
export type MatchingMethod = { name: string; version: string };

/** Below this metric similarity a figure is not taken to report the target's metric. */
export const TARGET_THRESHOLD = 0.4;
/** Below this task similarity a statement is not taken to speak to the commitment. */
export const TASK_THRESHOLD = 0.11;
export const TASK_LINKS_PER_COMMITMENT = 3;
/** A statement much weaker than the best one for the same task is a side mention, not evidence. */
export const TASK_RELATIVE_FLOOR = 0.75;
const AREA_BONUS = 0.05;

export type MatchableCommitment = Pick<
  CommitmentRecordedV1,
  'commitmentId' | 'organisation' | 'planYear' | 'area' | 'text' | 'span' | 'targets'
>;
export type MatchableOutcome = Pick<
  OutcomeRecordedV1,
  'outcomeId' | 'reportId' | 'organisation' | 'summaryYear' | 'area' | 'text' | 'span' | 'quantities' | 'cue' | 'aboutSummaryYear'
>;

export interface ProposedLink {
  linkId: string;
  commitmentId: string;
  outcomeId: string;
  targetId: string | null;
  score: number;
  method: MatchingMethod;
  matchedTerms: string[];
}

export interface MatchingInput {
  organisation: string;
  year: number;
  commitments: readonly MatchableCommitment[];
  outcomes: readonly MatchableOutcome[];
}

/** Scores are rounded so that the recorded number is the same on every machine and every run. */
function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function link(commitmentId: string, outcomeId: string, targetId: string | null, score: number, matchedTerms: string[]): ProposedLink {
  return {
    linkId: evidenceLinkIdFor({ commitmentId, outcomeId, targetId }),
    commitmentId,
    outcomeId,
    targetId,
    score: roundScore(score),
    method: { ...TERM_OVERLAP_METHOD },
    matchedTerms,
  };
}

function proposeTargetLinks(
  commitment: MatchableCommitment,
  outcomes: readonly MatchableOutcome[],
  outcomeFigures: ReadonlyArray<readonly ReadFigure[]>,
  weights: RarityWeights,
): ProposedLink[] {
  const links: ProposedLink[] = [];
  for (const target of commitment.targets) {
    if (target.multiYear) continue;
    const words = targetMetricWords(target, commitment);
    const targetTerms = termsOf(words);
    if (targetTerms.size === 0) continue;
    let best: { outcome: MatchableOutcome; score: number; metricWords: string } | null = null;
    for (const [index, outcome] of outcomes.entries()) {
      const choice = chooseFigure(target, words, targetTerms, outcomeFigures[index] ?? []);
      if (choice === null) continue;
      const score = metricSimilarity(words, targetTerms, choice.metricWords, weights);
      if (best === null || score > best.score) best = { outcome, score, metricWords: choice.metricWords };
    }
    if (best !== null && best.score >= TARGET_THRESHOLD) {
      links.push(link(commitment.commitmentId, best.outcome.outcomeId, target.targetId, best.score, sharedWords(words, termsOf(best.metricWords))));
    }
  }
  return links;
}

function totalWeight(terms: ReadonlySet<string>, weights: RarityWeights): number {
  let total = 0;
  for (const term of terms) total += weights.weightOf(term);
  return total;
}

/** Shared weight over the geometric mean of both sides' weights: long statements are not favoured for their length. */
function overlap(a: ReadonlySet<string>, totalA: number, b: ReadonlySet<string>, totalB: number, weights: RarityWeights): number {
  if (totalA === 0 || totalB === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const term of small) if (large.has(term)) shared += weights.weightOf(term);
  return shared / Math.sqrt(totalA * totalB);
}

function proposeTaskLinks(
  commitment: MatchableCommitment,
  outcomes: readonly MatchableOutcome[],
  outcomeTerms: ReadonlyArray<ReadonlySet<string>>,
  outcomeWeights: readonly number[],
  outcomeAreaTerms: ReadonlyArray<ReadonlySet<string>>,
  weights: RarityWeights,
): ProposedLink[] {
  const commitmentTerms = termsOf(commitment.text);
  if (commitmentTerms.size === 0) return [];
  const commitmentWeight = totalWeight(commitmentTerms, weights);
  const areaTerms = termsOf(commitment.area ?? '');
  const scored: Array<{ outcome: MatchableOutcome; score: number; terms: ReadonlySet<string> }> = [];
  outcomes.forEach((outcome, index) => {
    const terms = outcomeTerms[index] ?? new Set<string>();
    let score = overlap(commitmentTerms, commitmentWeight, terms, outcomeWeights[index] ?? 0, weights);
    if (areaTerms.size > 0 && weightedDice(areaTerms, outcomeAreaTerms[index] ?? new Set<string>(), weights) >= 0.3) score += AREA_BONUS;
    if (score >= TASK_THRESHOLD) scored.push({ outcome, score, terms });
  });
  scored.sort((a, b) => b.score - a.score || a.outcome.span[0] - b.outcome.span[0]);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter(({ score }) => score >= best * TASK_RELATIVE_FLOOR)
    .slice(0, TASK_LINKS_PER_COMMITMENT)
    .map(({ outcome, score, terms }) => link(commitment.commitmentId, outcome.outcomeId, null, score, sharedWords(commitment.text, terms)));
}

/** Proposed links for (organisation, year), sorted by commitment, target (task links first), score, outcome. */
export function proposeEvidence(input: MatchingInput): ProposedLink[] {
  const commitments = input.commitments
    .filter((commitment) => commitment.organisation === input.organisation && commitment.planYear === input.year)
    .sort((a, b) => compareText(a.commitmentId, b.commitmentId));
  // Statements about a multi-year period never count as what happened in year Y.
  const outcomes = input.outcomes
    .filter((outcome) => outcome.organisation === input.organisation && outcome.summaryYear === input.year && outcome.aboutSummaryYear)
    .sort((a, b) => a.span[0] - b.span[0] || compareText(a.outcomeId, b.outcomeId));
  const outcomeTerms = outcomes.map((outcome) => termsOf(outcome.text));
  const weights = rarityWeights(outcomeTerms);
  const outcomeFigures = outcomes.map((outcome) => figuresOf(outcome));
  const outcomeWeights = outcomeTerms.map((terms) => totalWeight(terms, weights));
  const outcomeAreaTerms = outcomes.map((outcome) => termsOf(outcome.area ?? ''));
  const links = commitments.flatMap((commitment) => [
    ...proposeTaskLinks(commitment, outcomes, outcomeTerms, outcomeWeights, outcomeAreaTerms, weights),
    ...proposeTargetLinks(commitment, outcomes, outcomeFigures, weights),
  ]);
  return links.sort(
    (a, b) =>
      compareText(a.commitmentId, b.commitmentId) ||
      compareText(a.targetId ?? '', b.targetId ?? '') ||
      b.score - a.score ||
      compareText(a.outcomeId, b.outcomeId),
  );
}
