/**
 * Opens the configured event store. Each implementation is loaded only when chosen, so a process on the
 * embedded store never loads the EventStoreDB client (and the reverse).
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { EventStore } from './event-store.ts';

export type StoreKind = 'sqlite' | 'eventstoredb' | 'memory';

export interface OpenEventStoreOptions {
  store: StoreKind;
  /** Folder of the embedded store's file (`events.sqlite`); used when store is 'sqlite'. */
  dataDir: string;
  /** `esdb://…` or `kurrentdb://…`; required when store is 'eventstoredb'. */
  eventstoreConnectionString?: string | null;
  logger?: Logger;
  /** The recorded-at clock of the embedded and in-memory stores (EventStoreDB stamps its own). */
  clock?: () => Date;
}

export async function openEventStore(options: OpenEventStoreOptions): Promise<EventStore> {
  switch (options.store) {
    case 'memory': {
      const { createMemoryStore } = await import('./memory-store.ts');
      return createMemoryStore(options.clock === undefined ? {} : { clock: options.clock });
    }
    case 'sqlite': {
      const { openSqliteStore, SQLITE_FILE_NAME } = await import('./sqlite-store.ts');
      return openSqliteStore({
        file: path.join(options.dataDir, SQLITE_FILE_NAME),
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        ...(options.logger === undefined ? {} : { logger: options.logger }),
      });
    }
    case 'eventstoredb': {
      const connectionString = options.eventstoreConnectionString;
      if (connectionString === undefined || connectionString === null || connectionString === '') {
        throw new Error('the eventstoredb store needs a connection string (EVENTSTORE_CONNECTION_STRING)');
      }
      const { openEventStoreDbStore } = await import('./eventstoredb-store.ts');
      return openEventStoreDbStore({
        connectionString,
        ...(options.logger === undefined ? {} : { logger: options.logger }),
      });
    }
  }
}
