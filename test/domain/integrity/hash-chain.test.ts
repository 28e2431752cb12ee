import t from 'tap';
import { eventContentHash } from '../../../domain/integrity/event-hash.ts';
import { HashChainVerifier, type ChainedEvent } from '../../../domain/integrity/hash-chain.ts';

function chain(stream: string, datas: readonly Record<string, unknown>[]): ChainedEvent[] {
  let previousHash: string | null = null;
  return datas.map((data, revision) => {
    const unsigned = { stream, revision, type: 'CommitmentWithdrawn', schemaVersion: 1, data, metadata: { actor: 'a', previousHash } };
    const hash = eventContentHash({ ...unsigned, previousHash });
    previousHash = hash;
    return { ...unsigned, metadata: { ...unsigned.metadata, hash } };
  });
}

function firstBreak(events: readonly ChainedEvent[]) {
  const verifier = new HashChainVerifier();
  for (const event of events) {
    const broken = verifier.check(event);
    if (broken !== null) return broken;
  }
  return { verified: verifier.eventsVerified, streams: verifier.streamsVerified };
}

const a = chain('commitment-a', [{ n: 1 }, { n: 2 }, { n: 3 }]);
const b = chain('commitment-b', [{ n: 1 }]);
const interleaved = [a[0]!, b[0]!, a[1]!, a[2]!];

t.test('given intact chains interleaved in log order, then every event verifies', async (t) => {
  t.same(firstBreak(interleaved), { verified: 4, streams: 2 });
});

t.test('the hash covers the stream: the same event moved to another stream does not verify', async (t) => {
  t.equal(eventContentHash({ ...a[0]!, previousHash: null }) === eventContentHash({ ...a[0]!, stream: 'commitment-z', previousHash: null }), false);
});

t.test('given edited data, then the edited event is named with the expected and found hash', async (t) => {
  const edited = interleaved.map((event) => (event === a[1] ? { ...event, data: { n: 20 } } : event));
  const broken = firstBreak(edited);
  t.match(broken, { kind: 'content_hash_mismatch', stream: 'commitment-a', revision: 1, found: a[1]!.metadata['hash'] });
  t.not((broken as { expected: string }).expected, a[1]!.metadata['hash']);
});

t.test('given edited metadata (an actor rewritten), then the event no longer verifies', async (t) => {
  const edited = interleaved.map((event) => (event === a[2] ? { ...event, metadata: { ...event.metadata, actor: 'someone else' } } : event));
  t.match(firstBreak(edited), { kind: 'content_hash_mismatch', stream: 'commitment-a', revision: 2 });
});

t.test('given an edited event re-signed, then the next event’s link breaks', async (t) => {
  const forged = { ...a[1]!, data: { n: 20 } };
  const resigned = { ...forged, metadata: { ...forged.metadata, hash: eventContentHash({ ...forged, previousHash: a[0]!.metadata['hash'] as string }) } };
  t.match(firstBreak([a[0]!, resigned, a[2]!]), { kind: 'previous_hash_mismatch', stream: 'commitment-a', revision: 2, found: a[1]!.metadata['hash'] });
});

t.test('given a deleted event, then the gap is named', async (t) => {
  t.match(firstBreak([a[0]!, a[2]!]), { kind: 'revision_gap', stream: 'commitment-a', revision: 2, expected: '1' });
});
