import { z } from 'zod';
import { spanSchema } from '../reader/parsed-report.ts';

const partSchema = z.object({
  year: z.number().int(),
  heading: z.string().nullable(),
  headingSpan: spanSchema.nullable(),
  span: spanSchema,
});

/** A document was read and accepted. The text travels with the event so the log alone can replay and re-verify it. */
export const reportIngestedV1 = z.object({
  reportId: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  text: z.string(),
  source: z.string().nullable(),
  organisation: z.object({ name: z.string(), evidence: z.string() }),
  publishedAt: z.string().nullable(),
  title: z.string().nullable(),
  summary: partSchema.extend({ outcomeCount: z.number().int().nonnegative() }).nullable(),
  plan: partSchema.extend({ commitmentCount: z.number().int().nonnegative() }).nullable(),
  readerVersion: z.string(),
});
export type ReportIngestedV1 = z.infer<typeof reportIngestedV1>;
