/**
 * Options of `npm run eval`: `--gold DIR` (default: the project's test/fixtures/gold), `--seeds DIR` (default:
 * the project's seeds/), `--json` for a machine-readable summary, `--details` to list every miss.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliUsageError, parseArgs, stringFlag } from '../services/cli/cli-options.ts';

export interface EvalOptions {
  goldDir: string;
  seedsDir: string;
  json: boolean;
  details: boolean;
}

export type EvalOptionsParse = { ok: true; options: EvalOptions } | { ok: false; message: string };

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const knownFlags = new Set(['gold', 'seeds', 'json', 'details']);

export function parseEvalOptions(args: readonly string[], cwd: string): EvalOptionsParse {
  try {
    const parsed = parseArgs(args, ['json', 'details']);
    const unknown = [...parsed.flags.keys()].find((name) => !knownFlags.has(name)) ?? parsed.positional[0];
    if (unknown !== undefined) return { ok: false, message: `unknown argument '${unknown}'; usage: npm run eval -- [--gold DIR] [--seeds DIR] [--json] [--details]` };
    const gold = stringFlag(parsed, 'gold');
    const seeds = stringFlag(parsed, 'seeds');
    return {
      ok: true,
      options: {
        goldDir: gold === undefined ? resolve(projectRoot, 'test/fixtures/gold') : resolve(cwd, gold),
        seedsDir: seeds === undefined ? resolve(projectRoot, 'seeds') : resolve(cwd, seeds),
        json: parsed.flags.get('json') === true,
        details: parsed.flags.get('details') === true,
      },
    };
  } catch (error) {
    if (error instanceof CliUsageError) return { ok: false, message: error.message };
    throw error;
  }
}
