/**
 * Wires the running service: store, read models and their projector, the matching process, the sample data and
 * the API. Kept apart from main.ts so tests can start and stop a whole service in-process on a temporary directory.
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { ingestSeedReports } from '../seeds/load-seeds.ts';
import { buildApp } from './api/build-app.ts';
import type { Config } from './config/config.ts';
import type { Logger } from './logger.ts';
import { startMatchingProcess } from './matching/matching-process.ts';
import { matchingStateFileFor } from './matching/matching-state.ts';
import { readModelFileOf } from './projector/read-side.ts';
import { startProjector } from './projector/start-projector.ts';
import { openReadModelDb } from './read-models/schema.ts';
import type { EventStore } from './store/event-store.ts';
import { openEventStore } from './store/open-store.ts';

export interface Runtime {
  app: FastifyInstance;
  store: EventStore;
  /** The address the API listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /** Ingest seeds/ at start (harmless on repeat). On for `npm start`. */
  seed?: boolean;
  clock?: () => Date;
  /** How long start-up waits for matching and the projector to reach the log's head before listening anyway. */
  catchUpWaitMs?: number;
}

export async function startRuntime(config: Config, logger: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const clock = options.clock ?? (() => new Date());
  fs.mkdirSync(config.dataDir, { recursive: true });
  const store = await openEventStore({
    store: config.store,
    dataDir: config.dataDir,
    eventstoreConnectionString: config.eventstoreConnectionString,
    logger,
  });
  const readModels = openReadModelDb(readModelFileOf(config.dataDir));
  const projector = startProjector({ store, db: readModels, logger });
  const matching = startMatchingProcess(store, { clock, logger, stateFile: matchingStateFileFor(config.store, config.dataDir) });
  if (options.seed ?? true) await ingestSeedReports(store, { logger, clock });
  // Answer the first request from complete read models (matching proposes links for the seeds, then the projector
  // applies them) — but never keep a large existing log from being served while it is replayed.
  const caughtUp = (async () => {
    await matching.caughtUp();
    await projector.caughtUp();
    return true;
  })().catch((error: unknown) => {
    logger.error({ err: error }, 'catching up with the log failed');
    return false;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), options.catchUpWaitMs ?? 10_000);
  });
  const inTime = await Promise.race([caughtUp, timeout]);
  clearTimeout(timer);
  if (!inTime) logger.warn('listening before the read models have caught up with the log; they keep catching up');

  const app = await buildApp({ store, logger, api: config.api, readModels, projector, clock });
  const url = await app.listen({ port: config.port, host: config.host });
  logger.info({ url, store: config.store, dataDir: config.dataDir }, 'plan-ledger listening');
  return {
    app,
    store,
    url,
    async stop() {
      // fastify's close waits for in-flight requests, and so for the appends they started.
      await app.close();
      await matching.stop();
      await projector.stop();
      await store.close();
      readModels.close();
    },
  };
}
