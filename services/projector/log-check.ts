/**
 * Read models answer for one log. Pointed at another one that reaches as far as their checkpoint (an emptied and
 * re-filled data directory, an older backup, another EventStoreDB), a position-only checkpoint would resume
 * mid-way and serve the old log's rows as the new one's. Before following the log, the projector checks that the
 * log still holds the last event the read models applied, and rebuilds them from the beginning when it does not.
 */
import type { Logger } from '../logger.ts';
import type { EventStore } from '../store/event-store.ts';
import { logHoldsMark } from '../store/log-mark.ts';
import { checkpointReader } from '../read-models/checkpoint.ts';
import { resetReadModels, type ReadModelDb } from '../read-models/schema.ts';

/** Drops the read models when they were built from another log; returns whether it did. */
export async function resetReadModelsOfAnotherLog(store: EventStore, db: ReadModelDb, logger?: Logger): Promise<boolean> {
  const mark = checkpointReader(db)();
  if (mark === null || (await logHoldsMark(store, mark))) return false;
  logger?.warn(
    { checkpoint: mark.position, stream: mark.stream, revision: mark.revision },
    'read models were built from another log (their last event is not in this one): rebuilding them from the beginning',
  );
  resetReadModels(db);
  return true;
}
