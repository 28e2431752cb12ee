/**
 * Scorecards: per organisation × plan year × area, the commitments counted by status and the follow-through
 * rate (achieved ÷ assessable, where pending and withdrawn commitments are not assessable).
 */
import { commitmentStatusSchema, type CommitmentStatus } from '../domain/events/commitment-events.ts';
import type { ScorecardRow } from './rows.ts';

const NOT_ASSESSABLE: ReadonlySet<CommitmentStatus> = new Set(['pending', 'withdrawn']);

export function emptyCounts(): Record<CommitmentStatus, number> {
  return Object.fromEntries(commitmentStatusSchema.options.map((status) => [status, 0])) as Record<CommitmentStatus, number>;
}

export function buildScorecardRows(
  organisation: string,
  year: number,
  commitments: ReadonlyArray<{ area: string | null; status: CommitmentStatus }>,
): ScorecardRow[] {
  const byArea = new Map<string, Record<CommitmentStatus, number>>();
  for (const { area, status } of commitments) {
    const key = area ?? '';
    const counts = byArea.get(key) ?? emptyCounts();
    counts[status] += 1;
    byArea.set(key, counts);
  }
  return [...byArea.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([area, counts]) => scorecardRow(organisation, year, area, counts));
}

/** The organisation × year line: every area added up. */
export function totalScorecardRow(organisation: string, year: number, rows: readonly ScorecardRow[]): ScorecardRow {
  const counts = emptyCounts();
  for (const row of rows) {
    for (const status of commitmentStatusSchema.options) counts[status] += row.counts[status];
  }
  return scorecardRow(organisation, year, '', counts);
}

function scorecardRow(organisation: string, year: number, area: string, counts: Record<CommitmentStatus, number>): ScorecardRow {
  const total = commitmentStatusSchema.options.reduce((sum, status) => sum + counts[status], 0);
  const assessable = commitmentStatusSchema.options.reduce((sum, status) => sum + (NOT_ASSESSABLE.has(status) ? 0 : counts[status]), 0);
  return {
    organisation,
    year,
    area,
    counts,
    total,
    assessable,
    followThroughRate: assessable === 0 ? null : counts.achieved / assessable,
  };
}
