/**
 * Everything scored for one annotated seed report: metadata, plan commitments with targets, summary quantities.
 */
import type { ReadResult } from '../domain/reader/parsed-report.ts';
import type { GoldSeedDocument } from './gold-schema.ts';
import { scoreCommitments, type CommitmentScore } from './score-commitments.ts';
import { predictedMetadata, scoreMetadata, type ExpectedMetadata, type MetadataScore } from './score-metadata.ts';
import { scoreQuantities, type QuantityScore } from './score-quantities.ts';
import { scoreSpans, type SpanScore } from './score-spans.ts';

export interface SeedDocumentScore {
  /** The seed file name in `seeds/`. */
  file: string;
  /** The file name the gold uses. */
  goldFile: string;
  /** The reader's failure message, when it returned one. */
  readError: string | null;
  metadata: MetadataScore;
  commitments: CommitmentScore;
  quantities: QuantityScore;
  spans: SpanScore;
}

export function expectedSeedMetadata(gold: GoldSeedDocument): ExpectedMetadata {
  return {
    organisation: gold.org,
    publishedAt: gold.publishedAt,
    summaryYear: gold.summaryYear,
    planYear: gold.planYear,
    summaryHeading: gold.summaryHeading,
    planHeading: gold.planHeading,
  };
}

export function scoreSeedDocument(gold: GoldSeedDocument, file: string, source: string, result: ReadResult): SeedDocumentScore {
  const report = result.ok ? result.report : null;
  return {
    file,
    goldFile: gold.file,
    readError: result.ok ? null : `${result.error.reason}: ${result.error.message}`,
    metadata: scoreMetadata(expectedSeedMetadata(gold), predictedMetadata(result)),
    commitments: scoreCommitments(gold.commitments, report?.plan ?? null),
    quantities: scoreQuantities(gold.summaryQuantities, report?.summary ?? null, source),
    spans: scoreSpans(result, source),
  };
}
