/**
 * Span integrity: every text the reader quotes (part headings, outcomes, quantities, commitments, targets) must be
 * exactly the source text at its span, since evidence links and audits cite documents by span.
 */
import type { ReadResult } from '../domain/reader/parsed-report.ts';
import { tally, type Tally } from './tally.ts';

export interface SpanMismatch {
  kind: 'heading' | 'outcome' | 'quantity' | 'commitment' | 'target';
  text: string;
  atSpan: string;
  span: [number, number];
}

export interface SpanScore {
  exact: Tally;
  mismatches: SpanMismatch[];
}

export function scoreSpans(result: ReadResult, source: string): SpanScore {
  if (!result.ok) return { exact: tally(0, 0), mismatches: [] };
  const { summary, plan } = result.report;
  const quoted: { kind: SpanMismatch['kind']; text: string; span: [number, number] }[] = [];
  for (const part of [summary, plan]) {
    if (part?.heading != null && part.headingSpan !== null) quoted.push({ kind: 'heading', text: part.heading, span: part.headingSpan });
  }
  for (const outcome of summary?.outcomes ?? []) {
    quoted.push({ kind: 'outcome', text: outcome.text, span: outcome.span });
    for (const quantity of outcome.quantities) quoted.push({ kind: 'quantity', text: quantity.text, span: quantity.span });
  }
  for (const commitment of plan?.commitments ?? []) {
    quoted.push({ kind: 'commitment', text: commitment.text, span: commitment.span });
    for (const target of commitment.targets) quoted.push({ kind: 'target', text: target.text, span: target.span });
  }
  const mismatches = quoted.flatMap((item) => {
    const atSpan = source.slice(item.span[0], item.span[1]);
    return atSpan === item.text ? [] : [{ ...item, atSpan }];
  });
  return { exact: tally(quoted.length - mismatches.length, quoted.length), mismatches };
}
