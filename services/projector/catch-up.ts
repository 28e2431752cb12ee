/**
 * Brings read models up to a point of the log — its head when asked, or a past moment for as-of replays —
 * reading `$all` after the checkpoint in batches.
 */
import type { EventStore, RecordedEvent } from '../store/event-store.ts';
import type { Position } from '../store/position.ts';
import type { BatchApplier, BatchResult } from './batch-applier.ts';

/** Where a replay stops: after the event at a position, or after the last event recorded at or before a time. */
export type StopAt = { position: Position } | { time: Date };

export interface CatchUpOptions {
  /** Defaults to the head of the log when the catch-up starts. */
  stopAt?: StopAt;
  batchSize?: number;
  onBatch?: (result: BatchResult) => void;
}

export const DEFAULT_BATCH_SIZE = 1000;

export async function catchUp(store: EventStore, applier: BatchApplier, options: CatchUpOptions = {}): Promise<{ events: number; position: Position | null }> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const stopAt: StopAt | null = options.stopAt ?? (await headStop(store));
  let events = 0;
  if (stopAt === null) return { events, position: applier.checkpoint() };
  const isPast = pastStop(stopAt);
  for (;;) {
    const after = applier.checkpoint();
    const batch: RecordedEvent[] = [];
    let reachedStop = false;
    for await (const recorded of store.readAll({ ...(after === null ? {} : { after }), maxCount: batchSize })) {
      if (isPast(recorded)) {
        reachedStop = true;
        break;
      }
      batch.push(recorded);
    }
    const result = applier.apply(batch);
    if (result !== null) {
      events += batch.length;
      options.onBatch?.(result);
    }
    if (reachedStop || batch.length < batchSize) return { events, position: applier.checkpoint() };
  }
}

async function headStop(store: EventStore): Promise<StopAt | null> {
  const head = await store.headPosition();
  return head === null ? null : { position: head };
}

/** Whether an event lies beyond the stop (so it and, in log order, every later event are left out). */
export function pastStop(stopAt: StopAt): (event: RecordedEvent) => boolean {
  if ('position' in stopAt) return (event) => event.position > stopAt.position;
  const limit = stopAt.time.getTime();
  return (event) => Date.parse(event.recordedAt) > limit;
}
