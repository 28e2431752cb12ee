/**
 * As of: read models computed from the log up to a position or a recorded-at time, for auditors. The very same
 * projector code replays into an in-memory SQLite database; the live read models are not touched.
 */
import type { Logger } from '../logger.ts';
import type { EventStore, RecordedEvent } from '../store/event-store.ts';
import { parsePosition, type Position } from '../store/position.ts';
import { organisationStreams } from '../read-models/organisation-streams.ts';
import { openReadModelDb, type ReadModelDb } from '../read-models/schema.ts';
import { PROJECTOR_CHECKPOINT } from '../read-models/row-writer.ts';
import { createBatchApplier } from './batch-applier.ts';
import { catchUp, pastStop, type StopAt } from './catch-up.ts';

export class InvalidAsOf extends Error {
  override readonly name = 'InvalidAsOf';
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** `--as-of` / `?asOf=`: a global position as the log prints it, or an ISO-8601 time (a bare date is UTC midnight). */
export function parseAsOf(token: string): StopAt {
  const position = parsePosition(token);
  if (position !== null) return { position };
  if (ISO_TIME.test(token)) {
    const time = new Date(token);
    if (!Number.isNaN(time.getTime())) return { time };
  }
  throw new InvalidAsOf(`as-of ${JSON.stringify(token)} is neither a log position nor an ISO-8601 time with a zone`);
}

export interface AsOfReadModels {
  db: ReadModelDb;
  /** Position of the last event included; null when the log had nothing by then. */
  position: Position | null;
  events: number;
  close(): void;
}

/**
 * Replays the log up to `stopAt` into a fresh in-memory database. With `organisation`, only the events about that
 * organisation are projected: its rows come out the same as in a full replay, sooner.
 */
export async function readModelsAsOf(
  store: EventStore,
  stopAt: StopAt,
  options: { organisation?: string; logger?: Logger; batchSize?: number } = {},
): Promise<AsOfReadModels> {
  const db = openReadModelDb(':memory:');
  const applier = createBatchApplier(db, {
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.organisation === undefined ? {} : { include: concerning(options.organisation) }),
  });
  const { events, position } = await catchUp(store, applier, {
    stopAt,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  return { db, position, events, close: () => db.close() };
}

/**
 * As of, for one organisation, answered from its own streams when the live read models can name them: they can
 * when they have caught up with the log (a stream that existed at the moment asked for exists now, and the live
 * read models list it). The replay then reads the organisation's events only — milliseconds instead of the whole
 * log up to that moment — and yields the same rows for the organisation. Otherwise the log is replayed.
 *
 * A time is cut at the first of the organisation's events recorded after it, where the full replay cuts at the
 * first event of the whole log recorded after it: the same events whenever recorded times do not go backwards
 * along the log, as the store's clock keeps them.
 */
export async function readModelsAsOfOrganisation(
  store: EventStore,
  live: ReadModelDb,
  stopAt: StopAt,
  organisation: string,
  options: { logger?: Logger } = {},
): Promise<AsOfReadModels & { replayed: 'streams' | 'log' }> {
  const liveCheckpoint = live.prepare(`SELECT position FROM checkpoint WHERE name = ?`).pluck().get(PROJECTOR_CHECKPOINT) as string | undefined;
  const head = await store.headPosition();
  if (head === null || liveCheckpoint !== head) {
    return { ...(await readModelsAsOf(store, stopAt, { ...options, organisation })), replayed: 'log' };
  }
  const isPast = pastStop(stopAt);
  const events: RecordedEvent[] = [];
  for (const stream of organisationStreams(live, organisation)) {
    for await (const recorded of store.readStream(stream)) {
      if ('position' in stopAt && isPast(recorded)) break;
      events.push(recorded);
    }
  }
  events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const cut = 'time' in stopAt ? events.findIndex(isPast) : -1;
  const included = cut === -1 ? events : events.slice(0, cut);
  const db = openReadModelDb(':memory:');
  const applier = createBatchApplier(db, {
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    include: concerning(organisation),
  });
  applier.apply(included);
  return { db, position: applier.checkpoint(), events: included.length, close: () => db.close(), replayed: 'streams' };
}

/**
 * Whether an event is about one organisation. Every ledger event names its organisation or its commitment, and a
 * commitment's first event (CommitmentRecorded) names the organisation, so following commitment ids is enough.
 */
function concerning(organisation: string): (event: RecordedEvent) => boolean {
  const commitments = new Set<string>();
  return (event) => {
    const data = event.data as { organisation?: unknown; commitmentId?: unknown };
    const named =
      typeof data.organisation === 'string'
        ? data.organisation
        : typeof data.organisation === 'object' && data.organisation !== null
          ? (data.organisation as { name?: unknown }).name
          : undefined;
    const commitmentId = typeof data.commitmentId === 'string' ? data.commitmentId : null;
    if (named === organisation) {
      if (commitmentId !== null) commitments.add(commitmentId);
      return true;
    }
    return named === undefined && commitmentId !== null && commitments.has(commitmentId);
  };
}
