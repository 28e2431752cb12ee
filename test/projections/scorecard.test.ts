import t from 'tap';
import { buildScorecardRows, totalScorecardRow } from '../../projections/scorecard.ts';

t.test('given commitments in two areas, then each area counts its statuses and follow-through = achieved ÷ assessable', async (t) => {
  const rows = buildScorecardRows('某区民政局', 2022, [
    { area: '(一)社会救助', status: 'achieved' },
    { area: '(一)社会救助', status: 'not_achieved' },
    { area: '(一)社会救助', status: 'pending' },
    { area: '(二)养老服务', status: 'withdrawn' },
    { area: '(二)养老服务', status: 'partially_achieved' },
    { area: null, status: 'achieved' },
  ]);
  t.same(rows.map((row) => row.area), ['', '(一)社会救助', '(二)养老服务']);
  const relief = rows[1]!;
  t.equal(relief.total, 3);
  t.equal(relief.assessable, 2, 'pending is not assessable');
  t.equal(relief.followThroughRate, 0.5);
  const care = rows[2]!;
  t.equal(care.assessable, 1, 'withdrawn is not assessable');
  t.equal(care.followThroughRate, 0, 'partially achieved is assessable but not achieved');
  const total = totalScorecardRow('某区民政局', 2022, rows);
  t.equal(total.total, 6);
  t.equal(total.counts.achieved, 2);
  t.equal(total.assessable, 4);
  t.equal(total.followThroughRate, 0.5);
});

t.test('given only pending commitments, then the rate is null, not zero', async (t) => {
  const [row] = buildScorecardRows('某区民政局', 2023, [{ area: 'A', status: 'pending' }]);
  t.equal(row?.followThroughRate, null);
  t.equal(row?.assessable, 0);
});
