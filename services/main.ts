/**
 * `npm start`: the API on the configured store (embedded SQLite by default), seeded with the sample reports.
 * Shutdown on SIGTERM/SIGINT stops taking requests, lets in-flight requests and appends finish, then closes the store.
 */
import { loadConfigOrExit } from './config/config.ts';
import { createLogger } from './logger.ts';
import { startRuntime } from './runtime.ts';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);

const runtime = await startRuntime(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'plan-ledger could not start');
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  });
}
