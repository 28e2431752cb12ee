import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs to stderr, so that stdout stays free for CLI output such as `--json`. */
export function createLogger(level: string, name = 'plan-ledger'): Logger {
  return pino({ name, level }, pino.destination(2));
}
