/**
 * The read side as a CLI command or a test uses it: the configured event store, the read-model file beside it,
 * and a catch-up of the matching process and the projector to the log's head before answering (both resume from
 * their checkpoints, so a command costs what was appended since the last one, not the whole log).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { Logger } from '../logger.ts';
import type { EventStore } from '../store/event-store.ts';
import { openEventStore } from '../store/open-store.ts';
import { openReadModelDb, READ_MODEL_FILE, type ReadModelDb } from '../read-models/schema.ts';
import { runMatchingCatchUp } from '../matching/matching-process.ts';
import { matchingStateFileFor } from '../matching/matching-state.ts';
import { createBatchApplier } from './batch-applier.ts';
import { catchUp } from './catch-up.ts';
import { resetReadModelsOfAnotherLog } from './log-check.ts';

export interface ReadSide {
  store: EventStore;
  db: ReadModelDb;
  /** The matching process's state file (matching-state.ts). */
  matchingStateFile: string;
  close(): Promise<void>;
}

export function readModelFileOf(dataDir: string): string {
  return path.join(dataDir, READ_MODEL_FILE);
}

export async function openReadSide(config: Config, logger: Logger): Promise<ReadSide> {
  const store = await openEventStore({
    store: config.store,
    dataDir: config.dataDir,
    eventstoreConnectionString: config.eventstoreConnectionString,
    logger,
  });
  let db: ReadModelDb;
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    db = openReadModelDb(readModelFileOf(config.dataDir));
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    db,
    matchingStateFile: matchingStateFileFor(config.store, config.dataDir),
    async close() {
      db.close();
      await store.close();
    },
  };
}

/** Proposes evidence for everything in the log, then projects the log up to its head. */
export async function catchUpReadSide(readSide: ReadSide, logger: Logger): Promise<void> {
  await runMatchingCatchUp(readSide.store, { logger, stateFile: readSide.matchingStateFile });
  await resetReadModelsOfAnotherLog(readSide.store, readSide.db, logger);
  await catchUp(readSide.store, createBatchApplier(readSide.db, { logger }));
}
