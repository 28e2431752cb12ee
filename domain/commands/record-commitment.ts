import { z } from 'zod';
import { commitmentIdFor, normaliseCommitmentText } from '../ids.ts';
import { spanSchema, targetSchema } from '../reader/parsed-report.ts';

/** One task of a plan part; its id follows from organisation + plan year + normalised text. */
export const recordCommitmentSchema = z.object({
  type: z.literal('RecordCommitment'),
  reportId: z.string().min(1),
  organisation: z.string().min(1),
  planYear: z.number().int(),
  area: z.string().nullable(),
  marker: z.string().nullable(),
  text: z.string().min(1),
  span: spanSchema,
  targets: z.array(targetSchema),
});
export type RecordCommitment = z.infer<typeof recordCommitmentSchema>;

export function commitmentIdOf(command: Pick<RecordCommitment, 'organisation' | 'planYear' | 'text'>): string {
  return commitmentIdFor({
    organisation: command.organisation,
    planYear: command.planYear,
    normalisedText: normaliseCommitmentText(command.text),
  });
}
