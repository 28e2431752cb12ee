/** The reader as ingestion sees it: a pure function and the version recorded on every event it caused. */
import { READER_VERSION, readReport } from '../../domain/reader/read-report.ts';
import type { ReadResult } from '../../domain/reader/parsed-report.ts';

export interface ReportReader {
  read: (text: string) => ReadResult;
  version: string;
}

export const defaultReportReader: ReportReader = { read: readReport, version: READER_VERSION };
