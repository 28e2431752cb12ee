/**
 * Summary quantity exactness: for each gold sample quantity, is there a predicted outcome quantity at the same
 * place (its span covers the gold phrase located through its context) or with the same text, and are its value,
 * base unit and qualifier exact.
 */
import type { Quantity, SummaryPart } from '../domain/reader/parsed-report.ts';
import type { GoldSummaryQuantity } from './gold-schema.ts';
import { normaliseUnit, sameNumber } from './same-figure.ts';
import { tally, type Tally } from './tally.ts';

export interface QuantityCheck {
  gold: GoldSummaryQuantity;
  /** Where the gold phrase sits in the source, or null when it cannot be found there. */
  goldOffset: number | null;
  predicted: Pick<Quantity, 'text' | 'span' | 'value' | 'unit' | 'qualifier'> | null;
  /** What differs, e.g. `value 7000 ≠ 700`; empty when exact. */
  differences: string[];
}

export interface QuantityScore {
  found: Tally;
  exact: Tally;
  checks: QuantityCheck[];
}

/** An annotator's note may follow the context in parentheses: `组织千名… (Chinese numeral)`. */
function contextCandidates(context: string | undefined): string[] {
  if (context === undefined) return [];
  const withoutNote = context.replace(/\s*\([^()]*\)\s*$/, '');
  return withoutNote === context ? [context] : [context, withoutNote];
}

export function locateGoldQuantity(source: string, gold: GoldSummaryQuantity): number | null {
  for (const context of contextCandidates(gold.context)) {
    const within = context.indexOf(gold.text);
    if (within === -1) continue;
    const at = source.indexOf(context);
    if (at !== -1) return at + within;
  }
  const at = source.indexOf(gold.text);
  return at === -1 ? null : at;
}

function overlaps(span: readonly [number, number], start: number, end: number): boolean {
  return span[0] < end && start < span[1];
}

function differences(gold: GoldSummaryQuantity, predicted: Quantity): string[] {
  const found: string[] = [];
  if (!sameNumber(gold.value, predicted.value)) found.push(`value ${gold.value} ≠ ${predicted.value}`);
  if (normaliseUnit(gold.unit) !== normaliseUnit(predicted.unit)) found.push(`unit ${gold.unit} ≠ ${predicted.unit}`);
  if (gold.qualifier !== predicted.qualifier) found.push(`qualifier ${gold.qualifier ?? 'none'} ≠ ${predicted.qualifier ?? 'none'}`);
  return found;
}

export function scoreQuantities(gold: readonly GoldSummaryQuantity[], summary: SummaryPart | null, source: string): QuantityScore {
  const predicted = (summary?.outcomes ?? []).flatMap((outcome) => outcome.quantities);
  const taken = new Set<number>();
  const take = (index: number): Quantity | null => {
    if (index === -1) return null;
    taken.add(index);
    return predicted[index] ?? null;
  };

  const located = gold.map((quantity) => locateGoldQuantity(source, quantity));
  // Location first, so that a phrase occurring twice (`100%`) is judged at the place the gold means.
  const byLocation = gold.map((quantity, index) => {
    const offset = located[index];
    if (offset === null || offset === undefined) return null;
    return take(predicted.findIndex((candidate, at) => !taken.has(at) && overlaps(candidate.span, offset, offset + quantity.text.length)));
  });
  const matches = gold.map((quantity, index) => {
    return byLocation[index] ?? take(predicted.findIndex((candidate, at) => !taken.has(at) && candidate.text.trim() === quantity.text.trim()));
  });

  const checks: QuantityCheck[] = gold.map((quantity, index) => {
    const match = matches[index] ?? null;
    return {
      gold: quantity,
      goldOffset: located[index] ?? null,
      predicted: match === null ? null : { text: match.text, span: match.span, value: match.value, unit: match.unit, qualifier: match.qualifier },
      differences: match === null ? ['not found'] : differences(quantity, match),
    };
  });
  const foundCount = checks.filter((check) => check.predicted !== null).length;
  const exactCount = checks.filter((check) => check.differences.length === 0).length;
  return { found: tally(foundCount, gold.length), exact: tally(exactCount, gold.length), checks };
}
