/** `plan-ledger verify`: walks every stream's hash chain and names the first broken link. */
import { createLogger } from '../../logger.ts';
import { describeChainBreak, verifyLog } from '../../integrity/verify-log.ts';
import { openEventStore } from '../../store/open-store.ts';
import type { Config } from '../../config/config.ts';
import { CliUsageError, cliConfig, parseArgs } from '../cli-options.ts';
import { EXIT_USAGE, type CliIo } from '../run-cli.ts';

export const summary = 'check the hash chain of every stream and name the first broken link';

export async function run(args: string[], io: CliIo): Promise<number> {
  let config: Config;
  try {
    const parsed = parseArgs(args);
    if (parsed.positional.length > 0) throw new CliUsageError(`takes no arguments, got ${parsed.positional.join(' ')}`);
    config = cliConfig(parsed);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`plan-ledger verify: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const logger = createLogger(process.env.LOG_LEVEL === undefined ? 'warn' : config.logLevel, 'plan-ledger-cli');
  const store = await openEventStore({ store: config.store, dataDir: config.dataDir, eventstoreConnectionString: config.eventstoreConnectionString, logger });
  try {
    const result = await verifyLog(store);
    if (result.ok) {
      io.stdout(`verified ${result.events} events in ${result.streams} streams`);
      return 0;
    }
    io.stderr(`plan-ledger verify: ${describeChainBreak(result.broken)} (${result.eventsVerified} events verified before it)`);
    return 1;
  } finally {
    await store.close();
  }
}
