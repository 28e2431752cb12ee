/**
 * The long-running projector: follows `$all` from the read models' checkpoint, applies events in batches and
 * tells listeners what changed (the API wakes long-polls and SSE streams with it).
 */
import type { Logger } from '../logger.ts';
import type { EventStore, RecordedEvent, Subscription } from '../store/event-store.ts';
import type { Position } from '../store/position.ts';
import type { ReadModelDb } from '../read-models/schema.ts';
import { createBatchApplier, type BatchResult } from './batch-applier.ts';
import { DEFAULT_BATCH_SIZE } from './catch-up.ts';
import { resetReadModelsOfAnotherLog } from './log-check.ts';

export type ChangeListener = (change: BatchResult) => void;

export interface Projector {
  /** Stops following the log; events already received are applied first. */
  stop(): Promise<void>;
  /** Resolves once every event in the log when it was called is in the read models. */
  caughtUp(): Promise<void>;
  /** Called after each committed batch; returns a function that removes the listener. */
  onChange(listener: ChangeListener): () => void;
}

export interface ProjectorOptions {
  store: EventStore;
  db: ReadModelDb;
  logger: Logger;
  batchSize?: number;
  /** Wait before re-subscribing after a failure. */
  retryDelayMs?: number;
}

export function startProjector(options: ProjectorOptions): Projector {
  const { store, logger } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const applier = createBatchApplier(options.db, { logger });
  const listeners = new Set<ChangeListener>();
  const waiters: Array<{ target: Position; resolve: () => void }> = [];
  let buffer: RecordedEvent[] = [];
  let flushScheduled = false;
  let subscription: Subscription | null = null;
  let stopped = false;

  const settleWaiters = (): void => {
    const reached = applier.checkpoint();
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (reached !== null && reached >= waiter.target) {
        waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  };

  let failure: unknown = null;

  const flush = (): void => {
    flushScheduled = false;
    if (buffer.length === 0 || failure !== null) return;
    const batch = buffer;
    buffer = [];
    let result: BatchResult | null;
    try {
      result = applier.apply(batch);
    } catch (error) {
      // Nothing of the batch was committed: end this subscription and resume from the checkpoint.
      failure = error;
      void subscription?.close();
      return;
    }
    if (result === null) return;
    if (result.undecodable > 0) logger.warn({ undecodable: result.undecodable }, 'read models: events passed over');
    settleWaiters();
    for (const listener of listeners) {
      try {
        listener(result);
      } catch (error) {
        logger.error({ err: error }, 'read models: a change listener failed');
      }
    }
  };

  // Once per projector, before the first subscription and before anyone is told the read models caught up.
  let logCheck: Promise<boolean> | null = null;
  const checkLog = (): Promise<boolean> =>
    (logCheck ??= resetReadModelsOfAnotherLog(store, options.db, logger).catch((error: unknown) => {
      logCheck = null;
      throw error;
    }));

  const follow = async (): Promise<void> => {
    while (!stopped) {
      try {
        await checkLog();
        const after = applier.checkpoint();
        subscription = store.subscribeToAll(after === null ? {} : { after });
        for await (const recorded of subscription) {
          buffer.push(recorded);
          if (buffer.length >= batchSize) flush();
          else if (!flushScheduled) {
            flushScheduled = true;
            // Runs once the subscription has nothing more at hand, so a burst lands in one transaction.
            setImmediate(flush);
          }
        }
        flush();
        if (failure === null) return;
        throw failure;
      } catch (error) {
        buffer = [];
        failure = null;
        if (stopped) return;
        logger.error({ err: error }, 'read models: projector failed; resuming from the checkpoint');
        await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
      }
    }
  };
  const running = follow();

  return {
    async stop() {
      stopped = true;
      await subscription?.close();
      await running;
      flush();
    },
    async caughtUp() {
      await checkLog();
      const head = await store.headPosition();
      if (head === null) return;
      await new Promise<void>((resolve) => {
        waiters.push({ target: head, resolve });
        settleWaiters();
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
