/**
 * What ingesting one read document records, as commands: one per commitment of the plan part, one per outcome of
 * the summary part, and the report itself. Pure: the service runs the commands, report last.
 */
import type { RecordCommitment } from '../commands/record-commitment.ts';
import type { RecordOutcome } from '../commands/record-outcome.ts';
import type { RecordReport } from '../commands/record-report.ts';
import { reportIdFor } from '../ids.ts';
import type { ParsedReport, PlanPart, SummaryPart } from '../reader/parsed-report.ts';

export interface IngestionInput {
  text: string;
  sha256: string;
  parsed: ParsedReport;
  sourceUri: string | null;
  readerVersion: string;
}

export interface IngestionPlan {
  reportId: string;
  commitments: RecordCommitment[];
  outcomes: RecordOutcome[];
  report: RecordReport;
}

function recordCommitments(plan: PlanPart | null, reportId: string, organisation: string): RecordCommitment[] {
  if (plan === null) return [];
  return plan.commitments.map((commitment) => ({
    type: 'RecordCommitment',
    reportId,
    organisation,
    planYear: plan.year,
    area: commitment.area,
    marker: commitment.marker,
    text: commitment.text,
    span: commitment.span,
    targets: commitment.targets,
  }));
}

function recordOutcomes(summary: SummaryPart | null, reportId: string, organisation: string): RecordOutcome[] {
  if (summary === null) return [];
  return summary.outcomes.map((outcome) => ({
    type: 'RecordOutcome',
    reportId,
    organisation,
    summaryYear: summary.year,
    area: outcome.area,
    text: outcome.text,
    span: outcome.span,
    quantities: outcome.quantities,
    cue: outcome.cue,
    aboutSummaryYear: outcome.aboutSummaryYear,
  }));
}

/** A part of the document without its statements (those get their own streams). */
function partOutline(part: PlanPart | SummaryPart) {
  return { year: part.year, heading: part.heading, headingSpan: part.headingSpan, span: part.span };
}

export function planIngestion(input: IngestionInput): IngestionPlan {
  const { parsed, sha256 } = input;
  const reportId = reportIdFor(sha256);
  const commitments = recordCommitments(parsed.plan, reportId, parsed.organisation.name);
  const outcomes = recordOutcomes(parsed.summary, reportId, parsed.organisation.name);
  const report: RecordReport = {
    type: 'RecordReport',
    sha256,
    text: input.text,
    source: input.sourceUri,
    organisation: parsed.organisation,
    publishedAt: parsed.publishedAt,
    title: parsed.title,
    summary: parsed.summary === null ? null : { ...partOutline(parsed.summary), outcomeCount: outcomes.length },
    plan: parsed.plan === null ? null : { ...partOutline(parsed.plan), commitmentCount: commitments.length },
    readerVersion: input.readerVersion,
  };
  return { reportId, commitments, outcomes, report };
}
