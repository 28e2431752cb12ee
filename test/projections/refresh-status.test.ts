import t from 'tap';
import { refreshCommitmentStatus, type CommitmentSnapshot } from '../../projections/refresh-status.ts';
import type { CommitmentRow, EventEnvelope } from '../../projections/rows.ts';
import { readerActor, target } from './ledger-fixtures.ts';

const cause: EventEnvelope = { position: '0000000000000010.0000000000000010', recordedAt: '2026-01-02T00:00:00.000Z', actor: readerActor };

function row(fields: Partial<CommitmentRow> = {}): CommitmentRow {
  return {
    id: 'c1',
    organisation: '某区民政局',
    planYear: 2022,
    area: null,
    marker: '一是',
    text: '在全区56个社区建立社会工作点',
    originalText: null,
    normalisedText: '在全区56个社区建立社会工作点',
    reportId: 'r1',
    span: [0, 15],
    withdrawnReason: null,
    assessment: null,
    status: 'pending',
    computedStatus: 'pending',
    reason: null,
    carriedOver: false,
    version: '0000000000000001.0000000000000001',
    recordedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

function snapshot(fields: Partial<CommitmentSnapshot> = {}): CommitmentSnapshot {
  return { commitment: row(), targets: [target('c1', 0, { span: [3, 6] })], evidence: [], summaryAvailable: false, nextYearPlanTexts: null, ...fields };
}

t.test('given no summary of the plan year, then a first refresh writes pending with its reason, and touches the commitment', async (t) => {
  const changes = refreshCommitmentStatus(snapshot(), cause);
  const status = changes.find((change) => change.kind === 'setCommitmentStatus');
  t.equal(status?.kind === 'setCommitmentStatus' && status.status, 'pending');
  t.equal(status?.kind === 'setCommitmentStatus' && status.reason.rule, 'summary_not_ingested');
  t.ok(changes.some((change) => change.kind === 'setTargetStatus' && change.targetId === 'c1.t0' && change.status === 'pending'));
  t.ok(changes.some((change) => change.kind === 'setCommitmentStatus' && change.version === cause.position), 'the commitment moves to the causing position');
  t.notOk(changes.some((change) => change.kind === 'appendTimeline'), 'pending → pending is no status change');
});

t.test('given the same inputs as the stored verdict, then nothing is written and the version stays', async (t) => {
  const first = refreshCommitmentStatus(snapshot(), cause).find((change) => change.kind === 'setCommitmentStatus');
  if (first?.kind !== 'setCommitmentStatus') return t.fail('no status written');
  const settled = row({ status: first.status, computedStatus: first.computedStatus, reason: first.reason });
  t.same(refreshCommitmentStatus(snapshot({ commitment: settled }), cause), []);
});

t.test('given the summary arrives with nothing linked, then the status moves to no_evidence with a timeline entry', async (t) => {
  const changes = refreshCommitmentStatus(snapshot({ summaryAvailable: true }), cause);
  const entry = changes.find((change) => change.kind === 'appendTimeline');
  t.equal(entry?.kind === 'appendTimeline' && entry.entry.status, 'no_evidence');
  t.match(entry?.kind === 'appendTimeline' ? entry.entry.summary : '', /pending → no_evidence/);
});

t.test('given the next year plan restates the task, then the commitment is carried over', async (t) => {
  const changes = refreshCommitmentStatus(snapshot({ nextYearPlanTexts: ['继续在全区56个社区建立社会工作点', '发展慈善事业'] }), cause);
  const status = changes.find((change) => change.kind === 'setCommitmentStatus');
  t.equal(status?.kind === 'setCommitmentStatus' && status.carriedOver, true);
  const unrelated = refreshCommitmentStatus(snapshot({ nextYearPlanTexts: ['发展慈善事业'] }), cause);
  const other = unrelated.find((change) => change.kind === 'setCommitmentStatus');
  t.equal(other?.kind === 'setCommitmentStatus' && other.carriedOver, false);
});

t.test('given no next-year plan texts asked for, then the stored carried-over flag is kept', async (t) => {
  const changes = refreshCommitmentStatus(snapshot({ commitment: row({ carriedOver: true }) }), cause);
  const status = changes.find((change) => change.kind === 'setCommitmentStatus');
  t.equal(status?.kind === 'setCommitmentStatus' && status.carriedOver, true);
});

t.test('given a withdrawal, then withdrawn wins over a reviewer assessment', async (t) => {
  const changes = refreshCommitmentStatus(
    snapshot({ commitment: row({ withdrawnReason: '机构调整', assessment: { status: 'achieved', rationale: '已完成' } }), summaryAvailable: true }),
    cause,
  );
  const status = changes.find((change) => change.kind === 'setCommitmentStatus');
  t.equal(status?.kind === 'setCommitmentStatus' && status.status, 'withdrawn');
});
