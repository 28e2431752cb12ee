import { CliUsageError } from './cli-options.ts';

/**
 * Dispatches `plan-ledger <command> ...` to one module per command under ./commands.
 * Each command module exports `run(args, io): Promise<number>` (the exit code) and a one-line `summary`.
 */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export interface CliCommand {
  summary: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

// One line per command; each module lives in ./commands/<name>.ts.
const commandModules: Record<string, () => Promise<CliCommand>> = {
  parse: () => import('./commands/parse.ts'),
  commitments: () => import('./commands/commitments.ts'),
  scorecard: () => import('./commands/scorecard.ts'),
  rebuild: () => import('./commands/rebuild.ts'),
  ingest: () => import('./commands/ingest.ts'),
  history: () => import('./commands/history.ts'),
  verify: () => import('./commands/verify.ts'),
};

export const EXIT_USAGE = 2;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : commandModules[name];
  if (load === undefined) {
    io.stderr(`plan-ledger: ${name === undefined ? 'missing command' : `unknown command '${name}'`}; commands: ${Object.keys(commandModules).join(', ')}`);
    return EXIT_USAGE;
  }
  let command: CliCommand;
  try {
    command = await load();
  } catch {
    io.stderr(`plan-ledger: command '${name}' is not available in this build`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`plan-ledger ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof CliUsageError ? EXIT_USAGE : 1;
  }
}
