import t from 'tap';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import { openReadModelDb } from '../../../services/read-models/schema.ts';
import { createBatchApplier } from '../../../services/projector/batch-applier.ts';
import { catchUp } from '../../../services/projector/catch-up.ts';
import { getCommitment, commitmentTimeline, listCommitments } from '../../../services/read-models/commitment-queries.ts';
import { getScorecard } from '../../../services/read-models/scorecard-queries.ts';
import { listChangesAfter } from '../../../services/read-models/changes-queries.ts';
import { listOrganisations, listReports } from '../../../services/read-models/report-queries.ts';
import { UnknownCursor } from '../../../services/read-models/cursor.ts';
import { canonicalDump } from '../../../services/read-models/canonical-dump.ts';
import {
  appendAll,
  commitmentRecorded,
  linkProposed,
  ORG,
  outcomeRecorded,
  quantity,
  reportIngested,
  target,
} from '../../projections/ledger-fixtures.ts';

async function given() {
  const store = createMemoryStore();
  const db = openReadModelDb(':memory:');
  const applier = createBatchApplier(db);
  const project = () => catchUp(store, applier, { batchSize: 3 });
  return { store, db, applier, project };
}

t.test('given a 2022 plan, then its commitments are pending; when the 2022 summary arrives, then they have a verdict', async (t) => {
  const { store, db, project } = await given();
  const positions = await appendAll(store, [
    commitmentRecorded('c1', 2022, '在全区56个社区建立社会工作点', { targets: [target('c1', 0, { span: [3, 6] })], spanStart: 0 }),
    commitmentRecorded('c2', 2022, '推动慈善事业发展', { spanStart: 40 }),
    reportIngested('r2021', { summaryYear: 2021, planYear: 2022 }),
  ]);
  await project();
  t.same(listCommitments(db, { organisation: ORG, planYear: 2022 }, { limit: 10 }).items.map((c) => [c.id, c.status]), [
    ['c1', 'pending'],
    ['c2', 'pending'],
  ]);
  t.equal(getCommitment(db, 'c1')?.version, positions[0], 'version is the position of the event that recorded it');
  t.equal(getScorecard(db, ORG, 2022)?.total.counts.pending, 2);
  t.equal(getScorecard(db, ORG, 2022)?.total.followThroughRate, null);

  const later = await appendAll(store, [
    outcomeRecorded('o1', 2022, '全区56个社区建立社会工作点', { quantities: [quantity(56, '个', '56个', '社区')] }),
    linkProposed('l1', 'c1', 'o1', 2022, 'c1.t0'),
    reportIngested('r2022', { summaryYear: 2022 }),
  ]);
  await project();
  const c1 = getCommitment(db, 'c1');
  t.equal(c1?.status, 'achieved', 'the target met by the linked outcome');
  t.equal(c1?.targets[0]?.status, 'achieved');
  t.equal(c1?.targets[0]?.actual?.value, 56);
  t.same(c1?.evidence.map((e) => [e.outcomeId, e.state, e.method]), [['o1', 'proposed', 'term-overlap@1.0.0']]);
  t.equal(c1?.version, later[2], 'the summary made the verdict, so its position is the version');
  const c2 = getCommitment(db, 'c2');
  t.equal(c2?.status, 'no_evidence', 'the summary exists and nothing speaks to it');
  t.equal(c2?.reason?.rule, 'nothing_in_summary');
  const scorecard = getScorecard(db, ORG, 2022);
  t.same([scorecard?.total.counts.achieved, scorecard?.total.counts.no_evidence, scorecard?.total.assessable], [1, 1, 2]);
  t.equal(scorecard?.total.followThroughRate, 0.5);

  t.same(
    commitmentTimeline(db, 'c2').map((entry) => [entry.kind, entry.status]),
    [['CommitmentRecorded', null], ['StatusChanged', 'no_evidence']],
  );
  const changes = listChangesAfter(db, { limit: 100 }).items.filter((change) => change.commitmentId === 'c2');
  t.same(changes.map((change) => change.status), ['pending', 'no_evidence']);
  t.same(listOrganisations(db), [{ name: ORG, summaryYears: [2021, 2022], planYears: [2022], reportCount: 2 }]);
  t.same(listReports(db, ORG).map((report) => report.parts.map((part) => `${part.part}:${part.year}`)), [['summary:2021', 'plan:2022'], ['summary:2022']]);
});

t.test('given a reviewer rejects the only link and then assesses, then the rules and the reviewer are both visible', async (t) => {
  const { store, db, project } = await given();
  await appendAll(store, [
    commitmentRecorded('c1', 2022, '在全区56个社区建立社会工作点', { targets: [target('c1', 0, { span: [3, 6] })] }),
    outcomeRecorded('o1', 2022, '全区56个社区建立社会工作点', { quantities: [quantity(56, '个', '56个', '社区')] }),
    linkProposed('l1', 'c1', 'o1', 2022, 'c1.t0'),
    reportIngested('r2022', { summaryYear: 2022 }),
    { type: 'EvidenceLinkRejected', data: { linkId: 'l1', commitmentId: 'c1', reason: '统计口径不同' } },
  ]);
  await project();
  t.equal(getCommitment(db, 'c1')?.status, 'no_evidence', 'a rejected link is no evidence');
  t.equal(getCommitment(db, 'c1')?.evidence[0]?.state, 'rejected');
  await appendAll(store, [{ type: 'CommitmentAssessed', data: { commitmentId: 'c1', status: 'in_progress', rationale: '已建成40个' } }]);
  await project();
  const assessed = getCommitment(db, 'c1');
  t.equal(assessed?.status, 'in_progress');
  t.equal(assessed?.computedStatus, 'no_evidence');
  t.equal(assessed?.reason?.rule, 'reviewer_assessment');
  await appendAll(store, [{ type: 'CommitmentWithdrawn', data: { commitmentId: 'c1', reason: '职能划转' } }]);
  await project();
  t.equal(getCommitment(db, 'c1')?.status, 'withdrawn');
  t.equal(getScorecard(db, ORG, 2022)?.total.assessable, 0);
});

t.test('given the 2023 plan restates a 2022 task, then the 2022 commitment is flagged carried over, in either order', async (t) => {
  const plan2022 = commitmentRecorded('c22', 2022, '在全区56个社区建立社会工作点');
  const plan2023 = commitmentRecorded('c23', 2023, '继续在全区56个社区建立社会工作点', { spanStart: 5 });
  const orders = [
    [plan2022, reportIngested('r2021', { planYear: 2022 }), plan2023, reportIngested('r2022', { planYear: 2023 })],
    [plan2023, reportIngested('r2022', { planYear: 2023 }), plan2022, reportIngested('r2021', { planYear: 2022 })],
  ];
  const dumps = [];
  for (const events of orders) {
    const { store, db, project } = await given();
    await appendAll(store, events);
    await project();
    t.equal(getCommitment(db, 'c22')?.carriedOver, true);
    t.equal(getCommitment(db, 'c23')?.carriedOver, false);
    dumps.push(listCommitments(db, {}, { limit: 10 }).items.map((c) => [c.id, c.carriedOver, c.status]));
  }
  t.same(dumps[0], dumps[1]);
});

t.test('given many commitments, then cursor pages cover them all once, in a stable order, and a forged cursor is refused', async (t) => {
  const { store, db, project } = await given();
  await appendAll(
    store,
    Array.from({ length: 7 }, (_, i) => commitmentRecorded(`c${i}`, 2022, `第${i}项任务推进社区建设`, { spanStart: 100 - i * 10 })),
  );
  await project();
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = listCommitments(db, { planYear: 2022 }, { limit: 3, ...(cursor === undefined ? {} : { cursor }) });
    seen.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  t.same(seen, ['c6', 'c5', 'c4', 'c3', 'c2', 'c1', 'c0'], 'document order: by place in the plan');
  t.throws(() => listCommitments(db, {}, { limit: 3, cursor: 'bm90LWEtY3Vyc29y' }), UnknownCursor);
  t.same(listCommitments(db, { text: '第3项' }, { limit: 10 }).items.map((c) => c.id), ['c3']);
});

t.test('given the same log projected in batches of 1 and of 1000, then the rows are identical', async (t) => {
  const events = [
    commitmentRecorded('c1', 2022, '在全区56个社区建立社会工作点', { targets: [target('c1', 0, { span: [3, 6] })] }),
    commitmentRecorded('c2', 2022, '推动慈善事业发展', { spanStart: 40 }),
    reportIngested('r2021', { summaryYear: 2021, planYear: 2022 }),
    outcomeRecorded('o1', 2022, '全区56个社区建立社会工作点', { quantities: [quantity(50, '个', '50个', '社区')] }),
    linkProposed('l1', 'c1', 'o1', 2022, 'c1.t0'),
    reportIngested('r2022', { summaryYear: 2022 }),
  ] as const;
  const store = createMemoryStore();
  await appendAll(store, [...events]);
  const dumps = [];
  for (const batchSize of [1, 1000]) {
    const db = openReadModelDb(':memory:');
    await catchUp(store, createBatchApplier(db), { batchSize });
    dumps.push(canonicalDump(db));
    t.equal(getCommitment(db, 'c1')?.status, 'partially_achieved', '50 of 56 communities is partly achieved');
  }
  t.same(dumps[0], dumps[1]);
});

t.test('given an event that is not a ledger event, then it is passed over and the checkpoint moves past it', async (t) => {
  const { store, db, applier, project } = await given();
  const { position } = await store.appendToStream('other-1', [{ id: crypto.randomUUID(), type: 'SomethingElse', schemaVersion: 1, data: {}, metadata: {} }], {
    expectedRevision: 'any',
  });
  await project();
  t.equal(applier.checkpoint(), position);
  t.equal(listCommitments(db, {}, { limit: 5 }).items.length, 0);
});

t.test('given one report that both reviews 2022 and restates a 2022 task in its 2023 plan, then the timeline keeps both changes', async (t) => {
  const { store, db, project } = await given();
  const [, , reportPosition] = await appendAll(store, [
    commitmentRecorded('c22', 2022, '在全区56个社区建立社会工作点'),
    commitmentRecorded('c23', 2023, '继续在全区56个社区建立社会工作点'),
    reportIngested('r2022', { summaryYear: 2022, planYear: 2023 }),
  ]);
  await project();
  const entries = commitmentTimeline(db, 'c22').filter((entry) => entry.position === reportPosition);
  t.equal(entries.length, 1);
  t.match(entries[0]?.summary, /pending → no_evidence/);
  t.match(entries[0]?.summary, /carried over into next year/);
  t.equal(getCommitment(db, 'c22')?.version, reportPosition);
});
