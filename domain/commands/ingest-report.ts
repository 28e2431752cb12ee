import { z } from 'zod';

/** A document offered for ingestion; the service reads it, checks the hint and records what it found. */
export const ingestReportSchema = z.object({
  type: z.literal('IngestReport'),
  text: z.string(),
  /** Where the document came from (a URL, a file path), kept on the ReportIngested event. */
  sourceUri: z.string().min(1).nullable().default(null),
  /** The organisation the sender believes issued the document; it must agree with the text. */
  organisationHint: z.string().trim().min(1).nullable().default(null),
});
export type IngestReport = z.infer<typeof ingestReportSchema>;
