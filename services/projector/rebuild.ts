/**
 * Drops every read model and replays the whole log (up to its head when the rebuild starts) into them. Readers in
 * other processes see empty read models until the replay catches up; the projector of a running API resumes from
 * the new checkpoint by itself.
 */
import type { Logger } from '../logger.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Position } from '../store/position.ts';
import { resetReadModels, type ReadModelDb } from '../read-models/schema.ts';
import { createBatchApplier } from './batch-applier.ts';
import { catchUp } from './catch-up.ts';

/**
 * Events per transaction of a rebuild: nobody waits on its batches, and every batch reads and writes each
 * commitment it touches once, so larger batches mean fewer reads, writes and commits. On 200,000 events
 * (bench/rebuild.bench.ts) 20,000 took ~10% less CPU than 5,000, with a peak RSS near 500 MiB at any log size.
 */
export const REBUILD_BATCH_SIZE = 20_000;

export interface RebuildResult {
  events: number;
  position: Position | null;
  elapsedMs: number;
}

export async function rebuildReadModels(
  store: EventStore,
  db: ReadModelDb,
  options: { logger?: Logger; batchSize?: number; now?: () => number } = {},
): Promise<RebuildResult> {
  const now = options.now ?? performance.now.bind(performance);
  const started = now();
  resetReadModels(db);
  const applier = createBatchApplier(db, options.logger === undefined ? {} : { logger: options.logger });
  const { events, position } = await catchUp(store, applier, { batchSize: options.batchSize ?? REBUILD_BATCH_SIZE });
  return { events, position, elapsedMs: now() - started };
}
