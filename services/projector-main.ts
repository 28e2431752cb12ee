/**
 * `npm run projector`: the projector alone, feeding this machine's read models from the configured store
 * (e.g. one EventStoreDB shared by several API replicas, each with its own read models).
 */
import fs from 'node:fs';
import { loadConfigOrExit } from './config/config.ts';
import { createLogger } from './logger.ts';
import { openEventStore } from './store/open-store.ts';
import { openReadModelDb } from './read-models/schema.ts';
import { readModelFileOf } from './projector/read-side.ts';
import { startProjector } from './projector/start-projector.ts';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel, 'plan-ledger-projector');
const store = await openEventStore({
  store: config.store,
  dataDir: config.dataDir,
  eventstoreConnectionString: config.eventstoreConnectionString,
  logger,
});
fs.mkdirSync(config.dataDir, { recursive: true });
const file = readModelFileOf(config.dataDir);
const db = openReadModelDb(file);
const projector = startProjector({ store, db, logger });
projector.onChange((change) =>
  logger.debug({ position: change.position, commitments: change.changedCommitmentIds.length }, 'read models updated'),
);
logger.info({ file, store: config.store }, 'projector started');
void projector.caughtUp().then(() => logger.info('projector caught up with the log'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'projector stopping');
    void projector
      .stop()
      .then(() => store.close())
      .then(() => db.close())
      .then(() => logger.info('projector stopped'))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'projector did not stop cleanly');
        process.exitCode = 1;
      });
  });
}
