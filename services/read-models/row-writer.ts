/**
 * Applies the projections' row changes to the read-model database with prepared statements. Every write is
 * an idempotent upsert keyed by the row's identity, so the same change applied twice leaves the same rows.
 */
import type { RowChange } from '../../projections/row-changes.ts';
import type { ScorecardRow } from '../../projections/rows.ts';
import type { LogMark } from '../store/log-mark.ts';
import type { ReadModelDb } from './schema.ts';

export interface RowWriter {
  apply(change: RowChange): void;
  replaceScorecard(organisation: string, year: number, rows: readonly ScorecardRow[]): void;
  writeCheckpoint(mark: LogMark): void;
}

export const PROJECTOR_CHECKPOINT = 'read-models';

export function createRowWriter(db: ReadModelDb): RowWriter {
  const statements = {
    putReport: db.prepare(
      `INSERT INTO reports (id, sha256, organisation, organisation_evidence, title, published_at, source, reader_version, text_length, recorded_at, version)
       VALUES (@id, @sha256, @organisation, @organisationEvidence, @title, @publishedAt, @source, @readerVersion, @textLength, @recordedAt, @version)
       ON CONFLICT (id) DO NOTHING`,
    ),
    putReportPart: db.prepare(
      `INSERT INTO report_parts (report_id, part, organisation, year, heading, heading_span, span, item_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id, part) DO NOTHING`,
    ),
    putOrganisation: db.prepare(`INSERT INTO organisations (name, first_seen_position) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`),
    putCommitment: db.prepare(
      `INSERT INTO commitments (id, organisation, plan_year, area, marker, text, original_text, normalised_text, report_id,
         span_start, span_end, withdrawn_reason, assessment, status, computed_status, reason, carried_over, version, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ),
    deleteTargets: db.prepare(`DELETE FROM targets WHERE commitment_id = ?`),
    putTarget: db.prepare(
      `INSERT INTO targets (target_id, commitment_id, idx, data, status, actual) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (target_id) DO UPDATE SET commitment_id = excluded.commitment_id, idx = excluded.idx, data = excluded.data,
         status = excluded.status, actual = excluded.actual`,
    ),
    amendText: db.prepare(`UPDATE commitments SET original_text = COALESCE(original_text, text), text = ? WHERE id = ?`),
    withdraw: db.prepare(`UPDATE commitments SET withdrawn_reason = ? WHERE id = ?`),
    assess: db.prepare(`UPDATE commitments SET assessment = ? WHERE id = ?`),
    touch: db.prepare(`UPDATE commitments SET version = ? WHERE id = ?`),
    recordChange: db.prepare(
      `INSERT INTO changes (position, commitment_id, status) SELECT version, id, status FROM commitments WHERE id = ?
       ON CONFLICT (position, commitment_id) DO UPDATE SET status = excluded.status`,
    ),
    setStatus: db.prepare(`UPDATE commitments SET status = ?, computed_status = ?, reason = ?, carried_over = ?, version = ? WHERE id = ?`),
    setTargetStatus: db.prepare(`UPDATE targets SET status = ?, actual = ? WHERE target_id = ?`),
    putOutcome: db.prepare(
      `INSERT INTO outcomes (id, report_id, organisation, summary_year, area, data, version) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    putEvidence: db.prepare(
      `INSERT INTO evidence (link_id, commitment_id, outcome_id, target_id, score, method_name, method_version, matched_terms, state, state_reason, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (link_id) DO NOTHING`,
    ),
    setEvidenceState: db.prepare(`UPDATE evidence SET state = ?, state_reason = ?, version = ? WHERE link_id = ?`),
    appendTimeline: db.prepare(
      `INSERT INTO timeline (commitment_id, position, kind, recorded_at, actor, summary, status) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (commitment_id, position, kind) DO UPDATE SET summary = summary || '; ' || excluded.summary, status = excluded.status`,
    ),
    deleteScorecard: db.prepare(`DELETE FROM scorecards WHERE organisation = ? AND year = ?`),
    putScorecard: db.prepare(
      `INSERT INTO scorecards (organisation, year, area, counts, total, assessable, follow_through_rate) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    checkpoint: db.prepare(
      `INSERT INTO checkpoint (name, position, stream, revision, event_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, stream = excluded.stream, revision = excluded.revision,
         event_id = excluded.event_id`,
    ),
  };

  function apply(change: RowChange): void {
    switch (change.kind) {
      case 'putReport':
        statements.putReport.run(change.report);
        return;
      case 'putReportPart': {
        const p = change.part;
        statements.putReportPart.run(
          p.reportId, p.part, p.organisation, p.year, p.heading, json(p.headingSpan), JSON.stringify(p.span), p.itemCount,
        );
        return;
      }
      case 'putOrganisation':
        statements.putOrganisation.run(change.organisation.name, change.organisation.firstSeenPosition);
        return;
      case 'putCommitment': {
        const c = change.commitment;
        statements.putCommitment.run(
          c.id, c.organisation, c.planYear, c.area, c.marker, c.text, c.originalText, c.normalisedText, c.reportId,
          c.span[0], c.span[1], c.withdrawnReason, json(c.assessment), c.status, c.computedStatus, json(c.reason),
          c.carriedOver ? 1 : 0, c.version, c.recordedAt,
        );
        statements.recordChange.run(c.id);
        return;
      }
      case 'replaceTargets':
        statements.deleteTargets.run(change.commitmentId);
        for (const t of change.targets) {
          statements.putTarget.run(t.targetId, t.commitmentId, t.index, JSON.stringify(t.target), t.status, json(t.actual));
        }
        return;
      case 'amendCommitmentText':
        statements.amendText.run(change.text, change.commitmentId);
        return;
      case 'withdrawCommitment':
        statements.withdraw.run(change.reason, change.commitmentId);
        return;
      case 'assessCommitment':
        statements.assess.run(JSON.stringify(change.assessment), change.commitmentId);
        return;
      case 'touchCommitment':
        statements.touch.run(change.version, change.commitmentId);
        statements.recordChange.run(change.commitmentId);
        return;
      case 'setCommitmentStatus':
        statements.setStatus.run(
          change.status, change.computedStatus, change.reasonJson, change.carriedOver ? 1 : 0, change.version, change.commitmentId,
        );
        statements.recordChange.run(change.commitmentId);
        return;
      case 'setTargetStatus':
        statements.setTargetStatus.run(change.status, json(change.actual), change.targetId);
        return;
      case 'putOutcome': {
        const o = change.outcome.outcome;
        statements.putOutcome.run(o.outcomeId, o.reportId, o.organisation, o.summaryYear, o.area, JSON.stringify(o), change.outcome.version);
        return;
      }
      case 'putEvidence': {
        const e = change.evidence;
        statements.putEvidence.run(
          e.linkId, e.commitmentId, e.outcomeId, e.targetId, e.score, e.methodName, e.methodVersion,
          JSON.stringify(e.matchedTerms), e.state, e.stateReason, e.version,
        );
        return;
      }
      case 'setEvidenceState':
        statements.setEvidenceState.run(change.state, change.stateReason, change.version, change.linkId);
        return;
      case 'appendTimeline': {
        const e = change.entry;
        statements.appendTimeline.run(e.commitmentId, e.position, e.kind, e.recordedAt, JSON.stringify(e.actor), e.summary, e.status);
        return;
      }
    }
  }

  return {
    apply,
    replaceScorecard(organisation, year, rows) {
      statements.deleteScorecard.run(organisation, year);
      for (const row of rows) {
        statements.putScorecard.run(
          row.organisation, row.year, row.area, JSON.stringify(row.counts), row.total, row.assessable, row.followThroughRate,
        );
      }
    },
    writeCheckpoint(mark) {
      statements.checkpoint.run(PROJECTOR_CHECKPOINT, mark.position, mark.stream, mark.revision, mark.eventId);
    },
  };
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
