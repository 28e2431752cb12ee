/**
 * The embedded event store: one SQLite file through better-sqlite3. Each append is one `BEGIN IMMEDIATE`
 * transaction, so it is all-or-nothing and serialised with appends from other processes sharing the file;
 * global positions are the table's integer key, assigned in commit order. Subscriptions wake at once on this
 * process's appends and poll the log tail (one indexed probe) to see other processes' appends.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { assertValidAppend, expectationHolds, planAppend } from './append-rules.ts';
import type { AppendPlan } from './append-rules.ts';
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
import { positionOfSequence, positionParts } from './position.ts';
import type { Position } from './position.ts';
import { hasSameBody, serialiseBody, recordedEvent } from './recorded-row.ts';
import { applyPragmas, migrate } from './sqlite-schema.ts';

export const SQLITE_FILE_NAME = 'events.sqlite';

export interface SqliteStoreOptions {
  /** Path of the database file; created with its folder when missing. */
  file: string;
  /** The recorded-at clock; defaults to the system clock. */
  clock?: () => Date;
  /** How often an idle subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  /** How long an append waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Rows fetched per query when reading a stream, the log or a category. */
  readPageSize?: number;
  logger?: Logger;
}

export function openSqliteStore(options: SqliteStoreOptions): EventStore {
  fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const db = new Database(options.file);
  try {
    applyPragmas(db, options.busyTimeoutMs ?? 5000);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  options.logger?.debug({ file: options.file }, 'embedded event store opened');
  return new SqliteEventStore(db, options);
}

/** Rows come back as arrays (`raw` statements): cheaper than one keyed object per row on long log reads. */
type EventRow = [
  globalPosition: number,
  stream: string,
  revision: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

const COLUMNS = 'global_position, stream, revision, event_id, type, schema_version, data, metadata, recorded_at';

/**
 * Raised inside the fast-path transaction to roll it back when a unique index caught what the fast path assumed
 * away: a reused id, or (for `no_stream`) a stream that exists after all. The checked path then decides.
 */
class FastPathRefused extends Error {}

function toPosition(globalPosition: number): Position {
  return positionOfSequence(globalPosition);
}

function afterSequence(after: Position | undefined): number {
  return after === undefined ? 0 : Number(positionParts(after).commit);
}

function fromRow(row: EventRow): RecordedEvent {
  const [globalPosition, stream, revision, eventId, type, schemaVersion, data, metadata, recordedAt] = row;
  return recordedEvent(eventId, type, schemaVersion, data, metadata, stream, revision, toPosition(globalPosition), recordedAt);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT');
}

class SqliteEventStore implements EventStore {
  readonly #db: Database.Database;
  readonly #clock: () => Date;
  readonly #pollIntervalMs: number;
  readonly #pageSize: number;
  readonly #logger: Logger | undefined;
  readonly #signal = new AppendSignal();
  readonly #subscriptions = new Set<Subscription>();
  #closed = false;

  readonly #lastRevision: Database.Statement<[string], number>;
  readonly #insert: Database.Statement<[number | null, string, number, string | null, string, string, number, string, string, string]>;
  readonly #byStreamAndId: Database.Statement<[string, string], { revision: number; type: string; schema_version: number; data: string }>;
  readonly #positionAt: Database.Statement<[string, number], number>;
  readonly #streamForwards: Database.Statement<[string, number, number], EventRow>;
  readonly #streamBackwards: Database.Statement<[string, number, number], EventRow>;
  readonly #allAfter: Database.Statement<[number, number], EventRow>;
  readonly #categoryAfter: Database.Statement<[string, number, number], EventRow>;
  readonly #head: Database.Statement<[], number | null>;
  readonly #fastAppend: Database.Transaction<(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision) => AppendResult>;
  readonly #checkedAppend: Database.Transaction<(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision) => AppendResult>;
  readonly #multiStreamAppend: Database.Transaction<(appends: readonly StreamAppend[], lookUpIds: boolean) => AppendResult[]>;

  constructor(db: Database.Database, options: SqliteStoreOptions) {
    this.#db = db;
    this.#clock = options.clock ?? (() => new Date());
    this.#pollIntervalMs = options.pollIntervalMs ?? 100;
    this.#pageSize = options.readPageSize ?? 1000;
    this.#logger = options.logger;
    this.#lastRevision = db.prepare<[string], number>('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1').pluck();
    this.#insert = db.prepare(
      'INSERT INTO events (global_position, stream, revision, category, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#byStreamAndId = db.prepare('SELECT revision, type, schema_version, data FROM events WHERE stream = ? AND event_id = ?');
    this.#positionAt = db.prepare<[string, number], number>('SELECT global_position FROM events WHERE stream = ? AND revision = ?').pluck();
    this.#streamForwards = db.prepare<[string, number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`).raw(true);
    this.#streamBackwards = db.prepare<[string, number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`).raw(true);
    this.#allAfter = db.prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`).raw(true);
    this.#categoryAfter = db
      .prepare<[string, number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE category = ? AND global_position > ? ORDER BY global_position LIMIT ?`)
      .raw(true);
    this.#head = db.prepare<[], number | null>('SELECT MAX(global_position) FROM events').pluck();
    this.#fastAppend = db.transaction((stream, events, expected) => this.#appendAssumingFreshIds(stream, events, expected));
    this.#checkedAppend = db.transaction((stream, events, expected) => this.#appendWithIdLookups(stream, events, expected));
    this.#multiStreamAppend = db.transaction((appends, lookUpIds) =>
      appends.map((append) =>
        lookUpIds
          ? this.#appendWithIdLookups(append.stream, append.events, append.expectedRevision)
          : this.#appendAssumingFreshIds(append.stream, append.events, append.expectedRevision),
      ),
    );
  }

  async appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.#assertOpen();
    assertValidAppend(stream, events, options.expectedRevision);
    let result: AppendResult;
    try {
      result = this.#fastAppend.immediate(stream, events, options.expectedRevision);
    } catch (error) {
      if (!(error instanceof FastPathRefused)) throw error;
      result = this.#checkedAppend.immediate(stream, events, options.expectedRevision);
    }
    this.#signal.notify();
    return result;
  }

  /** One transaction, one commit for the lot: the embedded store's way to write many small streams fast. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.#assertOpen();
    for (const append of appends) assertValidAppend(append.stream, append.events, append.expectedRevision);
    let results: AppendResult[];
    try {
      results = this.#multiStreamAppend.immediate(appends, false);
    } catch (error) {
      if (!(error instanceof FastPathRefused)) throw error;
      results = this.#multiStreamAppend.immediate(appends, true);
    }
    this.#signal.notify();
    return results;
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let next = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0 && next >= 0) {
      this.#assertOpen();
      const limit = Math.min(this.#pageSize, remaining);
      const rows = (backwards ? this.#streamBackwards : this.#streamForwards).all(stream, next, limit);
      for (const row of rows) yield fromRow(row);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < limit) return;
      remaining -= rows.length;
      next = backwards ? last[2] - 1 : last[2] + 1;
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.#pages(options, (after, limit) => this.#allAfter.all(after, limit));
  }

  readCategory(category: string, options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.#pages(options, (after, limit) => this.#categoryAfter.all(category, after, limit));
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.#assertOpen();
    const subscription = pagedSubscription(
      {
        readPage: async (after, maxCount) => {
          this.#assertOpen();
          return this.#allAfter.all(afterSequence(after), maxCount).map(fromRow);
        },
        changeToken: () => this.#signal.generation,
        waitForChange: (seen, abort) => this.#signal.waitForChange(seen, abort, this.#pollIntervalMs),
      },
      options.after,
      (closed) => this.#subscriptions.delete(closed),
    );
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    this.#assertOpen();
    const head = this.#head.get();
    return head === null || head === undefined ? null : toPosition(head);
  }

  async ping(): Promise<void> {
    this.#assertOpen();
    this.#head.get();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()));
    this.#closed = true;
    this.#db.close();
    this.#logger?.debug('embedded event store closed');
  }

  async *#pages(options: ReadAllOptions, page: (after: number, limit: number) => EventRow[]): AsyncIterable<RecordedEvent> {
    let after = afterSequence(options.after);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      this.#assertOpen();
      const limit = Math.min(this.#pageSize, remaining);
      const rows = page(after, limit);
      for (const row of rows) yield fromRow(row);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < limit) return;
      remaining -= rows.length;
      after = last[0];
    }
  }

  /**
   * The common case: the expectation holds and the ids are new; the unique indexes prove both. A `no_stream` append
   * (ingestion writes dozens of new streams per document) skips the revision lookup: were the stream there, its
   * revision 0 would collide with the one inserted here.
   */
  #appendAssumingFreshIds(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    const current = expected === 'no_stream' ? -1 : (this.#lastRevision.get(stream) ?? -1);
    if (!expectationHolds(expected, current)) return this.#appendWithIdLookups(stream, events, expected);
    try {
      return this.#insertAll(stream, events, current);
    } catch (error) {
      if (isUniqueViolation(error)) throw new FastPathRefused();
      throw error;
    }
  }

  #appendWithIdLookups(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    const current = this.#lastRevision.get(stream) ?? -1;
    const plan: AppendPlan = planAppend(stream, events, expected, current, (event) => {
      const stored = this.#byStreamAndId.get(stream, event.id);
      return stored === undefined
        ? undefined
        : { revision: stored.revision, sameBody: hasSameBody({ type: stored.type, schemaVersion: stored.schema_version, dataJson: stored.data }, event) };
    });
    if (plan.kind === 'retry') {
      const position = this.#positionAt.get(stream, plan.lastRevision);
      if (position === undefined) throw new Error(`stream ${stream}: retried revision ${plan.lastRevision} is missing`);
      return { nextExpectedRevision: plan.lastRevision, position: toPosition(position) };
    }
    return this.#insertAll(stream, events, current);
  }

  #insertAll(stream: string, events: readonly EventToAppend[], current: number): AppendResult {
    const recordedAt = this.#clock().toISOString();
    const category = stream.includes('-') ? categoryOf(stream) : null;
    let revision = current;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const { dataJson, metadataJson } = serialiseBody(event);
      const info = this.#insert.run(null, stream, revision, category, event.id, event.type, event.schemaVersion, dataJson, metadataJson, recordedAt);
      position = Number(info.lastInsertRowid);
    }
    return { nextExpectedRevision: revision, position: toPosition(position) };
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosed();
  }
}
