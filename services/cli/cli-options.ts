/**
 * The options every command shares (`--data-dir`, honouring STORE and the rest of the environment) and a small
 * flag parser: commands take `--flag value`, `--flag=value` and boolean `--flag`.
 */
import { parseConfig, type Config } from '../config/config.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { EventStore } from '../store/event-store.ts';
import { openEventStore } from '../store/open-store.ts';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function parseArgs(args: readonly string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (eq !== -1) flags.set(name, arg.slice(eq + 1));
    else if (booleanFlags.includes(name)) flags.set(name, true);
    else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new CliUsageError(`--${name} needs a value`);
      flags.set(name, value);
      i++;
    }
  }
  return { positional, flags };
}

export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags.get(name);
  if (value === true) throw new CliUsageError(`--${name} needs a value`);
  return value;
}

/** The service configuration for a CLI run: the environment, with `--data-dir` taking precedence over DATA_DIR. */
export function cliConfig(parsed: ParsedArgs, env: Record<string, string | undefined> = process.env): Config {
  const dataDir = stringFlag(parsed, 'data-dir');
  const result = parseConfig({ ...env, ...(dataDir === undefined ? {} : { DATA_DIR: dataDir }) });
  if (!result.ok) throw new CliUsageError(result.message);
  return result.config;
}

/** CLI runs log only warnings unless LOG_LEVEL asks for more: stdout and stderr belong to the command's output. */
export function cliLogger(config: Config): Logger {
  return createLogger(process.env.LOG_LEVEL === undefined ? 'warn' : config.logLevel, 'plan-ledger-cli');
}

export function openCliStore(config: Config, logger: Logger): Promise<EventStore> {
  return openEventStore({ store: config.store, dataDir: config.dataDir, eventstoreConnectionString: config.eventstoreConnectionString, logger });
}
