/**
 * `readReport(text)`: a report text as scraped from the web → its organisation, publication date, title, summary
 * part (outcomes with quantities) and plan part (commitments with targets), or the typed reason it cannot be read.
 * Pure: no I/O, no clock.
 */
import { extractQuantities, extractTargets } from './quantities/index.ts';
import type { ReadResult } from './parsed-report.ts';
import { readReportWith } from './read-report-with.ts';

/** Bumped whenever the reader's output for the same text can change. */
export const READER_VERSION = 'reader-1.1.0';

export function readReport(text: string): ReadResult {
  return readReportWith(text, { extractQuantities, extractTargets });
}
