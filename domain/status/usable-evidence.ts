/**
 * Which evidence links a verdict may rest on: rejected links never; statements about a multi-year period
 * (`aboutSummaryYear: false`) never, since they do not say what happened in the plan year; and when a reviewer has
 * confirmed some links of a kind, only those — a confirmation beats the matcher's proposals.
 * The order is the order of trust: higher score first, then link id, so the choice is deterministic.
 */
import type { StatusInput } from './status-result.ts';

export type EvidenceItem = StatusInput['evidence'][number];

export function usableEvidence(evidence: readonly EvidenceItem[], targetId: string | null): EvidenceItem[] {
  const candidates = evidence.filter(
    (item) => item.targetId === targetId && item.state !== 'rejected' && item.outcome.aboutSummaryYear,
  );
  const confirmed = candidates.filter((item) => item.state === 'confirmed');
  const chosen = confirmed.length > 0 ? confirmed : candidates;
  return [...chosen].sort((a, b) => b.score - a.score || (a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0));
}
