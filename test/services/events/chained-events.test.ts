import fc from 'fast-check';
import t from 'tap';
import type { DomainEvent } from '../../../domain/events/catalog.ts';
import { eventMetadataSchema } from '../../../domain/events/metadata.ts';
import { nameBasedUuid } from '../../../domain/ids.ts';
import { canonicalJson } from '../../../domain/integrity/canonical-json.ts';
import { eventContentHash } from '../../../domain/integrity/event-hash.ts';
import { chainEvents, type CommandContext } from '../../../services/events/chained-events.ts';

// chainEvents writes the canonical metadata by hand and hashes in pieces; these specs hold it to the definitions
// the verifier and every earlier log rest on: the generic content hash, and the UUID of the newline-joined name.

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const context: fc.Arbitrary<CommandContext> = fc.record({
  actor: fc.record({ kind: fc.constantFrom('person', 'reader', 'matcher', 'system'), id: fc.string({ minLength: 1 }), version: fc.option(fc.string()) }),
  correlationId: fc.string(),
  causationId: fc.option(fc.string()),
  occurredAt: fc.string(),
  source: fc.option(fc.record({ sha256: hex64, span: fc.option(fc.tuple(fc.nat(), fc.nat())) })),
});
const events: fc.Arbitrary<DomainEvent[]> = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant('CommitmentWithdrawn' as const), data: fc.record({ commitmentId: fc.string(), reason: fc.string({ minLength: 1 }) }) }),
    fc.record({
      type: fc.constant('CommitmentAssessed' as const),
      data: fc.record({ commitmentId: fc.string(), status: fc.constantFrom('achieved' as const, 'not_achieved' as const), rationale: fc.string({ minLength: 1 }) }),
    }),
  ),
  { minLength: 1, maxLength: 4 },
);

t.test('chained ids and hashes are the ones their definitions give', async (t) => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), events, context, fc.option(hex64), (stream, decided, given, previousHash) => {
      const chained = chainEvents(stream, decided, given, previousHash);
      let previous = previousHash;
      chained.forEach(({ toAppend, metadata }, index) => {
        const event = decided[index]!;
        t.equal(metadata.previousHash, previous);
        t.same(toAppend.metadata, metadata);
        t.same(Object.keys(metadata), Object.keys(eventMetadataSchema.shape), 'metadata members in the schema order, as stored');
        t.same(metadata, eventMetadataSchema.parse(metadata));
        const hash = eventContentHash({ stream, type: toAppend.type, schemaVersion: toAppend.schemaVersion, data: toAppend.data, metadata, previousHash: previous });
        t.equal(metadata.hash, hash, 'the verifier recomputes the same hash');
        t.equal(toAppend.id, nameBasedUuid([stream, event.type, given.correlationId, String(index), canonicalJson(toAppend.data)].join('\n')));
        previous = hash;
      });
      return chained.length === decided.length;
    }),
    { numRuns: 150 },
  );
});

t.test('an invalid context is refused, as when each event was validated on its own', async (t) => {
  const good: CommandContext = { actor: { kind: 'reader', id: 'r', version: null }, correlationId: 'c', causationId: null, occurredAt: 'now', source: null };
  const decided: DomainEvent[] = [{ type: 'CommitmentWithdrawn', data: { commitmentId: 'c1', reason: 'dropped' } }];
  t.equal(chainEvents('commitment-c1', decided, good, null).length, 1);
  t.throws(() => chainEvents('commitment-c1', decided, { ...good, source: { sha256: 'not-a-digest', span: null } }, null));
  t.throws(() => chainEvents('commitment-c1', [{ type: 'CommitmentWithdrawn', data: { commitmentId: 'c1', reason: '' } }], good, null));
});
