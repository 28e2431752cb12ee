/**
 * Checks the hash chains of a log, one event at a time in log order, so a verifier can stream any number of
 * events with memory proportional to the number of streams only.
 */
import { eventContentHash } from './event-hash.ts';

export interface ChainedEvent {
  stream: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Readonly<Record<string, unknown>>;
}

export type ChainBreakKind = 'previous_hash_mismatch' | 'content_hash_mismatch' | 'revision_gap';

export interface ChainBreak {
  kind: ChainBreakKind;
  stream: string;
  revision: number;
  /** What the chain says this value must be (for a revision gap: the revision that should have come next). */
  expected: string;
  found: string;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Accumulates verified stream heads; `check` returns the break, or null when the event extends its chain. */
export class HashChainVerifier {
  readonly #heads = new Map<string, { hash: string; revision: number }>();
  #events = 0;

  get eventsVerified(): number {
    return this.#events;
  }

  get streamsVerified(): number {
    return this.#heads.size;
  }

  check(event: ChainedEvent): ChainBreak | null {
    const head = this.#heads.get(event.stream);
    const expectedRevision = head === undefined ? 0 : head.revision + 1;
    const at = { stream: event.stream, revision: event.revision };
    if (event.revision !== expectedRevision) {
      return { kind: 'revision_gap', ...at, expected: String(expectedRevision), found: String(event.revision) };
    }
    const expectedPrevious = head?.hash ?? null;
    const foundPrevious = stringOrNull(event.metadata['previousHash']);
    if (foundPrevious !== expectedPrevious) {
      return { kind: 'previous_hash_mismatch', ...at, expected: expectedPrevious ?? 'null', found: foundPrevious ?? 'null' };
    }
    const recomputed = eventContentHash({ ...event, previousHash: expectedPrevious });
    const foundHash = stringOrNull(event.metadata['hash']);
    if (foundHash !== recomputed) {
      return { kind: 'content_hash_mismatch', ...at, expected: recomputed, found: foundHash ?? 'null' };
    }
    this.#heads.set(event.stream, { hash: recomputed, revision: event.revision });
    this.#events += 1;
    return null;
  }
}
