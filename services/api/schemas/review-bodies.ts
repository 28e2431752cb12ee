/** Bodies of the reviewer writes. Each carries the reviewer's reason; the caller's token names the actor. */
import { z } from 'zod';
import { assessCommitmentSchema } from '../../../domain/commands/commitment-review-commands.ts';
import { targetSchema } from '../../../domain/reader/parsed-report.ts';
import { commitmentViewSchema } from './read-views.ts';

const reason = z.string().trim().min(1).max(4000).describe('Why: recorded on the event, shown in the history');

export const assessmentBodySchema = z.object({ status: assessCommitmentSchema.shape.status, reason });

export const evidenceBodySchema = z.object({
  outcomeId: z.string().min(1),
  targetId: z.string().min(1).nullable().default(null).describe('The target the outcome is evidence for; null for the task as a whole'),
  reason,
});

export const linkDecisionBodySchema = z.object({ reason });

export const amendmentBodySchema = z
  .object({
    text: z.string().trim().min(1).nullable().default(null),
    targets: z.array(targetSchema.extend({ targetId: z.string().min(1).optional() })).nullable().default(null),
    reason,
  })
  .refine((body) => body.text !== null || body.targets !== null, { message: 'an amendment corrects the text, the targets, or both', path: ['text'] });

export const withdrawalBodySchema = z.object({ reason });

export const writeResultSchema = z.object({
  commitment: commitmentViewSchema.describe('The commitment after the write (its version is the new ETag)'),
  recorded: z.array(z.object({ id: z.string(), type: z.string() })).describe('Events the write appended; empty when it changed nothing'),
  visible: z.boolean().describe('False when the read models had not caught up within the wait; read again shortly'),
});
