/**
 * The rules every store applies to an append, written once: expected-revision checks and idempotent retries.
 * A retry is recognised as EventStoreDB recognises it: the batch's ids already sit, in order, at the place the
 * writer's expected revision points to. Anything else that reuses an id is a DuplicateEventId, not a retry.
 */
import { DuplicateEventId, WrongExpectedVersion } from './errors.ts';
import type { EventToAppend, ExpectedRevision } from './event-store.ts';

/** Revision of a stream's last event, or -1 when the stream has no events. */
export type StreamRevision = number;

export interface ExistingEvent {
  revision: number;
  /** Same type, schema version and data as the event being appended. */
  sameBody: boolean;
}

export type AppendPlan =
  | { kind: 'append' }
  | { kind: 'retry'; lastRevision: number };

export function expectationHolds(expected: ExpectedRevision, current: StreamRevision): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === -1;
  if (expected === 'stream_exists') return current >= 0;
  return expected === current;
}

export function wrongExpectedVersion(stream: string, expected: ExpectedRevision, current: StreamRevision): WrongExpectedVersion {
  return new WrongExpectedVersion(stream, expected, current === -1 ? 'no_stream' : current);
}

export function assertValidAppend(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): void {
  if (stream.length === 0) throw new RangeError('stream name must not be empty');
  if (stream.startsWith('$')) throw new RangeError(`stream ${stream}: names starting with $ are reserved`);
  if (events.length === 0) throw new RangeError(`stream ${stream}: an append needs at least one event`);
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new RangeError(`stream ${stream}: expected revision ${expected} is not a revision`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    // EventStoreDB stores ids as UUIDs and hides $-types as system events: refuse both everywhere, so code that
    // runs on the embedded store runs unchanged on a cluster.
    if (!UUID.test(event.id)) throw new RangeError(`stream ${stream}: event id ${JSON.stringify(event.id)} is not a lower-case UUID`);
    if (event.type.length === 0 || event.type.startsWith('$')) throw new RangeError(`stream ${stream}: event type ${JSON.stringify(event.type)} is empty or reserved`);
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new RangeError(`stream ${stream}: event ${event.id} has schema version ${event.schemaVersion}; versions start at 1`);
    }
    if (seen.has(event.id)) throw new DuplicateEventId(stream, event.id);
    seen.add(event.id);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Decides what an append does. `existing` looks an id up in this stream; stores with a cheaper duplicate check
 * (a unique index) may call this only when the fast path fails.
 */
export function planAppend(
  stream: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  current: StreamRevision,
  existing: (event: EventToAppend) => ExistingEvent | undefined,
): AppendPlan {
  const found = events.map(existing);
  const first = found[0];
  if (first !== undefined && isRetryAt(found, expected)) {
    return { kind: 'retry', lastRevision: first.revision + events.length - 1 };
  }
  // A reused id that is not a clean retry is a writer bug (or a changed body): say so rather than "conflict".
  const reused = found.findIndex((hit) => hit !== undefined);
  if (reused !== -1) throw new DuplicateEventId(stream, events[reused]?.id ?? '');
  if (!expectationHolds(expected, current)) throw wrongExpectedVersion(stream, expected, current);
  return { kind: 'append' };
}

function isRetryAt(found: readonly (ExistingEvent | undefined)[], expected: ExpectedRevision): boolean {
  const start = found[0]?.revision;
  if (start === undefined) return false;
  const inPlace = found.every((hit, index) => hit !== undefined && hit.sameBody && hit.revision === start + index);
  if (!inPlace) return false;
  if (expected === 'no_stream') return start === 0;
  if (typeof expected === 'number') return start === expected + 1;
  return true;
}
