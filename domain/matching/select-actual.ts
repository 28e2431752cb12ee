/**
 * Which figure of a review statement is the actual for a plan target: a figure in a compatible base unit, not a
 * multi-year average or cumulative figure, whose clause names the metric most like the target's. Both the matcher
 * (to score an outcome) and the status rules (to read the actual off a linked outcome) use this one choice, so the
 * figure the matcher scored is the figure the verdict compares.
 */
import type { Quantity, Span, Target } from '../reader/parsed-report.ts';
import { measureOf, toBaseUnit } from './base-unit.ts';
import { metricWordsOf, type LocatedText } from './metric-context.ts';
import { termsOf, UNIFORM_WEIGHTS, weightedDice, type RarityWeights } from './text-terms.ts';

export interface ReviewStatement {
  text: string;
  span: Span;
  quantities: readonly Quantity[];
}

export interface ActualChoice {
  quantity: Quantity;
  /** The outcome's words naming what the figure measures. */
  metricWords: string;
  /** Similarity of those words to the target's metric words (uniform weights). */
  similarity: number;
}

const RISE = /增长|上涨|提高|增加|上升|扩大|增速|涨幅|增幅/;
const FALL = /下降|降低|减少|降幅|回落|下调|压减/;

/**
 * Whether two metric phrases move in opposite directions (`国内生产总值增长` vs `单位国内生产总值能耗降幅`):
 * they share the noun they are measured against but are different metrics.
 */
export function oppositeChange(a: string, b: string): boolean {
  return opposite(changeOf(a), changeOf(b));
}

type Change = 'rise' | 'fall' | null;

/** Which way a metric phrase moves: only one of rising and falling words, else neither. */
function changeOf(words: string): Change {
  const rises = RISE.test(words);
  const falls = FALL.test(words);
  return rises === falls ? null : rises ? 'rise' : 'fall';
}

function opposite(a: Change, b: Change): boolean {
  return a !== null && b !== null && a !== b;
}

/** How much a metric similarity keeps when the two phrases move in opposite directions. */
export const OPPOSITE_CHANGE_FACTOR = 0.5;

/** Similarity of a target's metric words to a figure's, over precomputed terms. */
export function metricSimilarity(
  targetWords: string,
  targetTerms: ReadonlySet<string>,
  figureWords: string,
  weights: RarityWeights,
): number {
  const similarity = weightedDice(targetTerms, termsOf(figureWords), weights);
  return oppositeChange(targetWords, figureWords) ? similarity * OPPOSITE_CHANGE_FACTOR : similarity;
}

/** The target's base unit, e.g. `人` for `万人`. */
export function targetBaseUnit(target: Pick<Target, 'unit'>): string {
  return toBaseUnit(1, target.unit).unit;
}

/** The words of the plan naming the target's metric (the clause before the figure inside the commitment). */
export function targetMetricWords(target: Target, commitment: LocatedText | null): string {
  return metricWordsOf(target, commitment);
}

/** A figure of a review statement with the words naming its metric, read once and reused for every target. */
export interface ReadFigure {
  quantity: Quantity;
  metricWords: string;
  terms: ReadonlySet<string>;
  /** Which way the metric words move (see oppositeChange). */
  change: Change;
  /** What the figure's unit measures (`measureOf`), for the unit check against each target. */
  measure: string;
}

/**
 * Figures already read, by statement object. A statement is read again every time a commitment linked to it is
 * re-judged (once per new link, so k links cost k² readings without this); the answer depends on the statement
 * alone, and callers treat statements and figures as immutable, so remembering it changes no result.
 */
const figuresByStatement = new WeakMap<ReviewStatement, readonly ReadFigure[]>();

export function figuresOf(statement: ReviewStatement): readonly ReadFigure[] {
  let figures = figuresByStatement.get(statement);
  if (figures === undefined) {
    figures = statement.quantities.map((quantity) => {
      const metricWords = metricWordsOf(quantity, statement);
      return { quantity, metricWords, terms: termsOf(metricWords), change: changeOf(metricWords), measure: measureOf(quantity.unit) };
    });
    figuresByStatement.set(statement, figures);
  }
  return figures;
}

/**
 * The figure among `figures` that reports the target's metric, or null when none is in a compatible unit.
 * Similarity uses uniform weights, so the matcher and the status rules pick the same figure of a statement.
 * Ties go to the earlier figure, so the choice is deterministic.
 */
export function chooseFigure(target: Target, targetWords: string, targetTerms: ReadonlySet<string>, figures: readonly ReadFigure[]): ActualChoice | null {
  let best: ActualChoice | null = null;
  const targetChange = changeOf(targetWords);
  // A candidate is a single-year figure whose unit measures what the target's does.
  const targetMeasure = measureOf(targetBaseUnit(target));
  for (const figure of figures) {
    if (figure.quantity.multiYear || figure.measure !== targetMeasure) continue;
    const raw = weightedDice(targetTerms, figure.terms, UNIFORM_WEIGHTS);
    const similarity = opposite(targetChange, figure.change) ? raw * OPPOSITE_CHANGE_FACTOR : raw;
    if (best === null || similarity > best.similarity) best = { quantity: figure.quantity, metricWords: figure.metricWords, similarity };
  }
  return best;
}
