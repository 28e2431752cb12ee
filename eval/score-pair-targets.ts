/**
 * The reader against a plan → next-summary pair's labels: recall of the labelled numeric plan targets, and
 * precision of the targets it reads inside the main-targets paragraph (the only paragraph labelled in full).
 * A predicted target is a labelled one when its span overlaps the label's `planText` where the gold puts it and its
 * range, unit and comparator agree. Qualitative labels have no figure to read and are counted apart.
 */
import type { ReadResult, Span, Target } from '../domain/reader/parsed-report.ts';
import { codePointOffsetToIndex } from './code-points.ts';
import type { GoldPair, GoldPairTarget } from './gold-schema.ts';
import { matchOneToOne } from './match-one-to-one.ts';
import { targetAgrees, type ExpectedTarget } from './target-agreement.ts';
import { tally, type Tally } from './tally.ts';

export interface LocatedGoldTarget {
  gold: GoldPairTarget;
  expected: ExpectedTarget;
  /** [start, end) of `planText` in the plan text, as JavaScript indexes. */
  span: Span;
}

export interface PlanTargetCandidate {
  target: Target;
  /** The text of the commitment that carries it. */
  commitment: string;
}

export interface PairTargetCheck {
  id: string;
  planText: string;
  expected: ExpectedTarget;
  found: PlanTargetCandidate | null;
  /** Predicted targets at the label's place that did not agree with it. */
  nearMisses: Target[];
}

export interface PairTargetScore {
  recall: Tally;
  mainParagraphPrecision: Tally;
  qualitativeLabels: number;
  checks: PairTargetCheck[];
  /** Targets read inside the main-targets paragraph that no label accounts for. */
  mainParagraphFalseAlarms: Target[];
  /** Start of the text of each predicted commitment overlapping the main-targets paragraph. */
  mainParagraphCommitments: string[];
}

function overlaps(left: Span, right: Span): boolean {
  return left[0] < right[1] && right[0] < left[1];
}

function toExpected(gold: GoldPairTarget): ExpectedTarget | null {
  if (gold.comparator === 'qualitative' || gold.min === null || gold.max === null || gold.unit === null) return null;
  return { min: gold.min, max: gold.max, unit: gold.unit, comparator: gold.comparator };
}

export function locateGoldTargets(gold: GoldPair, planSource: string): LocatedGoldTarget[] {
  return gold.targets.flatMap((target) => {
    const expected = toExpected(target);
    if (expected === null) return [];
    const start = codePointOffsetToIndex(planSource, target.planCharOffset);
    return [{ gold: target, expected, span: [start, start + target.planText.length] as Span }];
  });
}

/** The main-targets paragraph runs from its labelled start to the end of its line. */
export function mainParagraphSpan(gold: GoldPair, planSource: string): Span {
  const start = codePointOffsetToIndex(planSource, gold.targetParagraphCharOffset);
  const lineEnd = planSource.indexOf('\n', start);
  return [start, lineEnd === -1 ? planSource.length : lineEnd];
}

export function scorePairTargets(gold: GoldPair, planSource: string, result: ReadResult): PairTargetScore {
  const commitments = result.ok ? (result.report.plan?.commitments ?? []) : [];
  const candidates: PlanTargetCandidate[] = commitments.flatMap((commitment) =>
    commitment.targets.map((target) => ({ target, commitment: commitment.text })),
  );
  const located = locateGoldTargets(gold, planSource);
  const matching = matchOneToOne(
    located,
    candidates,
    (label, candidate) => overlaps(label.span, candidate.target.span) && targetAgrees(label.expected, candidate.target),
  );

  const checks: PairTargetCheck[] = located.map((label, index) => {
    const matchedIndex = matching.predictedForGold[index] ?? null;
    const found = matchedIndex === null ? null : (candidates[matchedIndex] ?? null);
    return {
      id: label.gold.id,
      planText: label.gold.planText,
      expected: label.expected,
      found,
      nearMisses: found === null ? candidates.filter((candidate) => overlaps(label.span, candidate.target.span)).map((candidate) => candidate.target) : [],
    };
  });

  const paragraph = mainParagraphSpan(gold, planSource);
  const matchedCandidates = new Set(matching.predictedForGold.filter((index): index is number => index !== null));
  const inParagraph = candidates.map((candidate, index) => ({ candidate, index })).filter(({ candidate }) => overlaps(paragraph, candidate.target.span));
  const falseAlarms = inParagraph.filter(({ index }) => !matchedCandidates.has(index)).map(({ candidate }) => candidate.target);

  return {
    recall: tally(matching.matchedCount, located.length),
    mainParagraphPrecision: tally(inParagraph.length - falseAlarms.length, inParagraph.length),
    qualitativeLabels: gold.targets.length - located.length,
    checks,
    mainParagraphFalseAlarms: falseAlarms,
    mainParagraphCommitments: commitments.filter((commitment) => overlaps(paragraph, commitment.span)).map((commitment) => commitment.text.trim().slice(0, 24)),
  };
}
