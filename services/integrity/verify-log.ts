/** Walks the whole log in order and checks every stream's hash chain; stops at the first broken link. */
import { HashChainVerifier, type ChainBreak } from '../../domain/integrity/hash-chain.ts';
import type { EventStore } from '../store/event-store.ts';

export type VerifyResult = { ok: true; events: number; streams: number } | { ok: false; broken: ChainBreak; eventsVerified: number };

export async function verifyLog(store: EventStore): Promise<VerifyResult> {
  const verifier = new HashChainVerifier();
  for await (const event of store.readAll()) {
    const broken = verifier.check(event);
    if (broken !== null) return { ok: false, broken, eventsVerified: verifier.eventsVerified };
  }
  return { ok: true, events: verifier.eventsVerified, streams: verifier.streamsVerified };
}

const breakDescriptions: Record<ChainBreak['kind'], string> = {
  content_hash_mismatch: 'the event does not hash to the hash it carries (its content was changed)',
  previous_hash_mismatch: 'the event does not link to the hash of the event before it',
  revision_gap: 'the stream skips a revision',
};

export function describeChainBreak(broken: ChainBreak): string {
  return `broken link in stream ${broken.stream} at revision ${broken.revision}: ${breakDescriptions[broken.kind]}; expected ${broken.expected}, found ${broken.found}`;
}
