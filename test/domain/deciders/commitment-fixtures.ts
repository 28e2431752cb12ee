/** Hand-made commands and events for the commitment decider's specs. */
import type { RecordCommitment } from '../../../domain/commands/record-commitment.ts';
import { commitmentDecider, type CommitmentEvent, type LinkProposal } from '../../../domain/deciders/commitment-decider.ts';
import type { Target } from '../../../domain/reader/parsed-report.ts';
import { eventsOf } from './given-when-then.ts';

export const organisation = '深圳市龙华区民政局';

export const socialWorkTarget: Target = {
  text: '56个',
  span: [120, 123],
  min: 56,
  max: 56,
  unit: '个',
  comparator: 'at_least',
  direction: 'higher_better',
  object: '社区',
  multiYear: false,
};

export const recordCommitment: RecordCommitment = {
  type: 'RecordCommitment',
  reportId: 'a'.repeat(64),
  organisation,
  planYear: 2022,
  area: '(一)聚焦民生保障',
  marker: '一是',
  text: '在全区56个社区建立社会工作点。',
  span: [100, 130],
  targets: [socialWorkTarget],
};

/** The CommitmentRecorded event the decider produces for `recordCommitment`. */
export const commitmentRecorded = eventsOf(commitmentDecider.decide(recordCommitment, commitmentDecider.initialState))[0]!;
export const commitmentId = commitmentRecorded.type === 'CommitmentRecorded' ? commitmentRecorded.data.commitmentId : '';
export const targetId = `${commitmentId}.t0`;

export const matcherV1 = { name: 'term-overlap', version: '1.0.0' };
export const matcherV2 = { name: 'term-overlap', version: '2.0.0' };

export const outcomeFacts = { outcomeId: 'outcome-1', organisation, summaryYear: 2022 };

export function proposal(overrides: Partial<LinkProposal> = {}): LinkProposal {
  return {
    type: 'ProposeEvidenceLink',
    commitmentId,
    outcomeId: outcomeFacts.outcomeId,
    targetId: null,
    score: 0.8,
    method: matcherV1,
    matchedTerms: ['社会工作点'],
    outcome: outcomeFacts,
    ...overrides,
  };
}

export function linkProposed(overrides: Partial<LinkProposal> = {}): CommitmentEvent {
  return eventsOf(commitmentDecider.decide(proposal(overrides), commitmentDecider.evolve(commitmentDecider.initialState, commitmentRecorded)))[0]!;
}

export const withdrawn: CommitmentEvent = { type: 'CommitmentWithdrawn', data: { commitmentId, reason: 'merged into another task' } };
