/**
 * The contract between the status rules (domain/status) and the read side (projections, API, CLI).
 * Status is computed per target and rolled up to the commitment; every status carries its reason.
 */
import { z } from 'zod';
import { spanSchema, type Span } from '../reader/parsed-report.ts';
import { commitmentStatusSchema, type RecordedTarget } from '../events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../events/outcome-events.ts';

export const evidenceStateSchema = z.enum(['proposed', 'confirmed', 'rejected']);
export type EvidenceState = z.infer<typeof evidenceStateSchema>;

export const actualSchema = z.object({ value: z.number(), unit: z.string(), text: z.string(), span: spanSchema });

export const targetStatusSchema = z.object({
  targetId: z.string(),
  status: commitmentStatusSchema,
  /** The figure found in the next summary for the same metric, in the target's unit; null when none. */
  actual: actualSchema.nullable(),
  /** Machine name of the rule that fired, e.g. `ceiling_met`, `count_below_target`. */
  rule: z.string(),
  reason: z.string(),
});
export type TargetStatus = z.infer<typeof targetStatusSchema>;

export const statusResultSchema = z.object({
  /** What the reader sees: the reviewer's assessment when there is one, else the computed status. */
  status: commitmentStatusSchema,
  /** What the rules computed from the evidence, kept visible beside any assessment. */
  computedStatus: commitmentStatusSchema,
  rule: z.string(),
  reason: z.string(),
  targets: z.array(targetStatusSchema),
  /** The evidence links the verdict rests on. */
  evidenceLinkIds: z.array(z.string()),
});
export type StatusResult = z.infer<typeof statusResultSchema>;

/** Everything the rules need to judge one commitment; assembled by the read side from events. */
export interface StatusInput {
  planYear: number;
  /**
   * The commitment's text and span, so each target's metric can be read from the words before its figure;
   * without it the target's `object` names the metric.
   */
  commitment?: { text: string; span: Span };
  targets: readonly RecordedTarget[];
  withdrawn: { reason: string } | null;
  assessment: { status: z.infer<typeof commitmentStatusSchema>; rationale: string } | null;
  /** Whether the summary of (organisation, planYear) has been ingested. */
  summaryAvailable: boolean;
  evidence: ReadonlyArray<{
    linkId: string;
    targetId: string | null;
    score: number;
    state: EvidenceState;
    outcome: OutcomeRecordedV1;
  }>;
}
