/**
 * A log of real events: the five seeds and the six pair reports ingested by the ledger's own ingestion, evidence
 * proposed by the matching process, and a few reviewer decisions on top.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { ingestReport } from '../../../services/ingestion/ingest-report.ts';
import { runMatchingCatchUp } from '../../../services/matching/matching-process.ts';
import type { EventStore } from '../../../services/store/event-store.ts';
import { appendAll } from '../../projections/ledger-fixtures.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function sampleReportFiles(): string[] {
  return [path.join(root, 'seeds'), path.join(root, 'test/fixtures/gold/pairs')].flatMap((folder) =>
    fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => path.join(folder, name)),
  );
}

/** Ingests every sample report and runs the matcher; returns the number of reports ingested. */
export async function ingestSamples(store: EventStore, clock: () => Date = () => new Date('2026-01-01T00:00:00.000Z')): Promise<number> {
  let ingested = 0;
  for (const file of sampleReportFiles()) {
    const result = await ingestReport({ store, clock }, { type: 'IngestReport', text: fs.readFileSync(file, 'utf8'), sourceUri: path.basename(file) });
    if (!result.ok) throw new Error(`${path.basename(file)}: ${result.error.message}`);
    ingested++;
  }
  await runMatchingCatchUp(store, { logger: pino({ level: 'silent' }), clock });
  return ingested;
}

/** Reviewer decisions on real commitments: one link rejected, one commitment assessed, one withdrawn. */
export async function addReviewerDecisions(store: EventStore): Promise<void> {
  const links: Array<{ linkId: string; commitmentId: string }> = [];
  const commitments: string[] = [];
  for await (const event of store.readAll()) {
    if (event.type === 'EvidenceLinkProposed') links.push(event.data as { linkId: string; commitmentId: string });
    if (event.type === 'CommitmentRecorded') commitments.push((event.data as { commitmentId: string }).commitmentId);
  }
  const rejected = links[0];
  const assessed = commitments[1];
  const withdrawn = commitments[2];
  if (rejected === undefined || assessed === undefined || withdrawn === undefined) throw new Error('the sample log has no links or too few commitments');
  await appendAll(store, [
    { type: 'EvidenceLinkRejected', data: { linkId: rejected.linkId, commitmentId: rejected.commitmentId, reason: '指标口径不同' } },
    { type: 'CommitmentAssessed', data: { commitmentId: assessed, status: 'in_progress', rationale: '年中检查显示正在推进' } },
    { type: 'CommitmentWithdrawn', data: { commitmentId: withdrawn, reason: '职能已划转' } },
  ]);
}
