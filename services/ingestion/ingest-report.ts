/**
 * Ingests documents, idempotently end to end. Ids are deterministic and every append goes through the deciders
 * (recording twice is a no-op), so a repeat or a retry after a crash ends with exactly one ingestion's events.
 * The report stream is written last (or in the same transaction): its existence means the ingestion finished.
 */
import type { Logger } from 'pino';
import type { EventStore } from '../store/event-store.ts';
import { successFromReport, type IngestionResult } from './ingestion-result.ts';
import { prepareDocument, type PreparedDocument } from './prepare-document.ts';
import { recordDocuments } from './record-documents.ts';
import { defaultReportReader, type ReportReader } from './report-reader.ts';

export type { IngestionError, IngestionResult, IngestionSuccess } from './ingestion-result.ts';

export interface IngestionDependencies {
  store: EventStore;
  /** The recorded-at time of the events (time is data for everything downstream). */
  clock: () => Date;
  reader?: ReportReader;
  logger?: Logger;
}

export interface BulkIngestionOptions {
  /** Documents written per transaction on a store with multi-stream transactions (default 32). */
  documentsPerTransaction?: number;
}

/** One document: `{ type: 'IngestReport', text, sourceUri?, organisationHint? }`, validated here. */
export async function ingestReport(dependencies: IngestionDependencies, input: unknown): Promise<IngestionResult> {
  const [result] = await ingestReports(dependencies, [input]);
  if (result === undefined) throw new Error('an ingestion of one document gave no result');
  return result;
}

/**
 * Several documents, one result each in the order given. A refused document does not stop the others. On the
 * embedded store, documents are written in groups, one transaction per group: the bulk path for folders.
 */
export async function ingestReports(
  dependencies: IngestionDependencies,
  inputs: readonly unknown[],
  options: BulkIngestionOptions = {},
): Promise<IngestionResult[]> {
  const { store, logger } = dependencies;
  const reader = dependencies.reader ?? defaultReportReader;
  const occurredAt = dependencies.clock().toISOString();
  const results: Array<IngestionResult | undefined> = inputs.map(() => undefined);
  const pending: Array<{ index: number; document: PreparedDocument }> = [];
  // The same text twice in one call is one document: the later copies answer as already ingested.
  const copies: Array<{ index: number; of: number }> = [];
  const firstBySha = new Map<string, number>();
  for (const [index, input] of inputs.entries()) {
    const preparation = await prepareDocument(store, reader, occurredAt, input);
    if ('done' in preparation) {
      results[index] = preparation.done;
      continue;
    }
    const first = firstBySha.get(preparation.ready.sha256);
    if (first !== undefined) {
      copies.push({ index, of: first });
      continue;
    }
    firstBySha.set(preparation.ready.sha256, index);
    pending.push({ index, document: preparation.ready });
  }

  const groupSize = Math.max(1, options.documentsPerTransaction ?? 32);
  for (let start = 0; start < pending.length; start += groupSize) {
    const group = pending.slice(start, start + groupSize);
    for (const { index, document, recording } of await recordDocuments(store, group)) {
      if (!recording.ok) {
        results[index] = { ok: false, error: recording.error };
        continue;
      }
      const { type: _type, ...report } = document.plan.report;
      // No report event means a concurrent ingestion of the same document finished first.
      const alreadyIngested = !recording.reportRecorded;
      logger?.info({ reportId: document.plan.reportId, organisation: report.organisation.name, ...recording.recorded, alreadyIngested }, 'report ingested');
      results[index] = successFromReport({ reportId: document.plan.reportId, ...report }, alreadyIngested, recording.recorded);
    }
  }
  for (const { index, of } of copies) {
    const original = results[of];
    results[index] =
      original?.ok === true ? { ...original, alreadyIngested: true, commitmentsRecorded: 0, outcomesRecorded: 0 } : original;
  }
  return results.map((result) => {
    if (result === undefined) throw new Error('an ingestion left a document without a result');
    return result;
  });
}
