/**
 * Runs the reader over every gold case and scores it: the seeds (metadata, commitments, targets, summary
 * quantities) and the plan → summary pairs (labelled targets, and the metadata of each pair report text).
 * Pure given the texts and the reader.
 */
import type { ReadResult } from '../domain/reader/parsed-report.ts';
import type { GoldSet } from './load-gold.ts';
import { expectedPairReportMetadata } from './pair-report-metadata.ts';
import { scorePairTargets, type PairTargetScore } from './score-pair-targets.ts';
import { predictedMetadata, scoreMetadata, type MetadataField, type MetadataScore } from './score-metadata.ts';
import { scoreSeedDocument, type SeedDocumentScore } from './score-seed-document.ts';
import { scoreSpans, type SpanScore } from './score-spans.ts';
import { addPrecisionRecall, addTallies, type PrecisionRecall, type Tally } from './tally.ts';

export type ReadReport = (text: string) => ReadResult;

export interface SeedTotals {
  metadata: Tally;
  commitments: PrecisionRecall;
  sameArea: Tally;
  targets: PrecisionRecall;
  quantitiesFound: Tally;
  quantitiesExact: Tally;
  spans: Tally;
}

export interface PairTargetResult {
  pair: string;
  planFile: string;
  readError: string | null;
  score: PairTargetScore;
}

export interface PairReportResult {
  file: string;
  readError: string | null;
  derived: MetadataField[];
  metadata: MetadataScore;
  spans: SpanScore;
}

export interface PairTotals {
  targetRecall: Tally;
  mainParagraphPrecision: Tally;
  metadata: Tally;
  spans: Tally;
}

export interface EvalResult {
  seeds: { documents: SeedDocumentScore[]; totals: SeedTotals };
  pairs: { targets: PairTargetResult[]; reports: PairReportResult[]; totals: PairTotals };
}

function readError(result: ReadResult): string | null {
  return result.ok ? null : `${result.error.reason}: ${result.error.message}`;
}

export function totalSeedScores(documents: readonly SeedDocumentScore[]): SeedTotals {
  return {
    metadata: addTallies(...documents.map((document) => document.metadata.exact)),
    commitments: addPrecisionRecall(...documents.map((document) => document.commitments.commitments)),
    sameArea: addTallies(...documents.map((document) => document.commitments.sameArea)),
    targets: addPrecisionRecall(...documents.map((document) => document.commitments.targets)),
    quantitiesFound: addTallies(...documents.map((document) => document.quantities.found)),
    quantitiesExact: addTallies(...documents.map((document) => document.quantities.exact)),
    spans: addTallies(...documents.map((document) => document.spans.exact)),
  };
}

export function evaluate(gold: GoldSet, read: ReadReport): EvalResult {
  const documents = gold.seeds.map((seed) => scoreSeedDocument(seed.gold, seed.file, seed.source, read(seed.source)));

  const pairReads = new Map<string, ReadResult>();
  const readPairText = (file: string, text: string): ReadResult => {
    const cached = pairReads.get(file);
    if (cached !== undefined) return cached;
    const result = read(text);
    pairReads.set(file, result);
    return result;
  };

  const targets = gold.pairs.map((pair): PairTargetResult => {
    const result = readPairText(pair.gold.planFile, pair.planSource);
    return { pair: pair.name, planFile: pair.gold.planFile, readError: readError(result), score: scorePairTargets(pair.gold, pair.planSource, result) };
  });

  const reports = expectedPairReportMetadata(gold.pairs.map((pair) => pair.gold)).flatMap((expectation): PairReportResult[] => {
    const text = gold.pairTexts.get(expectation.file);
    if (text === undefined) return [];
    const result = readPairText(expectation.file, text);
    return [{ file: expectation.file, readError: readError(result), derived: expectation.derived, metadata: scoreMetadata(expectation.expected, predictedMetadata(result)), spans: scoreSpans(result, text) }];
  });

  return {
    seeds: { documents, totals: totalSeedScores(documents) },
    pairs: {
      targets,
      reports,
      totals: {
        targetRecall: addTallies(...targets.map((target) => target.score.recall)),
        mainParagraphPrecision: addTallies(...targets.map((target) => target.score.mainParagraphPrecision)),
        metadata: addTallies(...reports.map((report) => report.metadata.exact)),
        spans: addTallies(...reports.map((report) => report.spans.exact)),
      },
    },
  };
}
