/** Scorecards of an organisation's plan year, by area and in total. */
import type { CommitmentStatus } from '../../domain/events/commitment-events.ts';
import type { ScorecardRow } from '../../projections/rows.ts';
import { totalScorecardRow } from '../../projections/scorecard.ts';
import type { ReadModelDb } from './schema.ts';

export interface ScorecardView {
  organisation: string;
  year: number;
  /** One row per area; `area` is null for commitments of a plan without areas. */
  areas: Array<Omit<ScorecardRow, 'area'> & { area: string | null }>;
  total: Omit<ScorecardRow, 'area'>;
}

export function getScorecard(db: ReadModelDb, organisation: string, year: number): ScorecardView | null {
  const rows = (
    db
      .prepare(
        `SELECT organisation, year, area, counts, total, assessable, follow_through_rate AS followThroughRate
         FROM scorecards WHERE organisation = ? AND year = ? ORDER BY area`,
      )
      .all(organisation, year) as Array<Omit<ScorecardRow, 'counts'> & { counts: string }>
  ).map((row): ScorecardRow => ({ ...row, counts: JSON.parse(row.counts) as Record<CommitmentStatus, number> }));
  if (rows.length === 0) return null;
  const { area: _whole, ...total } = totalScorecardRow(organisation, year, rows);
  return { organisation, year, areas: rows.map((row) => ({ ...row, area: row.area === '' ? null : row.area })), total };
}

/** The (organisation, year) pairs that have a scorecard, for listings. */
export function scorecardKeys(db: ReadModelDb, organisation?: string): Array<{ organisation: string; year: number }> {
  return (
    organisation === undefined
      ? db.prepare(`SELECT DISTINCT organisation, year FROM scorecards ORDER BY organisation, year`).all()
      : db.prepare(`SELECT DISTINCT organisation, year FROM scorecards WHERE organisation = ? ORDER BY year`).all(organisation)
  ) as Array<{ organisation: string; year: number }>;
}
