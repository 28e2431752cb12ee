/**
 * Commitments as readers see them: filtered, in a stable order (organisation, plan year, place in the plan),
 * paged with an opaque cursor, each with its targets and evidence.
 */
import { z } from 'zod';
import type { Span } from '../../domain/reader/parsed-report.ts';
import type { CommitmentStatus, RecordedTarget } from '../../domain/events/commitment-events.ts';
import type { EvidenceState } from '../../domain/status/status-result.ts';
import type { CommitmentRow, TimelineRow } from '../../projections/rows.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { prepared } from './statement-cache.ts';
import { commitmentRowOf, type CommitmentRecord } from './row-reader.ts';
import type { ReadModelDb } from './schema.ts';

export interface TargetView {
  targetId: string;
  text: string;
  min: number;
  max: number;
  unit: string;
  comparator: RecordedTarget['comparator'];
  direction: RecordedTarget['direction'];
  object: string | null;
  multiYear: boolean;
  span: Span;
  status: CommitmentStatus;
  actual: { value: number; unit: string; text: string; span: Span } | null;
}

export interface EvidenceView {
  linkId: string;
  outcomeId: string;
  targetId: string | null;
  outcomeText: string;
  /** The outcome's span in its report. */
  span: Span;
  reportId: string;
  score: number;
  /** `name@version` of the matching method (or reviewer) that proposed the link. */
  method: string;
  matchedTerms: string[];
  state: EvidenceState;
  stateReason: string | null;
}

/** A commitment as readers see it: its row without the matching key and the recording time, with its details. */
export type CommitmentView = Omit<CommitmentRow, 'normalisedText' | 'recordedAt'> & {
  targets: TargetView[];
  evidence: EvidenceView[];
};

export interface CommitmentFilter {
  organisation?: string;
  planYear?: number;
  area?: string;
  status?: CommitmentStatus;
  /** Substring of the commitment's text. */
  text?: string;
  /** Whether the commitment's text reappears in the next year's plan. */
  carriedOver?: boolean;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

const commitmentKey = z.tuple([z.string(), z.number().int(), z.number().int(), z.string()]);
const CURSOR_KIND = 'commitments';

export function listCommitments(db: ReadModelDb, filter: CommitmentFilter, page: { limit: number; cursor?: string }): Page<CommitmentView> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.organisation !== undefined) {
    where.push('organisation = ?');
    params.push(filter.organisation);
  }
  if (filter.planYear !== undefined) {
    where.push('plan_year = ?');
    params.push(filter.planYear);
  }
  if (filter.area !== undefined) {
    where.push('area = ?');
    params.push(filter.area);
  }
  if (filter.status !== undefined) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.carriedOver !== undefined) {
    where.push('carried_over = ?');
    params.push(filter.carriedOver ? 1 : 0);
  }
  if (filter.text !== undefined) {
    where.push(`instr(text, ?) > 0`);
    params.push(filter.text);
  }
  if (page.cursor !== undefined) {
    const [organisation, planYear, spanStart, id] = decodeCursor(CURSOR_KIND, page.cursor, commitmentKey);
    where.push('(organisation, plan_year, span_start, id) > (?, ?, ?, ?)');
    params.push(organisation, planYear, spanStart, id);
  }
  const limit = Math.max(1, Math.floor(page.limit));
  const records = prepared(db, 
      `SELECT * FROM commitments ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
       ORDER BY organisation, plan_year, span_start, id LIMIT ?`,
    )
    .all(...params, limit + 1) as CommitmentRecord[];
  const hasMore = records.length > limit;
  const served = records.slice(0, limit);
  const last = served[served.length - 1];
  return {
    items: served.map((record) => commitmentView(db, record)),
    nextCursor: hasMore && last !== undefined ? encodeCursor(CURSOR_KIND, [last.organisation, last.plan_year, last.span_start, last.id]) : null,
  };
}

/** Every commitment matching the filter, page after page. */
export function allCommitments(db: ReadModelDb, filter: CommitmentFilter): CommitmentView[] {
  const items: CommitmentView[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = listCommitments(db, filter, { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
}

export function getCommitment(db: ReadModelDb, id: string): CommitmentView | null {
  const record = prepared(db, `SELECT * FROM commitments WHERE id = ?`).get(id) as CommitmentRecord | undefined;
  return record === undefined ? null : commitmentView(db, record);
}

/** The commitment's version alone: enough to answer a conditional GET without reading the rows. */
export function commitmentVersion(db: ReadModelDb, id: string): string | null {
  return (prepared(db, `SELECT version FROM commitments WHERE id = ?`).pluck().get(id) as string | undefined) ?? null;
}

export function commitmentTimeline(db: ReadModelDb, id: string): TimelineRow[] {
  const rows = prepared(db, 
      `SELECT commitment_id AS commitmentId, position, kind, recorded_at AS recordedAt, actor, summary, status
       FROM timeline WHERE commitment_id = ? ORDER BY position, CASE kind WHEN 'StatusChanged' THEN 1 ELSE 0 END`,
    )
    .all(id) as Array<Omit<TimelineRow, 'actor'> & { actor: string }>;
  return rows.map((row) => ({ ...row, actor: JSON.parse(row.actor) as TimelineRow['actor'] }));
}

function commitmentView(db: ReadModelDb, record: CommitmentRecord): CommitmentView {
  const row = commitmentRowOf(record);
  const targets = (
    prepared(db, `SELECT data, status, actual FROM targets WHERE commitment_id = ? ORDER BY idx`).all(row.id) as Array<{
      data: string;
      status: string;
      actual: string | null;
    }>
  ).map((target): TargetView => {
    const data = JSON.parse(target.data) as RecordedTarget;
    return {
      targetId: data.targetId,
      text: data.text,
      min: data.min,
      max: data.max,
      unit: data.unit,
      comparator: data.comparator,
      direction: data.direction,
      object: data.object,
      multiYear: data.multiYear,
      span: data.span,
      status: target.status as CommitmentStatus,
      actual: target.actual === null ? null : (JSON.parse(target.actual) as TargetView['actual']),
    };
  });
  const evidence = (
    prepared(db, 
        `SELECT e.link_id AS linkId, e.outcome_id AS outcomeId, e.target_id AS targetId, o.data AS outcome,
           o.report_id AS reportId, e.score, e.method_name AS methodName, e.method_version AS methodVersion,
           e.matched_terms AS matchedTerms, e.state, e.state_reason AS stateReason
         FROM evidence e JOIN outcomes o ON o.id = e.outcome_id
         WHERE e.commitment_id = ? ORDER BY e.score DESC, e.link_id`,
      )
      .all(row.id) as Array<{
      linkId: string;
      outcomeId: string;
      targetId: string | null;
      outcome: string;
      reportId: string;
      score: number;
      methodName: string;
      methodVersion: string;
      matchedTerms: string;
      state: string;
      stateReason: string | null;
    }>
  ).map((link): EvidenceView => {
    const outcome = JSON.parse(link.outcome) as { text: string; span: Span };
    return {
      linkId: link.linkId,
      outcomeId: link.outcomeId,
      targetId: link.targetId,
      outcomeText: outcome.text,
      span: outcome.span,
      reportId: link.reportId,
      score: link.score,
      method: `${link.methodName}@${link.methodVersion}`,
      matchedTerms: JSON.parse(link.matchedTerms) as string[],
      state: link.state as EvidenceState,
      stateReason: link.stateReason,
    };
  });
  return {
    id: row.id,
    organisation: row.organisation,
    planYear: row.planYear,
    area: row.area,
    marker: row.marker,
    text: row.text,
    originalText: row.originalText,
    reportId: row.reportId,
    span: row.span,
    status: row.status,
    computedStatus: row.computedStatus,
    reason: row.reason,
    carriedOver: row.carriedOver,
    assessment: row.assessment,
    withdrawnReason: row.withdrawnReason,
    version: row.version,
    targets,
    evidence,
  };
}
