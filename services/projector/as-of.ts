/**
 * As of: read models computed from the log up to a position or a recorded-at time, for auditors. The very same
 * projector code replays into an in-memory SQLite database; the live read models are not touched.
 */
import type { Logger } from '../logger.ts';
import type { EventStore, RecordedEvent } from '../store/event-store.ts';
import { parsePosition, type Position } from '../store/position.ts';
import { openReadModelDb, type ReadModelDb } from '../read-models/schema.ts';
import { createBatchApplier } from './batch-applier.ts';
import { catchUp, type StopAt } from './catch-up.ts';

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
