/**
 * The EventStoreDB / KurrentDB store through @eventstore/db-client 6.2.1 (the only file that imports it).
 * Revisions arrive as bigint and become numbers; log positions (commit, prepare) become our opaque Position;
 * the schema version rides in the event metadata as `$schemaVersion`, since the server has no field for it.
 * System events ($-prefixed types or streams) are never surfaced: they are not part of our log.
 */
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  Position as EsdbPosition,
  ReadPosition,
  ResolvedEvent,
  StreamingRead,
} from '@eventstore/db-client';
import type { Logger } from 'pino';
import { assertValidAppend } from './append-rules.ts';
import { StoreClosed, WrongExpectedVersion } from './errors.ts';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './event-store.ts';
import { comparePositions, positionOf, positionParts } from './position.ts';
import type { Position } from './position.ts';

export const SCHEMA_VERSION_KEY = '$schemaVersion';
const PAGE_SIZE = 500;

export interface EventStoreDbStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb+discover://…` or `kurrentdb://…`. */
  connectionString: string;
  logger?: Logger;
}

export function openEventStoreDbStore(options: EventStoreDbStoreOptions): EventStore {
  const client = EventStoreDBClient.connectionString(options.connectionString);
  return new EventStoreDbEventStore(client, options.logger);
}

type EsdbRecorded = NonNullable<ResolvedEvent['event']>;

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return BigInt(expected);
}

function toOurPosition(position: EsdbPosition): Position {
  return positionOf(position.commit, position.prepare);
}

function toEsdbPosition(position: Position): EsdbPosition {
  return positionParts(position);
}

function isSystem(event: EsdbRecorded): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function decodeJson(value: unknown): JsonObject {
  if (value instanceof Uint8Array) return JSON.parse(Buffer.from(value).toString('utf8')) as JsonObject;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  return {};
}

function toRecorded(event: EsdbRecorded, position: EsdbPosition): RecordedEvent {
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = decodeJson(event.metadata);
  return {
    id: event.id,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: decodeJson(event.data),
    metadata,
    stream: event.streamId,
    revision: Number(event.revision),
    position: toOurPosition(position),
    recordedAt: event.created.toISOString(),
  };
}

/** A user event with its log position, or undefined for system events and dangling links. */
function fromResolved(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined || isSystem(event)) return undefined;
  const position = event.position ?? (resolved.commitPosition === undefined ? undefined : { commit: resolved.commitPosition, prepare: resolved.commitPosition });
  if (position === undefined) throw new Error(`event ${event.id} of ${event.streamId} came without a log position (server older than 22.6?)`);
  return toRecorded(event, position);
}

class EventStoreDbEventStore implements EventStore {
  readonly #subscriptions = new Set<Subscription>();
  readonly #appendsInFlight = new Set<Promise<unknown>>();
  #closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly logger: Logger | undefined,
  ) {}

  async appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.#assertOpen();
    assertValidAppend(stream, events, options.expectedRevision);
    const append = this.#append(stream, events, options.expectedRevision);
    this.#appendsInFlight.add(append);
    try {
      return await append;
    } finally {
      this.#appendsInFlight.delete(append);
    }
  }

  async #append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const payload = events.map((event) =>
      jsonEvent({
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: event.schemaVersion },
      }),
    );
    try {
      const result = await this.client.appendToStream(stream, payload, { expectedRevision: toEsdbExpected(expected) });
      const nextExpectedRevision = Number(result.nextExpectedRevision);
      // An idempotent retry may come back without a position: look the event up instead.
      const position = result.position === undefined ? await this.#positionOf(stream, nextExpectedRevision) : toOurPosition(result.position);
      return { nextExpectedRevision, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
        throw new WrongExpectedVersion(stream, expected, actual);
      }
      throw error;
    }
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.#assertOpen();
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    yield* this.#drain(read, (resolved) => {
      const event = resolved.event;
      if (event === undefined) return undefined;
      return toRecorded(event, event.position ?? { commit: resolved.commitPosition ?? 0n, prepare: resolved.commitPosition ?? 0n });
    });
  }

  /** Pages through $all, skipping system events; `after` is exclusive, so the event at it is dropped. */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from: ReadPosition = options.after === undefined ? START : toEsdbPosition(options.after);
    let after = options.after;
    while (remaining > 0) {
      this.#assertOpen();
      let seen = 0;
      let last: EsdbPosition | undefined;
      const page = this.client.readAll({ fromPosition: from, maxCount: PAGE_SIZE, direction: FORWARDS });
      for await (const event of this.#drain(page, (resolved) => {
        seen += 1;
        if (resolved.event?.position !== undefined) last = resolved.event.position;
        return fromResolved(resolved);
      })) {
        if (after !== undefined && comparePositions(event.position, after) <= 0) continue;
        yield event;
        after = event.position;
        remaining -= 1;
        if (remaining === 0) return;
      }
      if (seen < PAGE_SIZE || last === undefined) return;
      from = last;
      after = toOurPosition(last);
    }
  }

  /**
   * Category reads run a subscription filtered server-side on the stream-name prefix `<category>-` (this client
   * version cannot filter reads), from `after` until the head the log had when the read began.
   */
  async *readCategory(category: string, options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.#assertOpen();
    const head = await this.headPosition();
    if (head === null || (options.after !== undefined && comparePositions(options.after, head) >= 0)) return;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const subscription = this.client.subscribeToAll({
      fromPosition: options.after === undefined ? START : toEsdbPosition(options.after),
      filter: streamNameFilter({
        prefixes: [`${category}-`],
        checkpointReached: async (reached, position) => {
          if (comparePositions(toOurPosition(position), head) >= 0) await reached.unsubscribe();
        },
      }),
    });
    subscription.once('caughtUp', () => void subscription.unsubscribe());
    try {
      for await (const resolved of subscription) {
        const event = fromResolved(resolved);
        if (event === undefined) continue;
        if (comparePositions(event.position, head) > 0) return;
        if (options.after !== undefined && comparePositions(event.position, options.after) <= 0) continue;
        yield event;
        remaining -= 1;
        if (remaining === 0 || comparePositions(event.position, head) === 0) return;
      }
    } finally {
      await subscription.unsubscribe();
    }
  }

  /** A live catch-up subscription; the client's stream applies back-pressure to the server when we read slowly. */
  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.#assertOpen();
    const after = options.after;
    const source = this.client.subscribeToAll({
      fromPosition: after === undefined ? START : toEsdbPosition(after),
      filter: excludeSystemEvents(),
    });
    const iterator = source[Symbol.asyncIterator]();
    let closed = false;
    const done = (): IteratorResult<RecordedEvent> => ({ done: true, value: undefined });
    const subscription: Subscription = {
      close: async () => {
        if (closed) return;
        closed = true;
        this.#subscriptions.delete(subscription);
        await source.unsubscribe();
      },
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<RecordedEvent>> => {
          while (!closed) {
            const step = await iterator.next();
            if (step.done === true || closed) break;
            const event = fromResolved(step.value);
            if (event === undefined || (after !== undefined && comparePositions(event.position, after) <= 0)) continue;
            return { done: false, value: event };
          }
          return done();
        },
        return: async () => {
          await subscription.close();
          return done();
        },
      }),
    };
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    this.#assertOpen();
    const newestFirst = this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: PAGE_SIZE });
    for await (const event of this.#drain(newestFirst, fromResolved)) return event.position;
    return null;
  }

  async ping(): Promise<void> {
    this.#assertOpen();
    for await (const event of this.#drain(this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }), fromResolved)) void event;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#appendsInFlight]);
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
    this.logger?.debug('EventStoreDB client disposed');
  }

  async #positionOf(stream: string, revision: number): Promise<Position> {
    for await (const event of this.readStream(stream, { fromRevision: revision, maxCount: 1 })) return event.position;
    throw new Error(`stream ${stream}: revision ${revision} was acknowledged but cannot be read`);
  }

  /**
   * Converts a server read, skipping what `convert` drops. A stream that does not exist reads as empty; a read
   * the consumer leaves early is cancelled so its gRPC call does not linger.
   */
  async *#drain<T extends ResolvedEvent | AllStreamResolvedEvent>(
    read: StreamingRead<T>,
    convert: (resolved: T) => RecordedEvent | undefined,
  ): AsyncIterable<RecordedEvent> {
    let finished = false;
    try {
      for await (const resolved of read) {
        const event = convert(resolved);
        if (event !== undefined) yield event;
      }
      finished = true;
    } catch (error) {
      finished = true;
      if (error instanceof StreamNotFoundError) return;
      throw error;
    } finally {
      if (!finished) await read.cancel();
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosed();
  }
}
