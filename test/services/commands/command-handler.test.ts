import t from 'tap';
import type { LedgerCommand } from '../../../domain/commands/ledger-command.ts';
import type { RecordOutcome } from '../../../domain/commands/record-outcome.ts';
import { HashChainVerifier } from '../../../domain/integrity/hash-chain.ts';
import { outcomeIdFor, streamNames } from '../../../domain/ids.ts';
import type { CommandContext } from '../../../services/commands/command-handler.ts';
import { executeLedgerCommand } from '../../../services/commands/execute-ledger-command.ts';
import { decodeRecordedEvent } from '../../../services/events/event-codec.ts';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import type { EventStore } from '../../../services/store/event-store.ts';
import { commitmentId, organisation, recordCommitment } from '../../domain/deciders/commitment-fixtures.ts';
import { collect } from '../events/collect.ts';
import { withAppend } from './wrapped-store.ts';

function context(correlationId: string): CommandContext {
  return {
    actor: { kind: 'person', id: 'reviewer-7', version: null },
    correlationId,
    causationId: null,
    occurredAt: '2026-03-01T08:00:00.000Z',
    source: null,
  };
}

const recordOutcome: RecordOutcome = {
  type: 'RecordOutcome',
  reportId: 'e'.repeat(64),
  organisation,
  summaryYear: 2022,
  area: null,
  text: '在全区56个社区建成社会工作点',
  span: [5, 20],
  quantities: [],
  cue: 'done',
  aboutSummaryYear: true,
};
const outcomeId = outcomeIdFor(recordOutcome.reportId, recordOutcome.span);

async function run(store: EventStore, command: LedgerCommand, correlationId = 'req') {
  return executeLedgerCommand(store, command, context(correlationId));
}

t.test('commands land on their streams, chained, and a repeat is a no-op', async (t) => {
  const store = createMemoryStore();
  const first = await run(store, recordCommitment, 'ingest-1');
  t.ok(first.ok);
  t.equal(first.ok && first.stream, streamNames.commitment(commitmentId));
  t.equal(first.ok && first.events.length, 1);
  const repeat = await run(store, recordCommitment, 'ingest-2');
  t.same(repeat.ok && repeat.events, [], 'recording again appends nothing');
  t.equal(repeat.ok && repeat.revision, 0);

  t.ok((await run(store, recordOutcome)).ok);
  const proposed = await run(store, {
    type: 'ProposeEvidenceLink',
    commitmentId,
    outcomeId,
    targetId: null,
    score: 0.9,
    method: { name: 'term-overlap', version: '1' },
    matchedTerms: ['社会工作点'],
  });
  t.equal(proposed.ok && proposed.events[0]?.event.type, 'EvidenceLinkProposed');
  t.ok((await run(store, { type: 'AssessCommitment', commitmentId, status: 'achieved', rationale: '建成56个' })).ok);

  const stored = await collect(store.readStream(streamNames.commitment(commitmentId)));
  t.same(stored.map((event) => event.type), ['CommitmentRecorded', 'EvidenceLinkProposed', 'CommitmentAssessed']);
  t.same(decodeRecordedEvent(stored[2]!).metadata.actor, { kind: 'person', id: 'reviewer-7', version: null });
  const verifier = new HashChainVerifier();
  for (const event of await collect(store.readAll())) t.equal(verifier.check(event), null, `${event.stream}@${event.revision} chains`);
  t.equal(verifier.eventsVerified, 4);
});

t.test('a link to an outcome that is not recorded is refused before anything is written', async (t) => {
  const store = createMemoryStore();
  await run(store, recordCommitment);
  const result = await run(store, {
    type: 'ProposeEvidenceLink',
    commitmentId,
    outcomeId: 'missing',
    targetId: null,
    score: 1,
    method: { name: 'term-overlap', version: '1' },
    matchedTerms: [],
  });
  t.same(result.ok ? null : result.error.code, 'unknown_outcome');
  t.equal((await collect(store.readAll())).length, 1);
});

/** A store whose next append loses a race: another writer's command lands first. */
function racingStore(inner: EventStore, concurrent: () => Promise<unknown>, races = 1): EventStore {
  let remaining = races;
  return withAppend(inner, async (...args) => {
    if (remaining > 0) {
      remaining -= 1;
      await concurrent();
    }
    return inner.appendToStream(...args);
  });
}

t.test('on a write conflict the handler re-reads and re-decides', async (t) => {
  const store = createMemoryStore();
  await run(store, recordCommitment);
  const racing = racingStore(store, () => run(store, { type: 'WithdrawCommitment', commitmentId, reason: 'merged' }, 'other'));
  const result = await run(racing, { type: 'AssessCommitment', commitmentId, status: 'achieved', rationale: 'done' });
  t.same(result.ok ? null : result.error.code, 'commitment_withdrawn', 'the re-decision sees the withdrawal that won the race');
  const types = (await collect(store.readStream(streamNames.commitment(commitmentId)))).map((event) => event.type);
  t.same(types, ['CommitmentRecorded', 'CommitmentWithdrawn']);
});

t.test('a conflict that persists is reported as a value after the attempts run out', async (t) => {
  const store = createMemoryStore();
  await run(store, recordCommitment);
  let round = 0;
  const racing = racingStore(
    store,
    () => run(store, { type: 'AssessCommitment', commitmentId, status: 'in_progress', rationale: `round ${++round}` }, `other-${round}`),
    10,
  );
  const result = await executeLedgerCommand(racing, { type: 'WithdrawCommitment', commitmentId, reason: 'dropped' }, context('mine'), { maxAttempts: 3 });
  t.same(result.ok ? null : result.error.code, 'write_conflict');
  t.equal(round, 3);
});

t.test('a conditional write lands when its stream is unchanged since the position it was decided on', async (t) => {
  const store = createMemoryStore();
  const recorded = await run(store, recordCommitment);
  const [last] = (await collect(store.readStream(streamNames.commitment(commitmentId)))).slice(-1);
  if (!recorded.ok || last === undefined) return t.fail('commitment not recorded');
  const result = await executeLedgerCommand(store, { type: 'AssessCommitment', commitmentId, status: 'achieved', rationale: 'seen' }, context('mine'), {
    unchangedSince: last.position,
  });
  t.ok(result.ok, 'nothing was written after the position the caller saw');
});

t.test('a conditional write fails with precondition_failed when its stream moved past the position it saw', async (t) => {
  const store = createMemoryStore();
  await run(store, recordCommitment);
  const [seen] = (await collect(store.readStream(streamNames.commitment(commitmentId)))).slice(-1);
  await run(store, { type: 'AssessCommitment', commitmentId, status: 'in_progress', rationale: 'another reviewer' }, 'other');
  if (seen === undefined) return t.fail('commitment not recorded');
  const result = await executeLedgerCommand(store, { type: 'WithdrawCommitment', commitmentId, reason: 'dropped' }, context('mine'), {
    unchangedSince: seen.position,
  });
  t.same(result.ok ? null : result.error.code, 'precondition_failed');
  const types = (await collect(store.readStream(streamNames.commitment(commitmentId)))).map((event) => event.type);
  t.same(types, ['CommitmentRecorded', 'CommitmentAssessed'], 'the stale write recorded nothing');
});

t.test('a conditional write that loses the race between deciding and appending is not retried', async (t) => {
  const store = createMemoryStore();
  await run(store, recordCommitment);
  const [seen] = (await collect(store.readStream(streamNames.commitment(commitmentId)))).slice(-1);
  if (seen === undefined) return t.fail('commitment not recorded');
  let races = 0;
  const racing = racingStore(store, async () => {
    races++;
    await run(store, { type: 'AssessCommitment', commitmentId, status: 'in_progress', rationale: 'slipped in' }, 'other');
  }, 5);
  const result = await executeLedgerCommand(racing, { type: 'WithdrawCommitment', commitmentId, reason: 'dropped' }, context('mine'), {
    unchangedSince: seen.position,
  });
  t.same(result.ok ? null : result.error.code, 'precondition_failed');
  t.equal(races, 1, 'one attempt: re-deciding would answer a question the caller did not ask');
  const types = (await collect(store.readStream(streamNames.commitment(commitmentId)))).map((event) => event.type);
  t.same(types, ['CommitmentRecorded', 'CommitmentAssessed']);
});
