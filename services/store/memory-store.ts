/**
 * The in-memory event store for unit tests: the embedded store's semantics (revisions, idempotent retries,
 * JSON round trip, catch-up subscriptions) without a file.
 */
import { assertValidAppend, planAppend } from './append-rules.ts';
import { AppendSignal } from './append-signal.ts';
import { StoreClosed } from './errors.ts';
import { categoryOf } from './event-store.ts';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from './event-store.ts';
import { pagedSubscription } from './paged-subscription.ts';
import { positionOf, positionParts } from './position.ts';
import type { Position } from './position.ts';
import { hasSameBody, serialiseBody, toRecordedEvent } from './recorded-row.ts';
import type { StoredEvent } from './recorded-row.ts';

export interface MemoryStoreOptions {
  /** The recorded-at clock; defaults to the system clock. */
  clock?: () => Date;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): EventStore {
  return new MemoryEventStore(options.clock ?? (() => new Date()));
}

class MemoryEventStore implements EventStore {
  readonly #log: StoredEvent[] = [];
  readonly #streams = new Map<string, StoredEvent[]>();
  readonly #signal = new AppendSignal();
  readonly #subscriptions = new Set<Subscription>();
  #closed = false;

  constructor(private readonly clock: () => Date) {}

  async appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.#assertOpen();
    assertValidAppend(stream, events, options.expectedRevision);
    const result = this.#appendOne(stream, events, options.expectedRevision, this.clock().toISOString());
    this.#signal.notify();
    return result;
  }

  /** All or none: a refused part undoes the parts before it, as the embedded store's one transaction does. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.#assertOpen();
    for (const append of appends) assertValidAppend(append.stream, append.events, append.expectedRevision);
    const logLength = this.#log.length;
    const streamLengths = new Map(appends.map((append) => [append.stream, this.#streams.get(append.stream)?.length]));
    const recordedAt = this.clock().toISOString();
    try {
      const results = appends.map((append) => this.#appendOne(append.stream, append.events, append.expectedRevision, recordedAt));
      this.#signal.notify();
      return results;
    } catch (error) {
      this.#log.length = logLength;
      for (const [stream, length] of streamLengths) {
        if (length === undefined) this.#streams.delete(stream);
        else this.#streams.get(stream)?.splice(length);
      }
      throw error;
    }
  }

  #appendOne(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision, recordedAt: string): AppendResult {
    const streamEvents = this.#streams.get(stream) ?? [];
    const byId = new Map(streamEvents.map((stored) => [stored.id, stored]));
    const plan = planAppend(stream, events, expected, streamEvents.length - 1, (event) => {
      const stored = byId.get(event.id);
      return stored === undefined ? undefined : { revision: stored.revision, sameBody: hasSameBody(stored, event) };
    });
    if (plan.kind === 'retry') {
      const last = streamEvents[plan.lastRevision];
      if (last === undefined) throw new Error(`stream ${stream}: retried revision ${plan.lastRevision} is missing`);
      return { nextExpectedRevision: plan.lastRevision, position: last.position };
    }
    const appended = events.map((event, index): StoredEvent => ({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      ...serialiseBody(event),
      stream,
      revision: streamEvents.length + index,
      position: positionOf(BigInt(this.#log.length + index + 1)),
      recordedAt,
    }));
    streamEvents.push(...appended);
    this.#streams.set(stream, streamEvents);
    this.#log.push(...appended);
    const last = appended[appended.length - 1];
    if (last === undefined) throw new RangeError(`stream ${stream}: an append needs at least one event`);
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.#assertOpen();
    const events = this.#streams.get(stream) ?? [];
    const backwards = options.direction === 'backwards';
    let revision = options.fromRevision ?? (backwards ? events.length - 1 : 0);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const stored = events[revision];
      if (stored === undefined) return;
      yield toRecordedEvent(stored);
      remaining -= 1;
      revision += backwards ? -1 : 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    yield* this.#scan(options, () => true);
  }

  async *readCategory(category: string, options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    yield* this.#scan(options, (stored) => stored.stream !== category && categoryOf(stored.stream) === category);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.#assertOpen();
    const subscription = pagedSubscription(
      {
        readPage: async (after, maxCount) => {
          this.#assertOpen();
          const start = after === undefined ? 0 : Number(positionParts(after).commit);
          return this.#log.slice(start, start + maxCount).map(toRecordedEvent);
        },
        changeToken: () => this.#signal.generation,
        waitForChange: (seen, abort) => this.#signal.waitForChange(seen, abort),
      },
      options.after,
      (closed) => this.#subscriptions.delete(closed),
    );
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    this.#assertOpen();
    return this.#log[this.#log.length - 1]?.position ?? null;
  }

  async ping(): Promise<void> {
    this.#assertOpen();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()));
    this.#closed = true;
  }

  async *#scan(options: ReadAllOptions, include: (stored: StoredEvent) => boolean): AsyncIterable<RecordedEvent> {
    this.#assertOpen();
    let index = options.after === undefined ? 0 : Number(positionParts(options.after).commit);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const stored = this.#log[index];
      if (stored === undefined) return;
      index += 1;
      if (!include(stored)) continue;
      yield toRecordedEvent(stored);
      remaining -= 1;
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosed();
  }
}
