import { z } from 'zod';
import { commitmentAssessedV1 } from '../events/commitment-events.ts';
import { targetSchema } from '../reader/parsed-report.ts';

/** A reviewer's explicit status; it overrides the computed one, and both stay visible. */
export const assessCommitmentSchema = commitmentAssessedV1.extend({
  type: z.literal('AssessCommitment'),
  commitmentId: z.string().min(1),
});
export type AssessCommitment = z.infer<typeof assessCommitmentSchema>;

/**
 * A correction of the text, the targets, or both (null leaves that part as it is). A target that keeps its
 * `targetId` keeps its identity (and its evidence links); one without gets a new id.
 */
export const amendCommitmentSchema = z
  .object({
    type: z.literal('AmendCommitment'),
    commitmentId: z.string().min(1),
    text: z.string().trim().min(1).nullable(),
    targets: z.array(targetSchema.extend({ targetId: z.string().min(1).optional() })).nullable(),
    reason: z.string().trim().min(1),
  })
  .refine((command) => command.text !== null || command.targets !== null, {
    message: 'an amendment corrects the text, the targets, or both',
  });
export type AmendCommitment = z.infer<typeof amendCommitmentSchema>;

export const withdrawCommitmentSchema = z.object({
  type: z.literal('WithdrawCommitment'),
  commitmentId: z.string().min(1),
  reason: z.string().trim().min(1),
});
export type WithdrawCommitment = z.infer<typeof withdrawCommitmentSchema>;
