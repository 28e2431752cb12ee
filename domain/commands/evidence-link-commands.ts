import { z } from 'zod';
import { matchingMethodSchema } from '../events/commitment-events.ts';

/** A matcher (named, versioned method) or a reviewer proposes an outcome as evidence for a commitment or one target. */
export const proposeEvidenceLinkSchema = z.object({
  type: z.literal('ProposeEvidenceLink'),
  commitmentId: z.string().min(1),
  outcomeId: z.string().min(1),
  targetId: z.string().min(1).nullable(),
  score: z.number().finite(),
  method: matchingMethodSchema.extend({ name: z.string().min(1), version: z.string().min(1) }),
  matchedTerms: z.array(z.string()),
});
export type ProposeEvidenceLink = z.infer<typeof proposeEvidenceLinkSchema>;

export const confirmEvidenceLinkSchema = z.object({
  type: z.literal('ConfirmEvidenceLink'),
  commitmentId: z.string().min(1),
  linkId: z.string().min(1),
  reason: z.string(),
});
export type ConfirmEvidenceLink = z.infer<typeof confirmEvidenceLinkSchema>;

export const rejectEvidenceLinkSchema = z.object({
  type: z.literal('RejectEvidenceLink'),
  commitmentId: z.string().min(1),
  linkId: z.string().min(1),
  reason: z.string().min(1),
});
export type RejectEvidenceLink = z.infer<typeof rejectEvidenceLinkSchema>;
