import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
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

t.test('given a state file, then a second catch-up reads only what is new and proposes what a fresh run proposes', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'matching-resume-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const stateFile = path.join(dir, 'matching.sqlite');
  const store = createMemoryStore({ clock });
  await ingest(store, PLAN_2022);
  const planOnly = await runMatchingCatchUp(store, { clock, stateFile });
  t.equal(planOnly.resumedAfter, null, 'the first run reads from the beginning');
  t.equal(planOnly.linksProposed, 0);

  const idle = await runMatchingCatchUp(store, { clock, stateFile });
  t.equal(idle.resumedAfter, planOnly.position, 'the second run resumes after the first');
  t.equal(idle.eventsRead, 0, 'and reads nothing when nothing was appended');

  await ingest(store, REVIEW_2022);
  const resumed = await runMatchingCatchUp(store, { clock, stateFile });
  t.ok(resumed.eventsRead < (await eventCount(store)), `${resumed.eventsRead} events read, not the whole log`);

  const fresh = createMemoryStore({ clock });
  await ingest(fresh, PLAN_2022);
  await ingest(fresh, REVIEW_2022);
  await runMatchingCatchUp(fresh, { clock });
  const links = await proposals(store);
  t.ok(links.length > 0);
  t.same(links, await proposals(fresh), 'the plan remembered from the first run is matched with the review read now');
});

t.test('given a state file ahead of the log, then the process starts again from the beginning', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'matching-ahead-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const stateFile = path.join(dir, 'matching.sqlite');
  const longer = createMemoryStore({ clock });
  await ingest(longer, PLAN_2022);
  await ingest(longer, REVIEW_2022);
  await runMatchingCatchUp(longer, { clock, stateFile });

  const shorter = createMemoryStore({ clock });
  await ingest(shorter, REVIEW_2022);
  const tally = await runMatchingCatchUp(shorter, { clock, stateFile });
  t.equal(tally.resumedAfter, null, 'a checkpoint past the head belongs to another log');
  t.equal(tally.eventsRead, await eventCount(shorter), 'so the whole log is read again');
  t.equal(tally.linksProposed, 0, 'and the plan remembered from the other log is forgotten');
  await ingest(shorter, PLAN_2022);
  await runMatchingCatchUp(shorter, { clock, stateFile });
  t.same(await proposals(shorter), await proposals(longer));
});

t.test('given a state file of another log at least as long, then the process notices and starts again from the beginning', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'matching-other-log-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const stateFile = path.join(dir, 'matching.sqlite');
  const first = createMemoryStore({ clock });
  await ingest(first, PLAN_2022);
  await runMatchingCatchUp(first, { clock, stateFile });

  // Same kind of log, as long or longer, other events: positions alone would resume mid-way.
  const other = createMemoryStore({ clock });
  await ingest(other, REVIEW_2022);
  await ingest(other, PLAN_2022);
  const otherLength = await eventCount(other);
  t.ok(otherLength > (await eventCount(first)), 'the other log reaches past the checkpoint');
  const tally = await runMatchingCatchUp(other, { clock, stateFile });
  t.equal(tally.resumedAfter, null, 'the checkpoint names an event the other log does not hold at its place');
  t.equal(tally.eventsRead, otherLength, 'so the whole log is read');

  const fresh = createMemoryStore({ clock });
  await ingest(fresh, REVIEW_2022);
  await ingest(fresh, PLAN_2022);
  await runMatchingCatchUp(fresh, { clock });
  t.same(await proposals(other), await proposals(fresh), 'and the links are those of a first run over it');
});

t.test('given the running process with a state file, when it is restarted, then it resumes and follows new reports', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'matching-live-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const stateFile = path.join(dir, 'matching.sqlite');
  const store = createMemoryStore({ clock });
  const first = startMatchingProcess(store, { clock, stateFile });
  await first.caughtUp();
  await ingest(store, PLAN_2022);
  const afterPlan = await store.headPosition();
  if (afterPlan === null) throw new Error('the log is empty after ingestion');
  await first.processedThrough(afterPlan);
  await first.stop();

  const second = startMatchingProcess(store, { clock, stateFile });
  await second.caughtUp();
  t.equal(second.tally().resumedAfter, afterPlan, 'the restart resumes after what the first process read');
  await ingest(store, REVIEW_2022);
  const head = await store.headPosition();
  if (head === null) throw new Error('the log is empty after ingestion');
  await second.processedThrough(head);
  t.ok(second.tally().linksProposed > 0, 'the review is matched with the plan read before the restart');
  await second.stop();
});
