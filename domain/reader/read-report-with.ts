/**
 * The report reader, given the number extractors it uses for commitments' targets and outcomes' quantities.
 * Pure: text in, parsed report (or the reason it could not be read) out.
 */
import { findCommitments } from './commitments.ts';
import { layOut, type DocumentLayout } from './document-layout.ts';
import { leadingMarker } from './enumerators.ts';
import { findOrganisation } from './organisation.ts';
import { outcomeCue } from './outcome-cues.ts';
import { findOutcomes } from './outcomes.ts';
import type { PlanPart, Quantity, ReadResult, SummaryPart, Target } from './parsed-report.ts';
import { partBlocks } from './part-blocks.ts';
import { partYears } from './part-years.ts';
import { findPublicationDate } from './publication-date.ts';
import { splitLines, type TextLine } from './text-lines.ts';

export interface NumberExtractors {
  /** Quantities of an outcome statement; `baseOffset` is the statement's index in the document. */
  extractQuantities: (text: string, baseOffset: number) => Quantity[];
  /** Targets of a commitment's text; `baseOffset` is the text's index in the document. */
  extractTargets: (text: string, baseOffset: number) => Target[];
}

/** A page with no part heading counts as one part only when it is enumerated like a report. */
const MIN_STRUCTURED_BLOCKS = 2;
const DATELINE_SEARCH_LINES = 6;

export function readReportWith(text: string, extractors: NumberExtractors): ReadResult {
  if (text.trim().length === 0) return { ok: false, error: { reason: 'empty_text', message: 'the text is empty' } };
  const lines = splitLines(text);
  const layout = layOut(lines);
  const published = findPublicationDate(lines, headerEnd(layout, lines));
  const years = partYears(layout, lines, published?.year ?? null);
  const summary = layout.summary === null || years.summaryYear === null ? null : readSummary(text, lines, layout, years.summaryYear, extractors);
  const plan = layout.plan === null || years.planYear === null ? null : readPlan(text, lines, layout, years.planYear, extractors);
  if (summary === null && plan === null) {
    return { ok: false, error: { reason: 'no_parts_found', message: 'no summary part or plan part was found in the text' } };
  }
  const organisation = findOrganisation(text, lines, layout.title);
  if (organisation === null) {
    return { ok: false, error: { reason: 'no_organisation_found', message: 'the text does not name the organisation that issued it' } };
  }
  return { ok: true, report: { organisation, publishedAt: published?.iso ?? null, title: layout.title, summary, plan } };
}

/** Datelines (`——2022年3月5日在…会议上`) sit before the first part heading or enumerated line. */
function headerEnd(layout: DocumentLayout, lines: readonly TextLine[]): number {
  const firstHeading = layout.headings[0];
  if (firstHeading !== undefined) return firstHeading.firstLine;
  for (let i = layout.bodyStart; i < layout.bodyEnd && i < layout.bodyStart + DATELINE_SEARCH_LINES; i++) {
    if (leadingMarker(lines[i]!.text) !== null) return i;
  }
  return Math.min(layout.bodyEnd, layout.bodyStart + DATELINE_SEARCH_LINES);
}

function readSummary(
  text: string,
  lines: readonly TextLine[],
  layout: DocumentLayout,
  year: number,
  extractors: NumberExtractors,
): SummaryPart | null {
  const part = layout.summary!;
  const blocks = partBlocks(lines, part, layout.headings);
  if (part.heading === null && blocks.filter((b) => b.kind !== 'paragraph' || b.marker !== null).length < MIN_STRUCTURED_BLOCKS) return null;
  const outcomes = findOutcomes(text, blocks).map((draft) => {
    const statement = text.slice(draft.span[0], draft.span[1]);
    return {
      text: statement,
      span: draft.span,
      area: draft.area,
      quantities: extractors.extractQuantities(statement, draft.span[0]),
      cue: outcomeCue(statement),
      aboutSummaryYear: draft.aboutSummaryYear,
    };
  });
  return {
    year,
    heading: part.heading?.text ?? null,
    headingSpan: part.heading?.span ?? null,
    span: partSpan(lines, part.heading?.span[0] ?? null, part.fromLine, part.toLine),
    outcomes,
  };
}

function readPlan(text: string, lines: readonly TextLine[], layout: DocumentLayout, year: number, extractors: NumberExtractors): PlanPart | null {
  const part = layout.plan!;
  const blocks = partBlocks(lines, part, layout.headings);
  const structured = part.opensAtMainTargets === true || blocks.filter((b) => b.kind !== 'paragraph' || b.marker !== null).length >= MIN_STRUCTURED_BLOCKS;
  if (part.heading === null && !structured) return null;
  const targetsBySpan = new Map<string, Target[]>();
  const targetsOf = (span: [number, number]): Target[] => {
    const key = `${span[0]}:${span[1]}`;
    let targets = targetsBySpan.get(key);
    if (targets === undefined) {
      targets = extractors.extractTargets(text.slice(span[0], span[1]), span[0]);
      targetsBySpan.set(key, targets);
    }
    return targets;
  };
  const commitments = findCommitments(text, blocks, (span) => targetsOf(span).length > 0).map((draft) => ({
    area: draft.area,
    marker: draft.marker,
    text: text.slice(draft.span[0], draft.span[1]),
    span: draft.span,
    targets: targetsOf(draft.span),
  }));
  return {
    year,
    heading: part.heading?.text ?? null,
    headingSpan: part.heading?.span ?? null,
    span: partSpan(lines, part.heading?.span[0] ?? null, part.fromLine, part.toLine),
    commitments,
  };
}

/** From the heading (or the first body line) to the end of the part's last non-blank line. */
function partSpan(lines: readonly TextLine[], headingStart: number | null, fromLine: number, toLine: number): [number, number] {
  let last = toLine - 1;
  while (last >= fromLine && lines[last]!.text.length === 0) last--;
  let first = fromLine;
  while (first < toLine && lines[first]!.text.length === 0) first++;
  const start = headingStart ?? lines[first]?.textStart ?? lines[fromLine]?.start ?? 0;
  const lastLine = lines[last];
  const end = lastLine === undefined || last < fromLine ? start : lastLine.textStart + lastLine.text.length;
  return [start, Math.max(start, end)];
}
