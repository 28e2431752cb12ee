/** `plan-ledger rebuild`: drops every read model and rebuilds them from the event log. */
import type { CliIo } from '../run-cli.ts';
import { CliUsageError, cliConfig, parseArgs, cliLogger } from '../cli-options.ts';
import type { Config } from '../../config/config.ts';
import { openReadSide } from '../../projector/read-side.ts';
import { rebuildReadModels } from '../../projector/rebuild.ts';

export const summary = 'drop every read model and rebuild them from the event log';

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.positional.length > 0) throw new CliUsageError(`takes no arguments, got ${parsed.positional.join(' ')}`);
  const config: Config = cliConfig(parsed);
  const logger = cliLogger(config);
  const readSide = await openReadSide(config, logger);
  try {
    const result = await rebuildReadModels(readSide.store, readSide.db, { logger });
    io.stdout(
      `rebuilt read models from ${result.events} event(s) in ${(result.elapsedMs / 1000).toFixed(2)} s` +
        (result.position === null ? ' (the log is empty)' : ` up to position ${result.position}`),
    );
    return 0;
  } finally {
    await readSide.close();
  }
}
