/**
 * The status refresh: a commitment's rows in, its recomputed status out. Assembles the StatusInput the rules
 * expect, runs them, and writes only what changed, so a commitment's version moves only when a reader would
 * see a difference.
 */
import { computeStatus } from '../domain/status/compute-status.ts';
import { carriedOverTest, isCarriedOver } from '../domain/matching/carried-over.ts';
import type { RecordedTarget } from '../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../domain/events/outcome-events.ts';
import type { EvidenceState, StatusInput, StatusResult } from '../domain/status/status-result.ts';
import type { RowChange } from './row-changes.ts';
import type { CommitmentRow, EventEnvelope } from './rows.ts';

export interface CommitmentSnapshot {
  commitment: CommitmentRow;
  targets: readonly RecordedTarget[];
  /** The stored verdict of each target, by target id, so only the targets whose verdict moved are rewritten. */
  targetVerdicts?: ReadonlyMap<string, string>;
  evidence: ReadonlyArray<{ linkId: string; targetId: string | null; score: number; state: EvidenceState; outcome: OutcomeRecordedV1 }>;
  /** Whether a summary of (organisation, planYear) has been ingested. */
  summaryAvailable: boolean;
  /** The texts of the plan for planYear + 1 when carried-over must be re-checked; null keeps the current flag. */
  nextYearPlanTexts: readonly string[] | null;
  /**
   * `carriedOverTest(nextYearPlanTexts)` when the caller already built it (it answers as `isCarriedOver` against
   * those texts): one plan's terms are then computed once for many commitments.
   */
  nextYearPlanTest?: (commitmentText: string) => boolean;
  /** The stored verdict as JSON text, when the reader has it: compared as is, `commitment.reason` is not needed. */
  storedReasonJson?: string | null;
}

export function statusInputOf(snapshot: CommitmentSnapshot): StatusInput {
  const { commitment } = snapshot;
  return {
    planYear: commitment.planYear,
    // The spans of targets index the document, so the metric words are read from the text as the document gave it.
    commitment: { text: commitment.originalText ?? commitment.text, span: commitment.span },
    targets: snapshot.targets,
    withdrawn: commitment.withdrawnReason === null ? null : { reason: commitment.withdrawnReason },
    assessment: commitment.assessment,
    summaryAvailable: snapshot.summaryAvailable,
    evidence: snapshot.evidence,
  };
}

/** The row writes that bring one commitment's status up to date; empty when nothing changed. */
export function refreshCommitmentStatus(snapshot: CommitmentSnapshot, cause: EventEnvelope): RowChange[] {
  const { commitment } = snapshot;
  const result: StatusResult = computeStatus(statusInputOf(snapshot));
  const carriedOver =
    snapshot.nextYearPlanTexts === null
      ? commitment.carriedOver
      : snapshot.nextYearPlanTexts.length > 0 &&
        (snapshot.nextYearPlanTest === undefined
          ? isCarriedOver(commitment.text, snapshot.nextYearPlanTexts)
          : snapshot.nextYearPlanTest(commitment.text));
  const resultJson = JSON.stringify(result);
  const storedReason = snapshot.storedReasonJson !== undefined ? snapshot.storedReasonJson : commitment.reason === null ? null : JSON.stringify(commitment.reason);
  const unchanged =
    storedReason !== null &&
    commitment.status === result.status &&
    commitment.computedStatus === result.computedStatus &&
    commitment.carriedOver === carriedOver &&
    storedReason === resultJson;
  if (unchanged) return [];

  const changes: RowChange[] = [
    {
      kind: 'setCommitmentStatus',
      commitmentId: commitment.id,
      status: result.status,
      computedStatus: result.computedStatus,
      reason: result,
      reasonJson: resultJson,
      carriedOver,
      version: cause.position,
    },
    ...result.targets
      .filter((target) => snapshot.targetVerdicts?.get(target.targetId) !== targetVerdictKey(target.status, target.actual))
      .map((target): RowChange => ({ kind: 'setTargetStatus', targetId: target.targetId, status: target.status, actual: target.actual })),
  ];
  const statusMoved = commitment.status !== result.status || commitment.computedStatus !== result.computedStatus;
  if (statusMoved || commitment.carriedOver !== carriedOver) {
    changes.push({
      kind: 'appendTimeline',
      entry: {
        commitmentId: commitment.id,
        position: cause.position,
        kind: 'StatusChanged',
        recordedAt: cause.recordedAt,
        actor: cause.actor,
        summary: describeChange(commitment, result, carriedOver),
        status: result.status,
      },
    });
  }
  return changes;
}

/** A target's stored verdict as one comparable string: its status and its actual figure as stored. */
export function targetVerdictKey(status: string, actual: unknown): string {
  return `${status} ${actual === null ? 'null' : JSON.stringify(actual)}`;
}

function describeChange(before: CommitmentRow, after: StatusResult, carriedOver: boolean): string {
  const parts: string[] = [];
  if (before.status !== after.status) parts.push(`status ${before.status} → ${after.status}`);
  if (before.computedStatus !== after.computedStatus && after.computedStatus !== after.status) {
    parts.push(`computed ${before.computedStatus} → ${after.computedStatus}`);
  }
  if (before.carriedOver !== carriedOver) parts.push(carriedOver ? 'carried over into next year' : 'no longer carried over');
  if (parts.length === 0) parts.push(`status stays ${after.status}`);
  return `${parts.join('; ')} (${after.rule}: ${after.reason})`;
}

/**
 * When the plan of planYear + 1 changed: the commitments of planYear whose carried-over flag no longer holds.
 * Only these need a full refresh; the status of the others cannot have moved.
 */
export function commitmentsWithStaleCarriedOver(
  commitments: ReadonlyArray<{ id: string; text: string; carriedOver: boolean }>,
  nextYearPlanTexts: readonly string[],
  /** Answers as `isCarriedOver(commitment.text, nextYearPlanTexts)` when the caller can do it cheaper. */
  carriedOverNow?: (commitment: { id: string; text: string }) => boolean,
): string[] {
  if (commitments.length === 0) return [];
  let carriedOver = carriedOverNow;
  if (carriedOver === undefined) {
    const test = carriedOverTest(nextYearPlanTexts);
    carriedOver = (commitment) => test(commitment.text);
  }
  return commitments
    .filter((commitment) => (nextYearPlanTexts.length > 0 && carriedOver(commitment)) !== commitment.carriedOver)
    .map((commitment) => commitment.id);
}
