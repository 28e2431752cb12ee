import t from 'tap';
import { streamNames } from '../../../domain/ids.ts';
import { executeLedgerCommand } from '../../../services/commands/execute-ledger-command.ts';
import { describeChainBreak, verifyLog } from '../../../services/integrity/verify-log.ts';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import { commitmentId, recordCommitment } from '../../domain/deciders/commitment-fixtures.ts';
import { collect } from '../events/collect.ts';

const context = {
  actor: { kind: 'person', id: 'clerk-1', version: null },
  correlationId: 'verify-test',
  causationId: null,
  occurredAt: '2026-03-01T00:00:00.000Z',
  source: null,
} as const;

t.test('a log written through the command handler verifies; an event appended around it does not', async (t) => {
  const store = createMemoryStore();
  t.same(await verifyLog(store), { ok: true, events: 0, streams: 0 }, 'an empty log verifies');
  t.ok((await executeLedgerCommand(store, recordCommitment, context)).ok);
  t.ok((await executeLedgerCommand(store, { type: 'WithdrawCommitment', commitmentId, reason: 'dropped' }, context)).ok);
  t.same(await verifyLog(store), { ok: true, events: 2, streams: 1 });

  // A writer that bypasses the handler (and so the chain) appends a plausible-looking event.
  const stream = streamNames.commitment(commitmentId);
  const [, last] = await collect(store.readStream(stream));
  await store.appendToStream(
    stream,
    [{ id: '00000000-0000-5000-8000-0000000000aa', type: 'CommitmentAssessed', schemaVersion: 1, data: { commitmentId, status: 'achieved', rationale: 'trust me' }, metadata: { ...last!.metadata } }],
    { expectedRevision: 1 },
  );
  const result = await verifyLog(store);
  t.match(result, { ok: false, eventsVerified: 2, broken: { kind: 'previous_hash_mismatch', stream, revision: 2 } });
  if (!result.ok) {
    t.equal(
      describeChainBreak(result.broken),
      `broken link in stream ${stream} at revision 2: the event does not link to the hash of the event before it; expected ${String(last!.metadata['hash'])}, found ${String(last!.metadata['previousHash'])}`,
    );
  }
});
