/**
 * Between domain events and the store's records. Encoding writes the current schema version; decoding lifts any
 * stored version to the current one (domain/events/upcasters.ts) and validates both data and metadata, so
 * deciders and projections only ever see well-formed current events.
 */
import { currentEventSchemas, isEventType, type DomainEvent } from '../../domain/events/catalog.ts';
import { eventMetadataSchema, type EventMetadata } from '../../domain/events/metadata.ts';
import { upcastToCurrent } from '../../domain/events/upcasters.ts';
import type { EventToAppend, JsonObject, RecordedEvent } from '../store/event-store.ts';

export interface DecodedEvent {
  event: DomainEvent;
  metadata: EventMetadata;
  recorded: RecordedEvent;
}

export type UndecodableReason = 'unknown_type' | 'unknown_version' | 'invalid_data' | 'invalid_metadata';

/** A stored record that is not a valid domain event: a bug or a damaged log, never a user error. */
export class UndecodableEvent extends Error {
  override readonly name = 'UndecodableEvent';
  constructor(
    readonly reason: UndecodableReason,
    readonly stream: string,
    readonly revision: number,
    detail: string,
  ) {
    super(`${stream}@${revision}: ${reason}: ${detail}`);
  }
}

/** A domain event ready to append (its metadata, including the hash chain, already complete). */
export function encodeEvent(id: string, event: DomainEvent, metadata: EventMetadata): EventToAppend {
  const entry = currentEventSchemas[event.type];
  return {
    id,
    type: event.type,
    schemaVersion: entry.version,
    // Parsing strips members the schema does not know, so what is hashed and stored is exactly the schema's shape.
    data: entry.schema.parse(event.data) as JsonObject,
    metadata: eventMetadataSchema.parse(metadata) as JsonObject,
  };
}

export function decodeRecordedEvent(recorded: RecordedEvent): DecodedEvent {
  const fail = (reason: UndecodableReason, detail: string): never => {
    throw new UndecodableEvent(reason, recorded.stream, recorded.revision, detail);
  };
  if (!isEventType(recorded.type)) return fail('unknown_type', `unknown event type ${recorded.type}`);
  const type = recorded.type;
  const version = recorded.schemaVersion;
  if (!Number.isInteger(version) || version < 1 || version > currentEventSchemas[type].version) {
    return fail('unknown_version', `${type} has no schema version ${version}`);
  }
  const lifted = upcastToCurrent(type, version, recorded.data);
  if (!lifted.ok) return fail('invalid_data', lifted.reason);
  const data = currentEventSchemas[type].schema.safeParse(lifted.data);
  if (!data.success) return fail('invalid_data', data.error.message);
  const metadata = eventMetadataSchema.safeParse(recorded.metadata);
  if (!metadata.success) return fail('invalid_metadata', metadata.error.message);
  return { event: { type, data: data.data } as DomainEvent, metadata: metadata.data, recorded };
}

/** Decodes only events of the ledger's own types; other records in a shared log are skipped (null). */
export function decodeLedgerEvent(recorded: RecordedEvent): DecodedEvent | null {
  return isEventType(recorded.type) ? decodeRecordedEvent(recorded) : null;
}
