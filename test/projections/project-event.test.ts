import t from 'tap';
import { projectEvent } from '../../projections/project-event.ts';
import type { EventEnvelope } from '../../projections/rows.ts';
import { commitmentRecorded, linkProposed, outcomeRecorded, readerActor, reportIngested, reviewerActor, target } from './ledger-fixtures.ts';

const at = (position: string, actor = readerActor): EventEnvelope => ({ position, recordedAt: '2026-01-02T03:04:05.000Z', actor });

t.test('given a commitment is recorded, then it is a pending row with its targets, a timeline entry and a carried-over check', async (t) => {
  const event = commitmentRecorded('c1', 2022, '在全区56个社区建立社会工作点', { targets: [target('c1', 0)] });
  const { changes, refreshes } = projectEvent(event, at('0000000000000005.0000000000000005'));
  const put = changes.find((change) => change.kind === 'putCommitment');
  t.ok(put && put.kind === 'putCommitment');
  if (put?.kind !== 'putCommitment') return;
  t.equal(put.commitment.status, 'pending');
  t.equal(put.commitment.version, '0000000000000005.0000000000000005');
  t.equal(put.commitment.planYear, 2022);
  const targets = changes.find((change) => change.kind === 'replaceTargets');
  t.same(targets?.kind === 'replaceTargets' ? targets.targets.map((row) => [row.targetId, row.index, row.status]) : null, [['c1.t0', 0, 'pending']]);
  t.ok(changes.some((change) => change.kind === 'appendTimeline' && change.entry.kind === 'CommitmentRecorded'));
  t.same(refreshes, [{ scope: 'commitment', commitmentId: 'c1', carriedOver: true }]);
});

t.test('given a report with a summary of 2022 and a plan for 2023, then both parts are rows and both neighbouring plan years are refreshed', async (t) => {
  const { changes, refreshes } = projectEvent(reportIngested('r1', { summaryYear: 2022, planYear: 2023 }), at('0000000000000009.0000000000000009'));
  t.same(
    changes.filter((change) => change.kind === 'putReportPart').map((change) => change.kind === 'putReportPart' && [change.part.part, change.part.year]),
    [['summary', 2022], ['plan', 2023]],
  );
  t.ok(changes.some((change) => change.kind === 'putOrganisation'));
  t.same(refreshes, [
    { scope: 'planYear', organisation: '深圳市龙华区民政局', planYear: 2022 },
    { scope: 'carriedOver', organisation: '深圳市龙华区民政局', planYear: 2022 },
  ]);
});

t.test('given a summary-only report, then no carried-over check is asked for', async (t) => {
  const { refreshes } = projectEvent(reportIngested('r2', { summaryYear: 2017 }), at('0000000000000001.0000000000000001'));
  t.same(refreshes.map((refresh) => refresh.scope), ['planYear']);
});

t.test('given an evidence link is proposed, then the evidence row is proposed and the commitment moves to that position', async (t) => {
  const { changes, refreshes } = projectEvent(linkProposed('l1', 'c1', 'o1', 2022), at('000000000000000a.000000000000000a'));
  const evidence = changes.find((change) => change.kind === 'putEvidence');
  t.equal(evidence?.kind === 'putEvidence' && evidence.evidence.state, 'proposed');
  t.ok(changes.some((change) => change.kind === 'touchCommitment' && change.version === '000000000000000a.000000000000000a'));
  t.same(refreshes, [{ scope: 'commitment', commitmentId: 'c1', carriedOver: false }]);
});

t.test('given a link is rejected by a reviewer, then its state and the reason are recorded, by that reviewer', async (t) => {
  const { changes } = projectEvent(
    { type: 'EvidenceLinkRejected', data: { linkId: 'l1', commitmentId: 'c1', reason: '不同指标' } },
    at('000000000000000b.000000000000000b', reviewerActor),
  );
  t.ok(changes.some((change) => change.kind === 'setEvidenceState' && change.state === 'rejected' && change.stateReason === '不同指标'));
  const entry = changes.find((change) => change.kind === 'appendTimeline');
  t.equal(entry?.kind === 'appendTimeline' && entry.entry.actor.id, 'auditor-1');
});

t.test('given an amendment of the text only, then the text is corrected, targets stay and carried-over is re-checked', async (t) => {
  const { changes, refreshes } = projectEvent(
    { type: 'CommitmentAmended', data: { commitmentId: 'c1', text: '新文本', targets: null, reason: '录入错误' } },
    at('000000000000000c.000000000000000c', reviewerActor),
  );
  t.ok(changes.some((change) => change.kind === 'amendCommitmentText' && change.text === '新文本'));
  t.notOk(changes.some((change) => change.kind === 'replaceTargets'));
  t.same(refreshes, [{ scope: 'commitment', commitmentId: 'c1', carriedOver: true }]);
});

t.test('given an outcome is recorded, then it is stored and commitments already linked to it are refreshed', async (t) => {
  const { changes, refreshes } = projectEvent(outcomeRecorded('o1', 2022, '建立社会工作点56个'), at('000000000000000d.000000000000000d'));
  t.equal(changes[0]?.kind, 'putOutcome');
  t.same(refreshes, [{ scope: 'outcome', outcomeId: 'o1' }]);
});
