/**
 * Reads back what the status refresh needs (a commitment with its targets, evidence and outcomes) and which
 * commitments a refresh scope covers.
 */
import type { CommitmentStatus, RecordedTarget } from '../../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../../domain/events/outcome-events.ts';
import type { EvidenceState } from '../../domain/status/status-result.ts';
import type { CommitmentSnapshot } from '../../projections/refresh-status.ts';
import type { CommitmentRow } from '../../projections/rows.ts';
import type { ReadModelDb } from './schema.ts';

export interface CommitmentRecord {
  id: string;
  organisation: string;
  plan_year: number;
  area: string | null;
  marker: string | null;
  text: string;
  original_text: string | null;
  normalised_text: string;
  report_id: string;
  span_start: number;
  span_end: number;
  withdrawn_reason: string | null;
  assessment: string | null;
  status: string;
  computed_status: string;
  reason: string | null;
  carried_over: number;
  version: string;
  recorded_at: string;
}

export function commitmentRowOf(record: CommitmentRecord, parseReason = true): CommitmentRow {
  return {
    id: record.id,
    organisation: record.organisation,
    planYear: record.plan_year,
    area: record.area,
    marker: record.marker,
    text: record.text,
    originalText: record.original_text,
    normalisedText: record.normalised_text,
    reportId: record.report_id,
    span: [record.span_start, record.span_end],
    withdrawnReason: record.withdrawn_reason,
    assessment: record.assessment === null ? null : (JSON.parse(record.assessment) as CommitmentRow['assessment']),
    status: record.status as CommitmentStatus,
    computedStatus: record.computed_status as CommitmentStatus,
    reason: record.reason === null || !parseReason ? null : (JSON.parse(record.reason) as CommitmentRow['reason']),
    carriedOver: record.carried_over === 1,
    version: record.version,
    recordedAt: record.recorded_at,
  };
}

export interface RowReader {
  snapshot(commitmentId: string, withNextYearPlan: boolean): CommitmentSnapshot | null;
  commitmentIdsOf(organisation: string, planYear: number): string[];
  planTextsOf(organisation: string, planYear: number): string[];
  carriedOverFlagsOf(organisation: string, planYear: number): Array<{ id: string; text: string; carriedOver: boolean }>;
  commitmentIdsLinkedTo(outcomeId: string): string[];
  areaStatusesOf(organisation: string, planYear: number): Array<{ area: string | null; status: CommitmentStatus }>;
}

export function createRowReader(db: ReadModelDb): RowReader {
  const statements = {
    commitment: db.prepare(
      `SELECT c.*, EXISTS (SELECT 1 FROM report_parts p WHERE p.organisation = c.organisation AND p.part = 'summary' AND p.year = c.plan_year)
         AS summary_available
       FROM commitments c WHERE c.id = ?`,
    ),
    targets: db.prepare(`SELECT target_id AS targetId, data, status, actual FROM targets WHERE commitment_id = ? ORDER BY idx`),
    evidence: db.prepare(
      `SELECT e.link_id AS linkId, e.target_id AS targetId, e.score, e.state, o.data AS outcome
       FROM evidence e JOIN outcomes o ON o.id = e.outcome_id WHERE e.commitment_id = ? ORDER BY e.link_id`,
    ),
    planTexts: db.prepare(`SELECT text FROM commitments WHERE organisation = ? AND plan_year = ? ORDER BY span_start, id`).pluck(),
    idsOf: db.prepare(`SELECT id FROM commitments WHERE organisation = ? AND plan_year = ? ORDER BY span_start, id`).pluck(),
    linkedTo: db.prepare(`SELECT DISTINCT commitment_id FROM evidence WHERE outcome_id = ? ORDER BY commitment_id`).pluck(),
    carriedOverFlags: db.prepare(`SELECT id, text, carried_over AS carriedOver FROM commitments WHERE organisation = ? AND plan_year = ? ORDER BY span_start, id`),
    areaStatuses: db.prepare(`SELECT area, status FROM commitments WHERE organisation = ? AND plan_year = ?`),
  };
  return {
    snapshot(commitmentId, withNextYearPlan) {
      const record = statements.commitment.get(commitmentId) as (CommitmentRecord & { summary_available: number }) | undefined;
      if (record === undefined) return null;
      // The refresh compares verdicts as JSON text: the stored one need not be parsed.
      const commitment = commitmentRowOf(record, false);
      const targetRows = statements.targets.all(commitmentId) as Array<{ targetId: string; data: string; status: string; actual: string | null }>;
      const targets = targetRows.map((row) => JSON.parse(row.data) as RecordedTarget);
      const targetVerdicts = new Map(targetRows.map((row) => [row.targetId, `${row.status} ${row.actual ?? 'null'}`]));
      const evidence = (
        statements.evidence.all(commitmentId) as Array<{ linkId: string; targetId: string | null; score: number; state: string; outcome: string }>
      ).map((row) => ({
        linkId: row.linkId,
        targetId: row.targetId,
        score: row.score,
        state: row.state as EvidenceState,
        outcome: JSON.parse(row.outcome) as OutcomeRecordedV1,
      }));
      return {
        commitment,
        storedReasonJson: record.reason,
        targets,
        targetVerdicts,
        evidence,
        summaryAvailable: record.summary_available === 1,
        nextYearPlanTexts: withNextYearPlan
          ? (statements.planTexts.all(commitment.organisation, commitment.planYear + 1) as string[])
          : null,
      };
    },
    commitmentIdsOf: (organisation, planYear) => statements.idsOf.all(organisation, planYear) as string[],
    planTextsOf: (organisation, planYear) => statements.planTexts.all(organisation, planYear) as string[],
    carriedOverFlagsOf: (organisation, planYear) =>
      (statements.carriedOverFlags.all(organisation, planYear) as Array<{ id: string; text: string; carriedOver: number }>).map((row) => ({
        ...row,
        carriedOver: row.carriedOver === 1,
      })),
    commitmentIdsLinkedTo: (outcomeId) => statements.linkedTo.all(outcomeId) as string[],
    areaStatusesOf: (organisation, planYear) =>
      statements.areaStatuses.all(organisation, planYear) as Array<{ area: string | null; status: CommitmentStatus }>,
  };
}
