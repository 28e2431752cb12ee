/** `plan-ledger verify`: walks every stream's hash chain and names the first broken link. */
import { describeChainBreak, verifyLog } from '../../integrity/verify-log.ts';
import type { Config } from '../../config/config.ts';
import { CliUsageError, cliConfig, parseArgs, cliLogger, openCliStore } from '../cli-options.ts';
import type { CliIo } from '../run-cli.ts';

export const summary = 'check the hash chain of every stream and name the first broken link';

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.positional.length > 0) throw new CliUsageError(`takes no arguments, got ${parsed.positional.join(' ')}`);
  const config: Config = cliConfig(parsed);
  const logger = cliLogger(config);
  const store = await openCliStore(config, logger);
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
