import { z } from 'zod';
import { reportIngestedV1 } from '../events/report-events.ts';

/** Records an accepted document on its report stream; the report id is the SHA-256 of the text. */
export const recordReportSchema = reportIngestedV1.omit({ reportId: true }).extend({ type: z.literal('RecordReport') });
export type RecordReport = z.infer<typeof recordReportSchema>;
