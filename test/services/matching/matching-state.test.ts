import t from 'tap';
import type { DomainEvent } from '../../../domain/events/catalog.ts';
import { MatchingState } from '../../../services/matching/matching-state.ts';

const ORG = '北京市人民政府';

function commitmentRecorded(commitmentId: string, planYear: number): DomainEvent {
  return {
    type: 'CommitmentRecorded',
    data: {
      commitmentId,
      reportId: 'r-plan',
      organisation: ORG,
      planYear,
      area: null,
      marker: null,
      text: '新建50个区域养老服务中心',
      normalisedText: '新建50个区域养老服务中心',
      span: [0, 13],
      targets: [],
      carriedOverKey: `k-${commitmentId}`,
    },
  };
}

function outcomeRecorded(outcomeId: string, summaryYear: number): DomainEvent {
  return {
    type: 'OutcomeRecorded',
    data: {
      outcomeId,
      reportId: 'r-summary',
      organisation: ORG,
      summaryYear,
      area: null,
      text: '新建50个区域养老服务中心',
      span: [0, 13],
      quantities: [],
      cue: 'done',
      aboutSummaryYear: true,
    },
  };
}

function reportIngested(summaryYear: number | null, planYear: number | null): DomainEvent {
  const part = (year: number) => ({ year, heading: null, headingSpan: null, span: [0, 1] as [number, number] });
  return {
    type: 'ReportIngested',
    data: {
      reportId: `r-${summaryYear}-${planYear}`,
      sha256: 'a'.repeat(64),
      text: '…',
      source: null,
      organisation: { name: ORG, evidence: ORG },
      publishedAt: null,
      title: null,
      summary: summaryYear === null ? null : { ...part(summaryYear), outcomeCount: 1 },
      plan: planYear === null ? null : { ...part(planYear), commitmentCount: 1 },
      readerVersion: 'reader-test',
    },
  };
}

t.test('given members recorded, a group is due only once a report touching it is complete', async (t) => {
  const state = new MatchingState();
  t.notOk(state.apply(commitmentRecorded('c1', 2025)), 'a commitment alone makes nothing due');
  t.notOk(state.apply(outcomeRecorded('o1', 2025)));
  t.same(state.takeDueGroups(), [], 'half-ingested documents are not matched');
  t.ok(state.apply(reportIngested(2025, 2026)));
  const [group] = state.takeDueGroups();
  t.equal(group?.year, 2025);
  t.same(group?.commitments.map((c) => c.commitmentId), ['c1']);
  t.same(group?.outcomes.map((o) => o.outcomeId), ['o1']);
  t.same(state.takeDueGroups(), [], 'taking the due groups clears them');
});

t.test('given a group with one side only, then it is not matched', async (t) => {
  const state = new MatchingState();
  state.apply(commitmentRecorded('c1', 2026));
  state.apply(reportIngested(2025, 2026));
  t.same(state.takeDueGroups(), []);
});

t.test('given a withdrawn commitment, then it is left out of its group; an amendment makes the group due again', async (t) => {
  const state = new MatchingState();
  state.apply(commitmentRecorded('c1', 2025));
  state.apply(commitmentRecorded('c2', 2025));
  state.apply(outcomeRecorded('o1', 2025));
  state.apply(reportIngested(2025, null));
  state.takeDueGroups();
  state.apply({ type: 'CommitmentWithdrawn', data: { commitmentId: 'c2', reason: 'dropped' } });
  t.ok(state.apply({ type: 'CommitmentAmended', data: { commitmentId: 'c1', text: '新建60个区域养老服务中心', targets: null, reason: 'typo' } }));
  const [group] = state.takeDueGroups();
  t.same(group?.commitments.map((c) => [c.commitmentId, c.text]), [['c1', '新建60个区域养老服务中心']]);
  t.ok(state.isWithdrawn('c2'));
});

t.test('given links proposed or rejected, then they are known', async (t) => {
  const state = new MatchingState();
  const link = { linkId: 'l1', commitmentId: 'c1', reason: 'wrong metric' };
  t.notOk(state.isKnownLink('l1'));
  state.apply({ type: 'EvidenceLinkRejected', data: link });
  t.ok(state.isKnownLink('l1'));
});
