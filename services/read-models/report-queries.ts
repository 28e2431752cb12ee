/** Reports (metadata and parts) and organisations with the years their reports cover. */
import type { Span } from '../../domain/reader/parsed-report.ts';
import type { ReportPartRow, ReportRow } from '../../projections/rows.ts';
import type { ReadModelDb } from './schema.ts';

export interface ReportView extends ReportRow {
  parts: Array<Omit<ReportPartRow, 'reportId' | 'organisation'>>;
}

export interface OrganisationView {
  name: string;
  /** Years with a summary part, and plan years, each sorted. */
  summaryYears: number[];
  planYears: number[];
  reportCount: number;
}

const REPORT_COLUMNS = `id, sha256, organisation, organisation_evidence AS organisationEvidence, title, published_at AS publishedAt,
  source, reader_version AS readerVersion, text_length AS textLength, recorded_at AS recordedAt, version`;

export function listReports(db: ReadModelDb, organisation?: string): ReportView[] {
  const rows = (
    organisation === undefined
      ? db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports ORDER BY organisation, published_at, id`).all()
      : db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE organisation = ? ORDER BY published_at, id`).all(organisation)
  ) as ReportRow[];
  return rows.map((row) => withParts(db, row));
}

export function getReport(db: ReadModelDb, id: string): ReportView | null {
  const row = db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
  return row === undefined ? null : withParts(db, row);
}

export function listOrganisations(db: ReadModelDb): OrganisationView[] {
  const names = db.prepare(`SELECT name FROM organisations ORDER BY name`).pluck().all() as string[];
  const parts = db.prepare(`SELECT part, year FROM report_parts WHERE organisation = ? ORDER BY year`);
  const reportCount = db.prepare(`SELECT count(*) FROM reports WHERE organisation = ?`).pluck();
  return names.map((name) => {
    const rows = parts.all(name) as Array<{ part: string; year: number }>;
    const yearsOf = (part: string): number[] => [...new Set(rows.filter((row) => row.part === part).map((row) => row.year))];
    return { name, summaryYears: yearsOf('summary'), planYears: yearsOf('plan'), reportCount: reportCount.get(name) as number };
  });
}

function withParts(db: ReadModelDb, row: ReportRow): ReportView {
  const parts = (
    db
      .prepare(
        `SELECT part, year, heading, heading_span AS headingSpan, span, item_count AS itemCount
         FROM report_parts WHERE report_id = ? ORDER BY CASE part WHEN 'summary' THEN 0 ELSE 1 END`,
      )
      .all(row.id) as Array<{ part: 'summary' | 'plan'; year: number; heading: string | null; headingSpan: string | null; span: string; itemCount: number }>
  ).map((part) => ({
    ...part,
    headingSpan: part.headingSpan === null ? null : (JSON.parse(part.headingSpan) as Span),
    span: JSON.parse(part.span) as Span,
  }));
  return { ...row, parts };
}
