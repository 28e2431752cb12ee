import { z } from 'zod';
import { spanSchema, targetSchema } from '../reader/parsed-report.ts';

export const commitmentStatusSchema = z.enum([
  'pending',
  'achieved',
  'partially_achieved',
  'in_progress',
  'not_achieved',
  'no_evidence',
  'withdrawn',
]);
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>;

/** A target of a commitment, with a stable id (`<commitmentId>.t<index>`). */
export const recordedTargetSchema = targetSchema.extend({ targetId: z.string() });
export type RecordedTarget = z.infer<typeof recordedTargetSchema>;

export const commitmentRecordedV1 = z.object({
  commitmentId: z.string(),
  reportId: z.string(),
  organisation: z.string(),
  planYear: z.number().int(),
  area: z.string().nullable(),
  marker: z.string().nullable(),
  text: z.string(),
  normalisedText: z.string(),
  span: spanSchema,
  targets: z.array(recordedTargetSchema),
});
export type CommitmentRecordedV1 = z.infer<typeof commitmentRecordedV1>;

/**
 * v2 adds `carriedOverKey`, the year-free identity of the commitment's wording (organisation + normalised text):
 * the read side flags a commitment `carried_over` when the next year's plan records the same key. v1 events are
 * upcast by deriving it from their organisation and normalised text (domain/events/upcasters.ts).
 */
export const commitmentRecordedV2 = commitmentRecordedV1.extend({ carriedOverKey: z.string() });
export type CommitmentRecordedV2 = z.infer<typeof commitmentRecordedV2>;

export const matchingMethodSchema = z.object({ name: z.string(), version: z.string() });

/** The matcher (or a reviewer) proposed that an outcome is evidence for a commitment, or for one of its targets. */
export const evidenceLinkProposedV1 = z.object({
  linkId: z.string(),
  commitmentId: z.string(),
  outcomeId: z.string(),
  /** Null when the link is evidence for the commitment's task as a whole. */
  targetId: z.string().nullable(),
  organisation: z.string(),
  year: z.number().int(),
  score: z.number(),
  method: matchingMethodSchema,
  /** The terms that made the match, so the score can be explained. */
  matchedTerms: z.array(z.string()),
});
export type EvidenceLinkProposedV1 = z.infer<typeof evidenceLinkProposedV1>;

export const evidenceLinkConfirmedV1 = z.object({ linkId: z.string(), commitmentId: z.string(), reason: z.string() });
export type EvidenceLinkConfirmedV1 = z.infer<typeof evidenceLinkConfirmedV1>;

export const evidenceLinkRejectedV1 = z.object({ linkId: z.string(), commitmentId: z.string(), reason: z.string() });
export type EvidenceLinkRejectedV1 = z.infer<typeof evidenceLinkRejectedV1>;

export const commitmentAssessedV1 = z.object({
  commitmentId: z.string(),
  status: commitmentStatusSchema.exclude(['pending', 'withdrawn']),
  rationale: z.string().min(1),
});
export type CommitmentAssessedV1 = z.infer<typeof commitmentAssessedV1>;

/** A correction; the original stays in the log and in the commitment's state. */
export const commitmentAmendedV1 = z.object({
  commitmentId: z.string(),
  text: z.string().nullable(),
  targets: z.array(recordedTargetSchema).nullable(),
  reason: z.string().min(1),
});
export type CommitmentAmendedV1 = z.infer<typeof commitmentAmendedV1>;

export const commitmentWithdrawnV1 = z.object({ commitmentId: z.string(), reason: z.string().min(1) });
export type CommitmentWithdrawnV1 = z.infer<typeof commitmentWithdrawnV1>;
