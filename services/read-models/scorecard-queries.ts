/** Scorecards of an organisation's plan year, by area and in total. */
import type { CommitmentStatus } from '../../domain/events/commitment-events.ts';
import type { ScorecardRow } from '../../projections/rows.ts';
import { totalScorecardRow } from '../../projections/scorecard.ts';
import type { ReadModelDb } from './schema.ts';
import { prepared } from './statement-cache.ts';

/** One organisation × plan year line, every area added up. */
export type ScorecardTotal = Omit<ScorecardRow, 'area'>;

export interface ScorecardView {
  organisation: string;
  year: number;
  /** One row per area; `area` is null for commitments of a plan without areas. */
  areas: Array<Omit<ScorecardRow, 'area'> & { area: string | null }>;
  total: ScorecardTotal;
}

const ROW_COLUMNS = `organisation, year, area, counts, total, assessable, follow_through_rate AS followThroughRate`;

type StoredRow = Omit<ScorecardRow, 'counts'> & { counts: string };

function parsedRow(row: StoredRow): ScorecardRow {
  return { ...row, counts: JSON.parse(row.counts) as Record<CommitmentStatus, number> };
}

/** The table holds area lines only; the total is added up on read with the projection's own rule. */
function totalOf(organisation: string, year: number, rows: readonly ScorecardRow[]): ScorecardTotal {
  const { area: _whole, ...total } = totalScorecardRow(organisation, year, rows);
  return total;
}

export function getScorecard(db: ReadModelDb, organisation: string, year: number): ScorecardView | null {
  const rows = (
    prepared(db, `SELECT ${ROW_COLUMNS} FROM scorecards WHERE organisation = ? AND year = ? ORDER BY area`).all(organisation, year) as StoredRow[]
  ).map(parsedRow);
  if (rows.length === 0) return null;
  return { organisation, year, areas: rows.map((row) => ({ ...row, area: row.area === '' ? null : row.area })), total: totalOf(organisation, year, rows) };
}

/**
 * Every (organisation, plan year) total, ordered by organisation then year, optionally for one organisation:
 * the overview's figures in one read instead of one scorecard per plan.
 */
export function listScorecardTotals(db: ReadModelDb, organisation?: string): ScorecardTotal[] {
  const rows = (
    organisation === undefined
      ? prepared(db, `SELECT ${ROW_COLUMNS} FROM scorecards ORDER BY organisation, year, area`).all()
      : prepared(db, `SELECT ${ROW_COLUMNS} FROM scorecards WHERE organisation = ? ORDER BY year, area`).all(organisation)
  ) as StoredRow[];
  const totals: ScorecardTotal[] = [];
  let group: ScorecardRow[] = [];
  const close = (): void => {
    const first = group[0];
    if (first !== undefined) totals.push(totalOf(first.organisation, first.year, group));
    group = [];
  };
  for (const stored of rows) {
    const row = parsedRow(stored);
    const first = group[0];
    if (first !== undefined && (first.organisation !== row.organisation || first.year !== row.year)) close();
    group.push(row);
  }
  close();
  return totals;
}

/** The (organisation, year) pairs that have a scorecard, for listings. */
export function scorecardKeys(db: ReadModelDb, organisation?: string): Array<{ organisation: string; year: number }> {
  return (
    organisation === undefined
      ? db.prepare(`SELECT DISTINCT organisation, year FROM scorecards ORDER BY organisation, year`).all()
      : db.prepare(`SELECT DISTINCT organisation, year FROM scorecards WHERE organisation = ? ORDER BY year`).all(organisation)
  ) as Array<{ organisation: string; year: number }>;
}
