import t from 'tap';
import type { DomainEvent } from '../../../domain/events/catalog.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MatchingState, type MatchingGroup } from '../../../services/matching/matching-state.ts';
import { positionOf } from '../../../services/store/position.ts';

/** The due groups, each then marked matched, as the process does after proposing a group's links. */
function takeDueGroups(state: MatchingState): MatchingGroup[] {
  const due = state.dueGroups();
  for (const group of due) state.matched(group.key);
  return due;
}

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
  t.same(takeDueGroups(state), [], 'half-ingested documents are not matched');
  t.ok(state.apply(reportIngested(2025, 2026)));
  const [group] = takeDueGroups(state);
  t.equal(group?.year, 2025);
  t.same(group?.commitments.map((c) => c.commitmentId), ['c1']);
  t.same(group?.outcomes.map((o) => o.outcomeId), ['o1']);
  t.same(takeDueGroups(state), [], 'a matched group is no longer due');
});

t.test('given a group with one side only, then it is not matched', async (t) => {
  const state = new MatchingState();
  state.apply(commitmentRecorded('c1', 2026));
  state.apply(reportIngested(2025, 2026));
  t.same(takeDueGroups(state), []);
});

t.test('given a withdrawn commitment, then it is left out of its group; an amendment makes the group due again', async (t) => {
  const state = new MatchingState();
  state.apply(commitmentRecorded('c1', 2025));
  state.apply(commitmentRecorded('c2', 2025));
  state.apply(outcomeRecorded('o1', 2025));
  state.apply(reportIngested(2025, null));
  takeDueGroups(state);
  state.apply({ type: 'CommitmentWithdrawn', data: { commitmentId: 'c2', reason: 'dropped' } });
  t.ok(state.apply({ type: 'CommitmentAmended', data: { commitmentId: 'c1', text: '新建60个区域养老服务中心', targets: null, reason: 'typo' } }));
  const [group] = takeDueGroups(state);
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

t.test('given a due group not yet marked matched, then it is still due: a crash before marking repeats the proposals', async (t) => {
  const state = new MatchingState();
  state.apply(commitmentRecorded('c1', 2025));
  state.apply(outcomeRecorded('o1', 2025));
  state.apply(reportIngested(2025, null));
  t.equal(state.dueGroups().length, 1);
  t.equal(state.dueGroups().length, 1, 'reading the due groups does not clear them');
});

t.test('given a state file, then what was committed survives a restart and what was not is gone', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matching-state-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'matching.sqlite');
  const first = new MatchingState(file);
  t.equal(first.checkpoint(), null, 'a new state has seen nothing');
  first.apply(commitmentRecorded('c1', 2025));
  first.apply(outcomeRecorded('o1', 2025));
  first.apply({ type: 'EvidenceLinkProposed', data: { linkId: 'l1' } } as unknown as DomainEvent);
  first.commit({ position: positionOf(3n), stream: 'commitment-l1', revision: 1, eventId: 'e3' });
  first.apply(reportIngested(2025, null));
  first.close();

  const second = new MatchingState(file);
  t.equal(second.checkpoint(), positionOf(3n));
  t.same(second.checkpointMark(), { position: positionOf(3n), stream: 'commitment-l1', revision: 1, eventId: 'e3' }, 'with the identity of its event');
  t.ok(second.isKnownLink('l1'), 'links known before the checkpoint are still known');
  t.same(second.dueGroups(), [], 'the report read after the checkpoint was never committed');
  second.apply(reportIngested(2025, null));
  second.commit({ position: positionOf(4n), stream: 'report-2025', revision: 0, eventId: 'e4' });
  second.close();

  const third = new MatchingState(file);
  const [group] = third.dueGroups();
  t.same(group?.commitments.map((c) => c.commitmentId), ['c1']);
  t.same(group?.outcomes.map((o) => o.outcomeId), ['o1']);
  third.reset();
  t.equal(third.checkpoint(), null, 'reset forgets everything');
  t.same(third.dueGroups(), []);
  third.close();
});
