/**
 * Wires the running service: store, sample data, the API. Kept apart from main.ts so tests can start and stop
 * a whole service in-process on a temporary data directory.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './api/build-app.ts';
import type { Config } from './config/config.ts';
import type { Logger } from './logger.ts';
import type { EventStore } from './store/event-store.ts';
import { openEventStore } from './store/open-store.ts';

export interface Runtime {
  app: FastifyInstance;
  store: EventStore;
  /** The address the API listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  stop(): Promise<void>;
}

export async function startRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const store = await openEventStore({
    store: config.store,
    dataDir: config.dataDir,
    eventstoreConnectionString: config.eventstoreConnectionString,
    logger,
  });
  const app = await buildApp({ store, logger });
  const url = await app.listen({ port: config.port, host: config.host });
  logger.info({ url, store: config.store, dataDir: config.dataDir }, 'plan-ledger listening');
  return {
    app,
    store,
    url,
    async stop() {
      // fastify's close waits for in-flight requests, and so for the appends they started.
      await app.close();
      await store.close();
    },
  };
}
