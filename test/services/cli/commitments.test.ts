/**
 * The `commitments --json` contract, through the real binary on the seeds (and one plan → review pair, so that
 * evidence and actual figures appear): exactly the agreed members, of the agreed types.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import t from 'tap';
import { runCli } from '../../../services/cli/run-cli.ts';
import { commitmentStatusSchema } from '../../../domain/events/commitment-events.ts';
import { MATCHING_STATE_FILE } from '../../../services/matching/matching-state.ts';
import { capture, dataDirWithSamples } from './read-side-data.ts';

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/plan-ledger.js');
const run = promisify(execFile);
const statuses: readonly string[] = commitmentStatusSchema.options;

t.test('commitments --json prints the contract array, after matching and projecting up to the head', async (t) => {
  const { dataDir, afterSeeds, cleanup } = await dataDirWithSamples();
  t.teardown(cleanup);
  const { stdout } = await run(process.execPath, [bin, 'commitments', '--json', '--data-dir', dataDir], {
    env: { ...process.env, STORE: 'sqlite', DATA_DIR: '' },
    maxBuffer: 64 * 2 ** 20,
  });
  const commitments = JSON.parse(stdout) as Array<Record<string, unknown>>;
  t.ok(Array.isArray(commitments) && commitments.length > 50, `${commitments.length} commitments`);
  for (const c of commitments) {
    t.same(Object.keys(c).sort(), ['area', 'carriedOver', 'evidence', 'id', 'organisation', 'planYear', 'reason', 'status', 'targets', 'text'].sort());
    if (!(typeof c.id === 'string' && typeof c.organisation === 'string' && Number.isInteger(c.planYear) && typeof c.text === 'string')) {
      t.fail(`identity fields of ${JSON.stringify(c).slice(0, 120)}`);
    }
    if (!(c.area === null || typeof c.area === 'string') || typeof c.carriedOver !== 'boolean' || !statuses.includes(c.status as string)) {
      t.fail(`status fields of ${String(c.id)}`);
    }
    t.equal((c.reason as { status?: string } | null)?.status, c.status, 'the reason is the StatusResult behind the status');
    for (const target of c.targets as Array<Record<string, unknown>>) {
      t.same(Object.keys(target).sort(), ['actual', 'comparator', 'direction', 'max', 'min', 'status', 'text', 'unit'].sort());
      const actual = target.actual as Record<string, unknown> | null;
      if (actual !== null) t.same(Object.keys(actual).sort(), ['span', 'text', 'unit', 'value']);
    }
    for (const link of c.evidence as Array<Record<string, unknown>>) {
      t.same(Object.keys(link).sort(), ['method', 'outcomeText', 'score', 'span', 'state']);
    }
  }
  const stateCouncil2022 = commitments.filter((c) => c.organisation === '国务院' && c.planYear === 2022);
  t.ok(stateCouncil2022.length > 0 && stateCouncil2022.every((c) => c.status !== 'pending'), 'the 2022 plan has verdicts: its review is in the log');
  t.ok(stateCouncil2022.some((c) => (c.evidence as unknown[]).length > 0), 'the matcher linked evidence');
  t.ok(
    stateCouncil2022.some((c) => (c.targets as Array<{ actual: unknown }>).some((target) => target.actual !== null)),
    'some targets carry the actual figure of the review',
  );
  t.ok(commitments.some((c) => c.organisation === '深圳市龙华区民政局' && c.planYear === 2022 && c.status === 'pending'), 'a plan without its review is pending');

  t.ok(fs.existsSync(path.join(dataDir, MATCHING_STATE_FILE)), 'the matching process left its checkpoint beside the data: the next command resumes');

  const filtered = capture();
  t.equal(await runCli(['commitments', '--org', '国务院', '--year', '2022', '--status', 'achieved', '--json', '--data-dir', dataDir], filtered.io), 0);
  const achieved = JSON.parse(filtered.out.join('\n')) as Array<{ organisation: string; planYear: number; status: string }>;
  t.same(achieved, stateCouncil2022.filter((c) => c.status === 'achieved'), 'filters select the same rows');

  const asOf = capture();
  t.equal(await runCli(['commitments', '--as-of', afterSeeds, '--json', '--data-dir', dataDir], asOf.io), 0);
  const before = JSON.parse(asOf.out.join('\n')) as Array<{ organisation: string }>;
  t.ok(before.length > 0 && before.every((c) => c.organisation !== '国务院'), 'as of the position after the seeds, the State Council is not there yet');

  const table = capture();
  t.equal(await runCli(['commitments', '--org', '国务院', '--data-dir', dataDir], table.io), 0);
  t.match(table.out[0], /^STATUS/);
  t.match(table.out[table.out.length - 1], /commitment\(s\): /);

  const bad = capture();
  t.equal(await runCli(['commitments', '--status', 'done', '--data-dir', dataDir], bad.io), 2);
  t.match(bad.err[0], /--status "done" is not one of pending, achieved/);
  const badAsOf = capture();
  t.equal(await runCli(['commitments', '--as-of', 'last week', '--data-dir', dataDir], badAsOf.io), 2);
  t.equal(badAsOf.err.length, 1);
});
