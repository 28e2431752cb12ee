import t from 'tap';
import { runCli } from '../../../services/cli/run-cli.ts';
import { capture, dataDirWithSamples } from './read-side-data.ts';

t.test('scorecard --json counts the plan year by area and gives the follow-through rate; --as-of looks back', async (t) => {
  const { dataDir, cleanup } = await dataDirWithSamples();
  t.teardown(cleanup);
  const now = capture();
  t.equal(await runCli(['scorecard', '--org', '国务院', '--year', '2022', '--json', '--data-dir', dataDir], now.io), 0, now.err.join('\n'));
  const scorecard = JSON.parse(now.out.join('\n')) as {
    organisation: string;
    year: number;
    areas: Array<{ total: number }>;
    total: { counts: Record<string, number>; total: number; assessable: number; followThroughRate: number | null };
  };
  t.equal(scorecard.organisation, '国务院');
  t.equal(scorecard.year, 2022);
  t.equal(scorecard.areas.reduce((sum, area) => sum + area.total, 0), scorecard.total.total, 'areas add up to the total');
  t.equal(scorecard.total.counts.pending, 0, 'the review of 2022 is in the log');
  t.equal(scorecard.total.assessable, scorecard.total.total - (scorecard.total.counts.withdrawn ?? 0));
  t.equal(scorecard.total.followThroughRate, (scorecard.total.counts.achieved ?? 0) / scorecard.total.assessable);

  const past = capture();
  t.equal(await runCli(['scorecard', '--org', '国务院', '--year', '2022', '--as-of', '2000-01-01T00:00:00Z', '--data-dir', dataDir], past.io), 1);
  t.match(past.err[0], /no commitments of 国务院 for 2022 as of then/);

  const table = capture();
  t.equal(await runCli(['scorecard', '--org', '深圳市龙华区民政局', '--year', '2022', '--data-dir', dataDir], table.io), 0);
  t.match(table.out.join('\n'), /TOTAL/);
  t.match(table.out.join('\n'), /—/, 'a plan without its review has no rate yet');

  const missing = capture();
  t.equal(await runCli(['scorecard', '--org', '国务院', '--data-dir', dataDir], missing.io), 2);
  t.match(missing.err[0], /needs --org NAME and --year Y/);
});
