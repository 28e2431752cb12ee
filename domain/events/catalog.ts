/**
 * Every event type with its current schema version; upcasters.ts lifts older stored versions to it.
 * Readers (deciders, projections) only ever see the current version of each event.
 */
import { z } from 'zod';
import { reportIngestedV1 } from './report-events.ts';
import {
  commitmentAmendedV1,
  commitmentAssessedV1,
  commitmentRecordedV2,
  commitmentWithdrawnV1,
  evidenceLinkConfirmedV1,
  evidenceLinkProposedV1,
  evidenceLinkRejectedV1,
} from './commitment-events.ts';
import { outcomeRecordedV1 } from './outcome-events.ts';

export const currentEventSchemas = {
  ReportIngested: { version: 1, schema: reportIngestedV1 },
  CommitmentRecorded: { version: 2, schema: commitmentRecordedV2 },
  OutcomeRecorded: { version: 1, schema: outcomeRecordedV1 },
  EvidenceLinkProposed: { version: 1, schema: evidenceLinkProposedV1 },
  EvidenceLinkConfirmed: { version: 1, schema: evidenceLinkConfirmedV1 },
  EvidenceLinkRejected: { version: 1, schema: evidenceLinkRejectedV1 },
  CommitmentAssessed: { version: 1, schema: commitmentAssessedV1 },
  CommitmentAmended: { version: 1, schema: commitmentAmendedV1 },
  CommitmentWithdrawn: { version: 1, schema: commitmentWithdrawnV1 },
} as const;

type Catalog = typeof currentEventSchemas;
export type EventType = keyof Catalog;

/** A domain event at its current version: `{ type, data }`, discriminated by type. */
export type DomainEvent = {
  [K in EventType]: { type: K; data: z.infer<Catalog[K]['schema']> };
}[EventType];

export type EventOfType<K extends EventType> = Extract<DomainEvent, { type: K }>;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(currentEventSchemas, type);
}
