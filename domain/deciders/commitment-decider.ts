/**
 * The commitment stream (`commitment-<id>`): the commitment as recorded, and everything that happens to it
 * afterwards — evidence links, reviews of them, assessments, amendments and withdrawal.
 */
import type { AmendCommitment } from '../commands/commitment-review-commands.ts';
import type { ProposeEvidenceLink } from '../commands/evidence-link-commands.ts';
import type { CommitmentCommand } from '../commands/ledger-command.ts';
import { commitmentIdOf, type RecordCommitment } from '../commands/record-commitment.ts';
import type { EventOfType } from '../events/catalog.ts';
import type {
  CommitmentAmendedV1,
  CommitmentRecordedV2,
  CommitmentStatus,
  RecordedTarget,
} from '../events/commitment-events.ts';
import { carriedOverKeyFor, evidenceLinkIdFor, normaliseCommitmentText, targetIdFor } from '../ids.ts';
import { canonicalJson } from '../integrity/canonical-json.ts';
import { accept, reject, unchanged, type Decider, type Decision } from './decider.ts';
import { decisionError } from './decision-error.ts';
import type { OutcomeFacts } from './outcome-decider.ts';

export type CommitmentEvent = EventOfType<
  | 'CommitmentRecorded'
  | 'EvidenceLinkProposed'
  | 'EvidenceLinkConfirmed'
  | 'EvidenceLinkRejected'
  | 'CommitmentAssessed'
  | 'CommitmentAmended'
  | 'CommitmentWithdrawn'
>;

/** A link proposal, with what the outcome's own stream says about the outcome (null: no such outcome). */
export type LinkProposal = ProposeEvidenceLink & { outcome: OutcomeFacts | null };

export type CommitmentDeciderCommand = Exclude<CommitmentCommand, { type: 'ProposeEvidenceLink' }> | LinkProposal;

export interface EvidenceLinkState {
  linkId: string;
  outcomeId: string;
  targetId: string | null;
  score: number;
  /** The method of the latest proposal. */
  method: { name: string; version: string };
  state: 'proposed' | 'confirmed' | 'rejected';
  /** `name@version` of each method whose proposal a reviewer rejected: those never propose this link again. */
  rejectedMethods: string[];
}

export interface RecordedCommitmentState {
  recorded: true;
  /** The commitment exactly as first recorded; amendments never overwrite it. */
  original: CommitmentRecordedV2;
  /** Text and targets after the latest amendment. */
  text: string;
  targets: RecordedTarget[];
  amendments: CommitmentAmendedV1[];
  withdrawal: { reason: string } | null;
  assessment: { status: CommitmentStatus; rationale: string } | null;
  links: Readonly<Record<string, EvidenceLinkState>>;
}

export type CommitmentState = { recorded: false } | RecordedCommitmentState;

const methodKey = (method: { name: string; version: string }): string => `${method.name}@${method.version}`;

function evolveRecorded(state: RecordedCommitmentState, event: CommitmentEvent): RecordedCommitmentState {
  switch (event.type) {
    case 'CommitmentRecorded':
      return state;
    case 'EvidenceLinkProposed': {
      const { linkId, outcomeId, targetId, score, method } = event.data;
      const previous = state.links[linkId];
      const link: EvidenceLinkState = {
        linkId,
        outcomeId,
        targetId,
        score,
        method,
        state: 'proposed',
        rejectedMethods: previous?.rejectedMethods ?? [],
      };
      return { ...state, links: { ...state.links, [linkId]: link } };
    }
    case 'EvidenceLinkConfirmed':
    case 'EvidenceLinkRejected': {
      const link = state.links[event.data.linkId];
      if (link === undefined) return state;
      const rejected = event.type === 'EvidenceLinkRejected';
      const reviewed: EvidenceLinkState = {
        ...link,
        state: rejected ? 'rejected' : 'confirmed',
        rejectedMethods:
          rejected && !link.rejectedMethods.includes(methodKey(link.method))
            ? [...link.rejectedMethods, methodKey(link.method)]
            : link.rejectedMethods,
      };
      return { ...state, links: { ...state.links, [link.linkId]: reviewed } };
    }
    case 'CommitmentAssessed':
      return { ...state, assessment: { status: event.data.status, rationale: event.data.rationale } };
    case 'CommitmentAmended':
      return {
        ...state,
        text: event.data.text ?? state.text,
        targets: event.data.targets ?? state.targets,
        amendments: [...state.amendments, event.data],
      };
    case 'CommitmentWithdrawn':
      return { ...state, withdrawal: { reason: event.data.reason } };
    default:
      // Another stream's event type cannot change a commitment.
      return state;
  }
}

function evolve(state: CommitmentState, event: CommitmentEvent): CommitmentState {
  if (state.recorded) return evolveRecorded(state, event);
  if (event.type !== 'CommitmentRecorded') return state;
  return {
    recorded: true,
    original: event.data,
    text: event.data.text,
    targets: event.data.targets,
    amendments: [],
    withdrawal: null,
    assessment: null,
    links: {},
  };
}

function recordCommitment(command: RecordCommitment): Decision<CommitmentEvent> {
  const commitmentId = commitmentIdOf(command);
  const normalisedText = normaliseCommitmentText(command.text);
  return accept({
    type: 'CommitmentRecorded',
    data: {
      commitmentId,
      reportId: command.reportId,
      organisation: command.organisation,
      planYear: command.planYear,
      area: command.area,
      marker: command.marker,
      text: command.text,
      normalisedText,
      span: command.span,
      targets: command.targets.map((target, index) => ({ ...target, targetId: targetIdFor(commitmentId, index) })),
      carriedOverKey: carriedOverKeyFor({ organisation: command.organisation, normalisedText }),
    },
  });
}

function proposeLink(command: LinkProposal, state: RecordedCommitmentState): Decision<CommitmentEvent> {
  const { commitmentId, organisation, planYear } = state.original;
  const outcome = command.outcome;
  if (outcome === null) return reject(decisionError('unknown_outcome', `no outcome ${command.outcomeId} is recorded`));
  if (outcome.organisation !== organisation) {
    return reject(
      decisionError('organisation_mismatch', `outcome of ${outcome.organisation} cannot be evidence for a commitment of ${organisation}`),
    );
  }
  if (outcome.summaryYear !== planYear) {
    return reject(
      decisionError('year_mismatch', `an outcome of the ${outcome.summaryYear} summary cannot be evidence for the ${planYear} plan`),
    );
  }
  if (command.targetId !== null && !state.targets.some((target) => target.targetId === command.targetId)) {
    return reject(decisionError('unknown_target', `commitment ${commitmentId} has no target ${command.targetId}`));
  }
  const linkId = evidenceLinkIdFor({ commitmentId, outcomeId: outcome.outcomeId, targetId: command.targetId });
  const existing = state.links[linkId];
  if (existing !== undefined && (existing.state !== 'rejected' || existing.rejectedMethods.includes(methodKey(command.method)))) {
    return unchanged();
  }
  return accept({
    type: 'EvidenceLinkProposed',
    data: {
      linkId,
      commitmentId,
      outcomeId: outcome.outcomeId,
      targetId: command.targetId,
      organisation,
      year: planYear,
      score: command.score,
      method: command.method,
      matchedTerms: command.matchedTerms,
    },
  });
}

const withoutId = ({ targetId: _id, ...target }: { targetId?: string | undefined } & Record<string, unknown>) => target;

function amend(command: AmendCommitment, state: RecordedCommitmentState): Decision<CommitmentEvent> {
  const { commitmentId } = state.original;
  let targets: RecordedTarget[] | null = null;
  if (command.targets !== null) {
    const known = new Set(state.targets.map((target) => target.targetId));
    const seen = new Set<string>();
    for (const target of command.targets) {
      if (target.targetId === undefined) continue;
      if (!known.has(target.targetId)) return reject(decisionError('unknown_target', `commitment ${commitmentId} has no target ${target.targetId}`));
      if (seen.has(target.targetId)) return reject(decisionError('duplicate_target_id', `target ${target.targetId} is given twice`));
      seen.add(target.targetId);
    }
    const amendmentNumber = state.amendments.length + 1;
    targets = command.targets.map((target, index) => ({
      ...target,
      targetId: target.targetId ?? targetIdFor(`${commitmentId}.a${amendmentNumber}`, index),
    }));
  }
  const textUnchanged = command.text === null || command.text === state.text;
  // A target given without an id matches the current target at its place by content, so a retried amendment is a no-op.
  const targetsUnchanged =
    command.targets === null ||
    (command.targets.length === state.targets.length &&
      command.targets.every((target, index) => {
        const current = state.targets[index];
        return (
          current !== undefined &&
          (target.targetId === undefined || target.targetId === current.targetId) &&
          canonicalJson(withoutId(target)) === canonicalJson(withoutId(current))
        );
      }));
  if (textUnchanged && targetsUnchanged) return unchanged();
  return accept({
    type: 'CommitmentAmended',
    data: {
      commitmentId,
      text: textUnchanged ? null : command.text,
      targets: targetsUnchanged ? null : targets,
      reason: command.reason,
    },
  });
}

function decide(command: CommitmentDeciderCommand, state: CommitmentState): Decision<CommitmentEvent> {
  if (command.type === 'RecordCommitment') return state.recorded ? unchanged() : recordCommitment(command);
  if (!state.recorded) return reject(decisionError('unknown_commitment', `no commitment ${command.commitmentId} is recorded`));
  const { commitmentId } = state.original;
  const withdrawn = (): Decision<CommitmentEvent> =>
    reject(decisionError('commitment_withdrawn', `commitment ${commitmentId} was withdrawn: ${state.withdrawal?.reason ?? ''}`));
  switch (command.type) {
    case 'ProposeEvidenceLink':
      return state.withdrawal !== null ? withdrawn() : proposeLink(command, state);
    case 'ConfirmEvidenceLink':
    case 'RejectEvidenceLink': {
      const link = state.links[command.linkId];
      if (link === undefined) return reject(decisionError('unknown_link', `commitment ${commitmentId} has no evidence link ${command.linkId}`));
      if (command.type === 'ConfirmEvidenceLink') {
        if (state.withdrawal !== null) return withdrawn();
        if (link.state === 'confirmed') return unchanged();
        return accept({ type: 'EvidenceLinkConfirmed', data: { linkId: link.linkId, commitmentId, reason: command.reason } });
      }
      // Rejecting stays possible after withdrawal: it only removes evidence, it never links.
      if (link.state === 'rejected') return unchanged();
      return accept({ type: 'EvidenceLinkRejected', data: { linkId: link.linkId, commitmentId, reason: command.reason } });
    }
    case 'AssessCommitment': {
      if (state.withdrawal !== null) return withdrawn();
      if (state.assessment?.status === command.status && state.assessment.rationale === command.rationale) return unchanged();
      return accept({ type: 'CommitmentAssessed', data: { commitmentId, status: command.status, rationale: command.rationale } });
    }
    case 'AmendCommitment':
      return state.withdrawal !== null ? withdrawn() : amend(command, state);
    case 'WithdrawCommitment':
      if (state.withdrawal !== null) return unchanged();
      return accept({ type: 'CommitmentWithdrawn', data: { commitmentId, reason: command.reason } });
  }
}

export const commitmentDecider: Decider<CommitmentDeciderCommand, CommitmentEvent, CommitmentState> = {
  initialState: { recorded: false },
  evolve,
  decide,
};
