/** What an ingestion answers: the report it recorded (or found already recorded), or why it refused the document. */
import type { ReportIngestedV1 } from '../../domain/events/report-events.ts';
import type { ReadFailure } from '../../domain/reader/parsed-report.ts';
import type { CommandError } from '../commands/command-handler.ts';

export interface IngestionSuccess {
  ok: true;
  reportId: string;
  sha256: string;
  organisation: string;
  years: { summary: number | null; plan: number | null };
  commitmentsFound: number;
  outcomesFound: number;
  /**
   * Commitments and outcomes this document's ingestion recorded: fewer than found when another document already
   * recorded the same commitment; a retry of an interrupted ingestion counts what the interrupted run wrote
   * (those appends are the same events, absorbed by the store); 0 when the document was already ingested.
   */
  commitmentsRecorded: number;
  outcomesRecorded: number;
  /** True when the document had been ingested before this call (the API answers 200 instead of 201). */
  alreadyIngested: boolean;
}

export type IngestionError =
  | { code: 'invalid_command'; message: string }
  | { code: 'unreadable'; reason: ReadFailure['reason'] | 'invalid_reader_output'; message: string }
  | { code: 'organisation_mismatch'; message: string; found: string; hint: string }
  | CommandError;

export type IngestionResult = IngestionSuccess | { ok: false; error: IngestionError };

export interface RecordedCounts {
  commitments: number;
  outcomes: number;
}

export function successFromReport(report: ReportIngestedV1, alreadyIngested: boolean, recorded: RecordedCounts): IngestionSuccess {
  return {
    ok: true,
    reportId: report.reportId,
    sha256: report.sha256,
    organisation: report.organisation.name,
    years: { summary: report.summary?.year ?? null, plan: report.plan?.year ?? null },
    commitmentsFound: report.plan?.commitmentCount ?? 0,
    outcomesFound: report.summary?.outcomeCount ?? 0,
    commitmentsRecorded: recorded.commitments,
    outcomesRecorded: recorded.outcomes,
    alreadyIngested,
  };
}
