import { z } from 'zod';
import { outcomeCueSchema, quantitySchema, spanSchema } from '../reader/parsed-report.ts';

export const outcomeRecordedV1 = z.object({
  outcomeId: z.string(),
  reportId: z.string(),
  organisation: z.string(),
  summaryYear: z.number().int(),
  area: z.string().nullable(),
  text: z.string(),
  span: spanSchema,
  quantities: z.array(quantitySchema),
  cue: outcomeCueSchema,
  aboutSummaryYear: z.boolean(),
});
export type OutcomeRecordedV1 = z.infer<typeof outcomeRecordedV1>;
