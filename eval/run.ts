/**
 * `npm run eval`: scores the report reader against the gold annotations and prints the figures.
 * Exit 0 whenever it ran (the figures are a measurement, not a gate); non-zero with one line when it cannot run.
 */
import { readReport } from '../domain/reader/read-report.ts';
import { aimChecks } from './aims.ts';
import { evalJson } from './eval-json.ts';
import { parseEvalOptions } from './eval-options.ts';
import { evaluate } from './evaluate.ts';
import { formatEvalReport } from './format-report.ts';
import { loadGoldSet } from './load-gold.ts';
import { printPairsStatus } from './pairs-status.ts';

const EXIT_USAGE = 2;
const EXIT_NO_GOLD = 1;

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseEvalOptions(args, process.cwd());
  if (!parsed.ok) {
    process.stderr.write(`eval: ${parsed.message}\n`);
    return EXIT_USAGE;
  }
  const { options } = parsed;
  const loaded = await loadGoldSet(options.goldDir, options.seedsDir);
  if (!loaded.ok) {
    process.stderr.write(`eval: ${loaded.message}\n`);
    return EXIT_NO_GOLD;
  }
  const result = evaluate(loaded.gold, readReport);
  const aims = aimChecks(result);
  if (options.json) {
    process.stdout.write(evalJson(options.goldDir, result, aims) + '\n');
  } else {
    process.stdout.write([`gold: ${options.goldDir}`, '', ...formatEvalReport(result, aims, { details: options.details })].join('\n') + '\n');
    await printPairsStatus(options.goldDir, (text) => process.stdout.write(text));
  }
  return 0;
}

// A reader of the output that stops early (`| head`) is not an error of the scorer.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
