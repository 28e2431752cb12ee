import t from 'tap';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import { openReadModelDb } from '../../../services/read-models/schema.ts';
import { createBatchApplier } from '../../../services/projector/batch-applier.ts';
import { catchUp } from '../../../services/projector/catch-up.ts';
import { InvalidAsOf, parseAsOf, readModelsAsOf, readModelsAsOfOrganisation } from '../../../services/projector/as-of.ts';
import { allCommitments } from '../../../services/read-models/commitment-queries.ts';
import type { ReadModelDb } from '../../../services/read-models/schema.ts';
import type { Position } from '../../../services/store/position.ts';
import { addReviewerDecisions, ingestSamples } from './real-log.ts';
import { getCommitment } from '../../../services/read-models/commitment-queries.ts';
import { getScorecard } from '../../../services/read-models/scorecard-queries.ts';
import { canonicalDump } from '../../../services/read-models/canonical-dump.ts';
import { appendAll, commitmentRecorded, ORG, reportIngested } from '../../projections/ledger-fixtures.ts';

/** A log written over three days: the plan, then the summary, then a reviewer's assessment. */
async function givenAnAssessedCommitment() {
  let now = new Date('2026-03-01T08:00:00.000Z');
  const store = createMemoryStore({ clock: () => now });
  const [planned] = await appendAll(store, [
    commitmentRecorded('c1', 2022, '在全区56个社区建立社会工作点'),
    commitmentRecorded('c2', 2022, '推动慈善事业发展', { spanStart: 40, organisation: '另一个区民政局' }),
  ]);
  now = new Date('2026-03-02T08:00:00.000Z');
  const [summarised] = await appendAll(store, [reportIngested('r2022', { summaryYear: 2022 })]);
  now = new Date('2026-03-03T08:00:00.000Z');
  const [assessed] = await appendAll(store, [
    { type: 'CommitmentAssessed', data: { commitmentId: 'c1', status: 'achieved', rationale: '民政局年报确认已建成' } },
  ]);
  const live = openReadModelDb(':memory:');
  await catchUp(store, createBatchApplier(live));
  return { store, live, planned: planned!, summarised: summarised!, assessed: assessed! };
}

t.test('as of a position: before the assessment the rules speak, from it on the reviewer does', async (t) => {
  const { store, live, summarised, assessed } = await givenAnAssessedCommitment();
  const liveBefore = canonicalDump(live);
  const before = await readModelsAsOf(store, { position: summarised });
  t.equal(getCommitment(before.db, 'c1')?.status, 'no_evidence');
  t.equal(getScorecard(before.db, ORG, 2022)?.total.counts.achieved, 0);
  t.equal(before.position, summarised);
  before.close();
  const after = await readModelsAsOf(store, { position: assessed });
  t.equal(getCommitment(after.db, 'c1')?.status, 'achieved');
  t.equal(getCommitment(after.db, 'c1')?.computedStatus, 'no_evidence');
  t.equal(getScorecard(after.db, ORG, 2022)?.total.followThroughRate, 1);
  after.close();
  t.same(canonicalDump(live), liveBefore, 'the live read models are untouched');
});

t.test('as of a time: the log up to the last event recorded at or before it', async (t) => {
  const { store } = await givenAnAssessedCommitment();
  const cases: Array<[string, string | undefined]> = [
    ['2026-02-28T00:00:00Z', undefined],
    ['2026-03-01T12:00:00Z', 'pending'],
    ['2026-03-02T08:00:00.000Z', 'no_evidence'],
    ['2026-03-02T23:59:59+08:00', 'no_evidence'],
    ['2026-03-03T08:00:00Z', 'achieved'],
  ];
  for (const [time, expected] of cases) {
    const past = await readModelsAsOf(store, parseAsOf(time));
    t.equal(getCommitment(past.db, 'c1')?.status, expected, `as of ${time}`);
    past.close();
  }
});

t.test('as of, scoped to one organisation, gives that organisation the same rows as a full replay', async (t) => {
  const { store, assessed } = await givenAnAssessedCommitment();
  const full = await readModelsAsOf(store, { position: assessed });
  const scoped = await readModelsAsOf(store, { position: assessed }, { organisation: ORG });
  t.same(getCommitment(scoped.db, 'c1'), getCommitment(full.db, 'c1'));
  t.same(getScorecard(scoped.db, ORG, 2022), getScorecard(full.db, ORG, 2022));
  t.equal(getCommitment(scoped.db, 'c2'), null, 'other organisations are left out');
  full.close();
  scoped.close();
});

t.test('as-of tokens: a position or an ISO time with a zone, nothing else', async (t) => {
  t.same(parseAsOf('0000000000000003.0000000000000003'), { position: '0000000000000003.0000000000000003' });
  t.same(parseAsOf('2026-03-02T08:00:00+08:00'), { time: new Date('2026-03-02T00:00:00.000Z') });
  for (const bad of ['yesterday', '3', '2026-13-45T00:00:00Z', '2026-03-02T08:00:00']) t.throws(() => parseAsOf(bad), InvalidAsOf, bad);
});

t.test('as of, from the organisation\'s own streams, gives the rows a replay of the log gives, at every moment', async (t) => {
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  // Each event a second later than the last: times and positions then cut the log at the same places.
  const store = createMemoryStore({ clock: () => new Date((now += 1000)) });
  await ingestSamples(store, () => new Date(now));
  await addReviewerDecisions(store);
  const live = openReadModelDb(':memory:');
  await catchUp(store, createBatchApplier(live));
  const log: Array<{ position: Position; recordedAt: string }> = [];
  for await (const event of store.readAll()) log.push({ position: event.position, recordedAt: event.recordedAt });
  const organisation = '国务院';
  let compared = 0;
  for (let index = 0; index < log.length; index += 37) {
    const { position, recordedAt } = log[index]!;
    for (const stopAt of [{ position }, { time: new Date(recordedAt) }]) {
      const fast = await readModelsAsOfOrganisation(store, live, stopAt, organisation);
      const full = await readModelsAsOf(store, stopAt, { organisation });
      t.equal(fast.replayed, 'streams');
      const rows = (db: ReadModelDb) => ({
        commitments: allCommitments(db, { organisation }),
        scorecards: [2022, 2023, 2024, 2025].map((year) => getScorecard(db, organisation, year)),
      });
      if (JSON.stringify(rows(fast.db)) !== JSON.stringify(rows(full.db))) t.fail(`rows differ as of ${JSON.stringify(stopAt)}`);
      compared++;
      fast.close();
      full.close();
    }
  }
  t.ok(compared > 20, `${compared} moments compared`);

  await appendAll(store, [{ type: 'CommitmentAssessed', data: { commitmentId: 'not-caught-up', status: 'achieved', rationale: 'x' } }]);
  const lagging = await readModelsAsOfOrganisation(store, live, { position: log.at(-1)!.position }, organisation);
  t.equal(lagging.replayed, 'log', 'live read models behind the log cannot name every stream: the log is replayed');
  lagging.close();
});
