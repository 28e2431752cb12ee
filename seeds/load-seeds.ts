/**
 * Ingests every sample report in this folder. Safe on every start: an ingested document is recognised by its
 * SHA-256 and changes nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { ingestReport, type IngestionResult } from '../services/ingestion/ingest-report.ts';
import type { EventStore } from '../services/store/event-store.ts';

export const SEEDS_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface SeedIngestion {
  file: string;
  result: IngestionResult;
}

export async function ingestSeedReports(store: EventStore, options: { logger: Logger; clock: () => Date }): Promise<SeedIngestion[]> {
  const files = (await readdir(SEEDS_DIR)).filter((name) => name.endsWith('.txt')).sort();
  const ingested: SeedIngestion[] = [];
  for (const file of files) {
    const text = await readFile(path.join(SEEDS_DIR, file), 'utf8');
    const result = await ingestReport(
      { store, clock: options.clock, logger: options.logger },
      { type: 'IngestReport', text, sourceUri: `seeds/${file}` },
    );
    if (result.ok) options.logger.debug({ file, reportId: result.reportId, alreadyIngested: result.alreadyIngested }, 'seed report');
    else options.logger.error({ file, error: result.error }, 'seed report rejected');
    ingested.push({ file, result });
  }
  const fresh = ingested.filter(({ result }) => result.ok && !result.alreadyIngested).length;
  options.logger.info({ seeds: files.length, newlyIngested: fresh }, 'seed reports loaded');
  return ingested;
}
