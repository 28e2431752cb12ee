import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { executeLedgerCommand } from '../../../services/commands/execute-ledger-command.ts';
import { decodeLedgerEvent } from '../../../services/events/event-codec.ts';
import { ingestReport } from '../../../services/ingestion/ingest-report.ts';
import { runMatchingCatchUp, startMatchingProcess } from '../../../services/matching/matching-process.ts';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import type { EventStore } from '../../../services/store/event-store.ts';
import type { EvidenceLinkProposedV1 } from '../../../domain/events/commitment-events.ts';

const pairs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/gold/pairs');
const PLAN_2022 = readFileSync(path.join(pairs, 'stateCouncil_2022_report.txt'), 'utf8');
const REVIEW_2022 = readFileSync(path.join(pairs, 'stateCouncil_2023_report.txt'), 'utf8');
const clock = (): Date => new Date('2026-03-01T08:00:00.000Z');

async function ingest(store: EventStore, text: string): Promise<void> {
  const result = await ingestReport({ store, clock }, { type: 'IngestReport', text });
  if (!result.ok) throw new Error(`fixture ingestion failed: ${result.error.message}`);
}

async function proposals(store: EventStore): Promise<EvidenceLinkProposedV1[]> {
  const found: EvidenceLinkProposedV1[] = [];
  for await (const recorded of store.readAll()) {
    const decoded = decodeLedgerEvent(recorded);
    if (decoded?.event.type === 'EvidenceLinkProposed') found.push(decoded.event.data);
  }
  return found.sort((a, b) => (a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0));
}

async function eventCount(store: EventStore): Promise<number> {
  let count = 0;
  for await (const _ of store.readAll()) count++;
  return count;
}

t.test('given the plan of 2022 and the review of 2022 ingested in either order, then the catch-up proposes the same links', async (t) => {
  const planFirst = createMemoryStore({ clock });
  await ingest(planFirst, PLAN_2022);
  t.equal((await runMatchingCatchUp(planFirst, { clock })).linksProposed, 0, 'a plan alone has nothing to match');
  await ingest(planFirst, REVIEW_2022);
  const first = await runMatchingCatchUp(planFirst, { clock });

  const reviewFirst = createMemoryStore({ clock });
  await ingest(reviewFirst, REVIEW_2022);
  await ingest(reviewFirst, PLAN_2022);
  await runMatchingCatchUp(reviewFirst, { clock });

  const links = await proposals(planFirst);
  t.ok(first.linksProposed > 0 && first.linksProposed === links.length, `${links.length} links proposed`);
  t.equal(first.failures, 0);
  t.same(await proposals(reviewFirst), links);
  t.ok(links.every((link) => link.organisation === '国务院' && link.year === 2022), 'only the 2022 group is matched');
  t.ok(links.some((link) => link.targetId !== null), 'targets are linked to the figures of the review');

  t.test('when the catch-up runs again, then nothing new is proposed', async (t) => {
    const before = await eventCount(planFirst);
    const again = await runMatchingCatchUp(planFirst, { clock });
    t.equal(again.linksProposed, 0);
    t.equal(await eventCount(planFirst), before);
  });

  t.test('when a reviewer rejects a link, then the matcher never proposes it again', async (t) => {
    const victim = links[0]!;
    const rejected = await executeLedgerCommand(
      planFirst,
      { type: 'RejectEvidenceLink', commitmentId: victim.commitmentId, linkId: victim.linkId, reason: 'not the same metric' },
      { actor: { kind: 'person', id: 'reviewer-1', version: null }, correlationId: 'review-1', causationId: null, occurredAt: clock().toISOString(), source: null },
    );
    t.ok(rejected.ok);
    const before = await eventCount(planFirst);
    t.equal((await runMatchingCatchUp(planFirst, { clock })).linksProposed, 0);
    t.equal(await eventCount(planFirst), before);
  });
});

t.test('given the running process, when the review and then the plan arrive, then it proposes the same links as a catch-up and stops cleanly', async (t) => {
  const reference = createMemoryStore({ clock });
  await ingest(reference, PLAN_2022);
  await ingest(reference, REVIEW_2022);
  await runMatchingCatchUp(reference, { clock });

  const store = createMemoryStore({ clock });
  const process = startMatchingProcess(store, { clock });
  await process.caughtUp();
  await ingest(store, REVIEW_2022);
  await ingest(store, PLAN_2022);
  const head = await store.headPosition();
  if (head === null) throw new Error('the log is empty after ingestion');
  await process.processedThrough(head);
  t.same(await proposals(store), await proposals(reference));
  t.ok(process.tally().linksProposed > 0);
  await process.stop();
  t.pass('stop() returned');
});
