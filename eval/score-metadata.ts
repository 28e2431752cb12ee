/**
 * Document metadata exactness: organisation, publication date, the summary and plan years and their headings.
 * A gold null must be predicted null; a field the gold does not label (undefined) is not scored.
 */
import type { ReadResult } from '../domain/reader/parsed-report.ts';
import { sameLine } from './same-figure.ts';
import { tally, type Tally } from './tally.ts';

export const metadataFields = ['organisation', 'publishedAt', 'summaryYear', 'planYear', 'summaryHeading', 'planHeading'] as const;
export type MetadataField = (typeof metadataFields)[number];

export interface ReportMetadata {
  organisation: string | null;
  /** The date part, `YYYY-MM-DD`. */
  publishedAt: string | null;
  summaryYear: number | null;
  planYear: number | null;
  summaryHeading: string | null;
  planHeading: string | null;
}

/** What the gold says of a document; a missing field is one the gold does not label. */
export type ExpectedMetadata = Partial<ReportMetadata>;

export interface FieldCheck {
  field: MetadataField;
  expected: string | number | null;
  predicted: string | number | null;
  exact: boolean;
}

export interface MetadataScore {
  checks: FieldCheck[];
  exact: Tally;
}

export function predictedMetadata(result: ReadResult): ReportMetadata {
  if (!result.ok) {
    return { organisation: null, publishedAt: null, summaryYear: null, planYear: null, summaryHeading: null, planHeading: null };
  }
  const { report } = result;
  return {
    organisation: report.organisation.name,
    publishedAt: report.publishedAt === null ? null : report.publishedAt.slice(0, 10),
    summaryYear: report.summary?.year ?? null,
    planYear: report.plan?.year ?? null,
    summaryHeading: report.summary?.heading ?? null,
    planHeading: report.plan?.heading ?? null,
  };
}

function sameValue(field: MetadataField, expected: string | number | null, predicted: string | number | null): boolean {
  if (field === 'summaryHeading' || field === 'planHeading') {
    return sameLine(expected === null ? null : String(expected), predicted === null ? null : String(predicted));
  }
  return expected === predicted;
}

export function scoreMetadata(expected: ExpectedMetadata, predicted: ReportMetadata): MetadataScore {
  const checks: FieldCheck[] = [];
  for (const field of metadataFields) {
    const expectedValue = expected[field];
    if (expectedValue === undefined) continue;
    const predictedValue = predicted[field];
    checks.push({ field, expected: expectedValue, predicted: predictedValue, exact: sameValue(field, expectedValue, predictedValue) });
  }
  return { checks, exact: tally(checks.filter((check) => check.exact).length, checks.length) };
}
