/**
 * The event streams about one organisation, as the live read models know them: its reports', commitments' and
 * outcomes' streams. Every ledger event about the organisation is in one of them (evidence links and reviewers'
 * decisions live in their commitment's stream), so replaying these streams replays the organisation.
 */
import { streamNames } from '../../domain/ids.ts';
import type { ReadModelDb } from './schema.ts';
import { prepared } from './statement-cache.ts';

/** The queries behind `organisationStreams`, each answered from an index on `organisation` (tested). */
export const ORGANISATION_STREAM_QUERIES = {
  report: `SELECT id FROM reports WHERE organisation = ? ORDER BY id`,
  commitment: `SELECT id FROM commitments WHERE organisation = ? ORDER BY id`,
  outcome: `SELECT id FROM outcomes WHERE organisation = ? ORDER BY id`,
} as const;

export function organisationStreams(db: ReadModelDb, organisation: string): string[] {
  const ids = (sql: string): string[] => prepared(db, sql).pluck().all(organisation) as string[];
  return [
    ...ids(ORGANISATION_STREAM_QUERIES.report).map(streamNames.report),
    ...ids(ORGANISATION_STREAM_QUERIES.commitment).map(streamNames.commitment),
    ...ids(ORGANISATION_STREAM_QUERIES.outcome).map(streamNames.outcome),
  ];
}
