/**
 * What the pair labels say about each report text in `pairs/`: a report is the plan file of one pair (plan year and
 * plan heading labelled) and/or the summary file of another (summary year and heading labelled). A government work
 * report of year Y reviews Y−1 and plans Y, so the year the labels leave out is derived from the other; a heading
 * they leave out is not scored.
 */
import type { GoldPair } from './gold-schema.ts';
import type { ExpectedMetadata, MetadataField } from './score-metadata.ts';

export interface PairReportExpectation {
  file: string;
  expected: ExpectedMetadata;
  /** Fields derived rather than labelled. */
  derived: MetadataField[];
}

/** The labels name the place (`北京市`); the issuer of its work report is its people's government. */
export function issuingGovernment(labelledOrganisation: string): string {
  if (labelledOrganisation === '国务院' || labelledOrganisation.endsWith('人民政府')) return labelledOrganisation;
  return `${labelledOrganisation}人民政府`;
}

export function expectedPairReportMetadata(pairs: readonly GoldPair[]): PairReportExpectation[] {
  const byFile = new Map<string, PairReportExpectation>();
  const entry = (file: string): PairReportExpectation => {
    const existing = byFile.get(file);
    if (existing !== undefined) return existing;
    const created: PairReportExpectation = { file, expected: {}, derived: [] };
    byFile.set(file, created);
    return created;
  };
  for (const pair of pairs) {
    const plan = entry(pair.planFile);
    plan.expected.organisation = issuingGovernment(pair.org);
    plan.expected.planYear = pair.planYear;
    plan.expected.planHeading = pair.planHeading;
    const summary = entry(pair.summaryFile);
    summary.expected.organisation = issuingGovernment(pair.org);
    summary.expected.summaryYear = pair.planYear;
    summary.expected.summaryHeading = pair.summaryHeading;
  }
  for (const report of byFile.values()) {
    const { planYear, summaryYear } = report.expected;
    if (summaryYear === undefined && planYear !== undefined && planYear !== null) {
      report.expected.summaryYear = planYear - 1;
      report.derived.push('summaryYear');
    }
    if (planYear === undefined && summaryYear !== undefined && summaryYear !== null) {
      report.expected.planYear = summaryYear + 1;
      report.derived.push('planYear');
    }
  }
  return [...byFile.values()].sort((left, right) => left.file.localeCompare(right.file));
}
