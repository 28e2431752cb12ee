import type { ExpectedRevision } from './event-store.ts';

/** The stream was not in the state the writer expected; carries both sides. */
export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** An append reused an event id at a different place or with a different body: not a retry. */
export class DuplicateEventId extends Error {
  override readonly name = 'DuplicateEventId';
  constructor(readonly stream: string, readonly eventId: string) {
    super(`stream ${stream}: event id ${eventId} is already recorded elsewhere`);
  }
}

/** The store was closed; no further reads or appends are served. */
export class StoreClosed extends Error {
  override readonly name = 'StoreClosed';
  constructor() {
    super('the event store is closed');
  }
}
