import { z } from 'zod';
import { outcomeIdFor } from '../ids.ts';
import { outcomeRecordedV1 } from '../events/outcome-events.ts';

/** One statement of a summary part; its id follows from the report and the statement's span. */
export const recordOutcomeSchema = outcomeRecordedV1.omit({ outcomeId: true }).extend({ type: z.literal('RecordOutcome') });
export type RecordOutcome = z.infer<typeof recordOutcomeSchema>;

export function outcomeIdOf(command: Pick<RecordOutcome, 'reportId' | 'span'>): string {
  return outcomeIdFor(command.reportId, command.span);
}
