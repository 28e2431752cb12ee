/**
 * The event-store contract. Every store (in-memory, embedded SQLite, EventStoreDB) implements it and
 * passes the same contract suite in test/services/store/contract.ts.
 */
import type { Position } from './position.ts';

export type JsonObject = { [key: string]: unknown };

/** What the writer expects the stream to be before its append. A number is the exact revision of the stream's last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface EventToAppend {
  /** A UUID; the same id at the same revision of the same stream makes a retried append a no-op. */
  id: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: JsonObject;
}

export interface RecordedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: JsonObject;
  stream: string;
  /** 0-based index of the event inside its stream. */
  revision: number;
  /** Place in the one global order ($all). */
  position: Position;
  /** ISO-8601 UTC time the store recorded the event. */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append (pass it as the next expected revision). */
  nextExpectedRevision: number;
  /** Position of the last event appended (or of the existing one for an idempotent retry). */
  position: Position;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  stream: string;
  events: readonly EventToAppend[];
  expectedRevision: ExpectedRevision;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the first event (forwards) or the last one (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Defaults to the beginning of the log. */
  after?: Position;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive: deliver events strictly after this position; catch up, then stay live. */
  after?: Position;
}

/** A catch-up subscription: iterate it with `for await`; `close()` ends the iteration cleanly. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  /** Appends atomically. Throws WrongExpectedVersion when the stream is not as expected. */
  appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Optional: appends to several streams in ONE atomic transaction (all or none), with each stream's expected
   * revision checked and retries recognised exactly as appendToStream does; results in the order given. Stores
   * that cannot (EventStoreDB has no multi-stream transaction) leave it out and callers append stream by stream.
   */
  appendToStreams?(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Events of one stream in order; a stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** The whole log in its one global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Events of every stream named `<category>-<id>`, in global order. */
  readCategory(category: string, options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the last event in the log, or null when the log is empty. */
  headPosition(): Promise<Position | null>;
  /** Resolves when the store answers; used by GET /ready. */
  ping(): Promise<void>;
  /** Waits for in-flight appends, then releases the store. */
  close(): Promise<void>;
}

/** The category of a stream named `<category>-<id>`. */
export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}
