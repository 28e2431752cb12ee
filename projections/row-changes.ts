/**
 * What a projection asks of the read models: plain data describing row writes, applied in order by the
 * SQLite writer (services/read-models/row-writer.ts), plus the status refreshes the event makes necessary.
 */
import type { EvidenceState } from '../domain/status/status-result.ts';
import type {
  CommitmentRow,
  EvidenceRow,
  OrganisationRow,
  OutcomeRow,
  ReportPartRow,
  ReportRow,
  TargetRow,
  TimelineRow,
} from './rows.ts';

export type RowChange =
  | { kind: 'putReport'; report: ReportRow }
  | { kind: 'putReportPart'; part: ReportPartRow }
  /** Inserted once; a later report of the same organisation leaves the first position in place. */
  | { kind: 'putOrganisation'; organisation: OrganisationRow }
  | { kind: 'putCommitment'; commitment: CommitmentRow }
  | { kind: 'replaceTargets'; commitmentId: string; targets: TargetRow[] }
  /** Corrects the text and keeps the first recorded one as the original. */
  | { kind: 'amendCommitmentText'; commitmentId: string; text: string }
  | { kind: 'withdrawCommitment'; commitmentId: string; reason: string }
  | { kind: 'assessCommitment'; commitmentId: string; assessment: NonNullable<CommitmentRow['assessment']> }
  /** The commitment's visible state changed at this position (its ETag and the changes feed move). */
  | { kind: 'touchCommitment'; commitmentId: string; version: string }
  | {
      kind: 'setCommitmentStatus';
      commitmentId: string;
      status: CommitmentRow['status'];
      computedStatus: CommitmentRow['computedStatus'];
      reason: NonNullable<CommitmentRow['reason']>;
      /** `JSON.stringify(reason)`, as stored: the refresh has it already from comparing with the stored verdict. */
      reasonJson: string;
      carriedOver: boolean;
      /** The position of the event that caused the change: the commitment's new version. */
      version: string;
    }
  | { kind: 'setTargetStatus'; targetId: string; status: TargetRow['status']; actual: TargetRow['actual'] }
  | { kind: 'putOutcome'; outcome: OutcomeRow }
  | { kind: 'putEvidence'; evidence: EvidenceRow }
  | { kind: 'setEvidenceState'; linkId: string; state: EvidenceState; stateReason: string; version: string }
  | { kind: 'appendTimeline'; entry: TimelineRow };

/** Commitments whose status must be recomputed after an event's rows are written. */
export type StatusRefresh =
  /** One commitment; `carriedOver` also re-checks it against next year's plan. */
  | { scope: 'commitment'; commitmentId: string; carriedOver: boolean }
  /** Every commitment linked to an outcome. */
  | { scope: 'outcome'; outcomeId: string }
  /** Every commitment of (organisation, planYear): a summary of that year arrived. */
  | { scope: 'planYear'; organisation: string; planYear: number }
  /** Every commitment of (organisation, planYear) re-checked against the plan of planYear + 1, which changed. */
  | { scope: 'carriedOver'; organisation: string; planYear: number };

export interface Projection {
  changes: RowChange[];
  refreshes: StatusRefresh[];
}
