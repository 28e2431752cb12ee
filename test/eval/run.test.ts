/**
 * `npm run eval` as a process: one clear line and a non-zero exit when it cannot run; exit 0 and a JSON summary
 * with every aim when it can (the figures themselves are a measurement, asserted nowhere).
 */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runEval(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'eval/run.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

t.test('a missing gold directory exits non-zero with one line naming it', async (t) => {
  const result = runEval(['--gold', '/nonexistent/gold']);
  t.not(result.status, 0);
  t.equal(result.stdout, '');
  t.equal(result.stderr, 'eval: gold directory not found: /nonexistent/gold\n');
});

t.test('an unknown argument exits non-zero with the usage', async (t) => {
  const result = runEval(['--golden', 'x']);
  t.equal(result.status, 2);
  t.match(result.stderr, /^eval: unknown argument 'golden'; usage: npm run eval/);
});

t.test('with --json it exits 0 and prints every score of the fixtures', async (t) => {
  const result = runEval(['--json']);
  t.equal(result.status, 0, result.stderr);
  const summary = JSON.parse(result.stdout) as { seeds: { documents: unknown[] }; pairs: { targets: unknown[]; reports: unknown[] }; aims: { name: string; figure: { ratio: number | null } }[] };
  t.equal(summary.seeds.documents.length, 5);
  t.equal(summary.pairs.targets.length, 4);
  t.equal(summary.pairs.reports.length, 6);
  t.equal(summary.aims.length, 10);
  t.ok(summary.aims.every((aim) => aim.figure.ratio === null || (aim.figure.ratio >= 0 && aim.figure.ratio <= 1)));
});
