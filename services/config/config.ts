/**
 * Configuration from the environment, validated once at start-up. A bad value stops the process with one line
 * naming the variable (see `loadConfigOrExit`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseApiTokens } from '../api/auth/api-tokens.ts';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z
  .object({
    STORE: z.enum(['sqlite', 'eventstoredb']).default('sqlite'),
    DATA_DIR: z.string().min(1).default('./data'),
    EVENTSTORE_CONNECTION_STRING: z
      .string()
      .regex(/^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\//, 'must be an esdb:// or kurrentdb:// connection string')
      .optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(logLevels).default('info'),
    /** `name:sha256hex:role1+role2` entries, comma-separated; roles reader, reviewer, auditor, admin. */
    API_TOKENS: z
      .string()
      .default('')
      .transform((text, ctx) => {
        const parsed = parseApiTokens(text);
        if (parsed.ok) return parsed.tokens;
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }),
    /**
     * A file of more token entries, one per line (`#` starts a comment): for secrets mounted as files, and for
     * lists too long for one variable. Its entries join those of API_TOKENS.
     */
    API_TOKENS_FILE: z.string().optional(),
    /** Lets callers without a token read (never write, never audit); on by default so the dashboard works on the seeds. */
    ANONYMOUS_READS: z.enum(['true', 'false']).default('true').transform((flag) => flag === 'true'),
    /** Requests per token (or per address for anonymous callers) per window. */
    RATE_LIMIT_MAX: z.coerce.number().int().positive().default(1000),
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
    /** Longest time a client may take to send its request (long polls wait after that, so they are not cut). */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  })
  .superRefine((env, ctx) => {
    if (env.STORE === 'eventstoredb' && env.EVENTSTORE_CONNECTION_STRING === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['EVENTSTORE_CONNECTION_STRING'],
        message: 'is required when STORE=eventstoredb',
      });
    }
  })
  .transform((env) => ({
    store: env.STORE,
    dataDir: path.resolve(env.DATA_DIR),
    eventstoreConnectionString: env.EVENTSTORE_CONNECTION_STRING ?? null,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    api: {
      tokens: env.API_TOKENS,
      anonymousReads: env.ANONYMOUS_READS,
      rateLimit: { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS },
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    },
  }));

export type Config = z.output<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** The entries of a token file as API_TOKENS spells them: one per line, blank lines and `#` comments left out. */
export function tokenFileEntries(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.length > 0)
    .join(',');
}

/**
 * Reads the variables this service knows; empty strings count as unset, as shells often export them that way.
 * `readFile` reads API_TOKENS_FILE (injected so tests need no file).
 */
export function parseConfig(
  env: Record<string, string | undefined>,
  readFile: (file: string) => string = (file) => fs.readFileSync(file, 'utf8'),
): ConfigResult {
  const known: Record<string, string | undefined> = Object.fromEntries(
    Object.keys(configSchema.def.in.shape).map((name) => [name, env[name] === '' ? undefined : env[name]]),
  );
  const tokenFile = known['API_TOKENS_FILE'];
  if (tokenFile !== undefined) {
    let text: string;
    try {
      text = readFile(tokenFile);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      return { ok: false, message: `invalid configuration: API_TOKENS_FILE=${JSON.stringify(tokenFile)} cannot be read (${reason})` };
    }
    known['API_TOKENS'] = [known['API_TOKENS'], tokenFileEntries(text)].filter((part) => part !== undefined && part !== '').join(',');
  }
  const parsed = configSchema.safeParse(known);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  const variable = issue?.path[0] ?? 'environment';
  const given = typeof variable === 'string' ? env[variable] : undefined;
  return {
    ok: false,
    message: `invalid configuration: ${String(variable)}${given === undefined ? '' : `=${JSON.stringify(given)}`} ${issue?.message ?? 'is invalid'}`,
  };
}

export const EXIT_BAD_CONFIG = 2;

export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  const result = parseConfig(env);
  if (result.ok) return result.config;
  process.stderr.write(`plan-ledger: ${result.message}\n`);
  process.exit(EXIT_BAD_CONFIG);
}
