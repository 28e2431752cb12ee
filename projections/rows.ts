/**
 * The rows of the read models, as plain data. The SQLite layer (services/read-models) stores exactly these
 * fields; projections produce them and the status refresh reads them back.
 */
import type { Span } from '../domain/reader/parsed-report.ts';
import type { CommitmentStatus, RecordedTarget } from '../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../domain/events/outcome-events.ts';
import type { Actor } from '../domain/events/metadata.ts';
import type { EvidenceState, StatusResult } from '../domain/status/status-result.ts';

/** Where an event sits in the log; every row a projection writes is stamped with it. */
export interface EventEnvelope {
  /** The global position (opaque, comparable string). */
  position: string;
  recordedAt: string;
  actor: Actor;
}

export interface ReportRow {
  id: string;
  sha256: string;
  organisation: string;
  organisationEvidence: string;
  title: string | null;
  publishedAt: string | null;
  source: string | null;
  readerVersion: string;
  textLength: number;
  recordedAt: string;
  version: string;
}

export interface ReportPartRow {
  reportId: string;
  part: 'summary' | 'plan';
  organisation: string;
  year: number;
  heading: string | null;
  headingSpan: Span | null;
  span: Span;
  /** Outcomes of a summary part, commitments of a plan part. */
  itemCount: number;
}

export interface OrganisationRow {
  name: string;
  firstSeenPosition: string;
}

export interface CommitmentRow {
  id: string;
  organisation: string;
  planYear: number;
  area: string | null;
  marker: string | null;
  text: string;
  /** The text as first recorded, when an amendment corrected it; null when never amended. */
  originalText: string | null;
  normalisedText: string;
  reportId: string;
  span: Span;
  withdrawnReason: string | null;
  assessment: { status: CommitmentStatus; rationale: string } | null;
  status: CommitmentStatus;
  computedStatus: CommitmentStatus;
  /** The full verdict of the status rules; null only before the first refresh. */
  reason: StatusResult | null;
  carriedOver: boolean;
  /** Position of the last event that changed what a reader sees of this commitment (strong ETag source). */
  version: string;
  recordedAt: string;
}

export interface TargetRow {
  targetId: string;
  commitmentId: string;
  index: number;
  target: RecordedTarget;
  status: CommitmentStatus;
  actual: { value: number; unit: string; text: string; span: Span } | null;
}

export interface OutcomeRow {
  outcome: OutcomeRecordedV1;
  version: string;
}

export interface EvidenceRow {
  linkId: string;
  commitmentId: string;
  outcomeId: string;
  targetId: string | null;
  score: number;
  methodName: string;
  methodVersion: string;
  matchedTerms: string[];
  state: EvidenceState;
  /** The reviewer's reason for a confirmation or rejection. */
  stateReason: string | null;
  version: string;
}

export interface TimelineRow {
  commitmentId: string;
  position: string;
  /** The event type, or `StatusChanged` for a status change the event caused. */
  kind: string;
  recordedAt: string;
  actor: Actor;
  summary: string;
  /** The commitment's status after this entry, when the entry is a status change. */
  status: CommitmentStatus | null;
}

export interface ScorecardRow {
  organisation: string;
  year: number;
  /** The area heading; '' for commitments of a plan without areas. */
  area: string;
  counts: Record<CommitmentStatus, number>;
  total: number;
  assessable: number;
  /** achieved ÷ assessable; null when nothing is assessable yet. */
  followThroughRate: number | null;
}
