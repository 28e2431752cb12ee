/** The read models' checkpoint as the projector wrote it (row-writer.ts `writeCheckpoint`). */
import { logMarkOfStored, type LogMark, type StoredLogMark } from '../store/log-mark.ts';
import { PROJECTOR_CHECKPOINT } from './row-writer.ts';
import type { ReadModelDb } from './schema.ts';

/** Reads the checkpoint of `db`: the last event applied, or null for read models that have applied nothing. */
export function checkpointReader(db: ReadModelDb): () => LogMark | null {
  const read = db.prepare(`SELECT position, stream, revision, event_id AS eventId FROM checkpoint WHERE name = ?`);
  return () => {
    const stored = read.get(PROJECTOR_CHECKPOINT) as StoredLogMark | undefined;
    return stored === undefined ? null : logMarkOfStored(stored, 'read-model');
  };
}
