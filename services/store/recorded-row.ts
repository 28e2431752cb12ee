/**
 * Events are kept as JSON text by the embedded and in-memory stores alike, so both hand readers fresh objects
 * and accept exactly what survives a JSON round trip.
 */
import type { EventToAppend, JsonObject, RecordedEvent } from './event-store.ts';
import type { Position } from './position.ts';

export interface StoredEvent {
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  stream: string;
  revision: number;
  position: Position;
  recordedAt: string;
}

export function serialiseBody(event: EventToAppend): { dataJson: string; metadataJson: string } {
  return { dataJson: JSON.stringify(event.data), metadataJson: JSON.stringify(event.metadata) };
}

export function hasSameBody(stored: { type: string; schemaVersion: number; dataJson: string }, event: EventToAppend): boolean {
  return stored.type === event.type && stored.schemaVersion === event.schemaVersion && stored.dataJson === JSON.stringify(event.data);
}

export function toRecordedEvent(stored: StoredEvent): RecordedEvent {
  return recordedEvent(stored.id, stored.type, stored.schemaVersion, stored.dataJson, stored.metadataJson, stored.stream, stored.revision, stored.position, stored.recordedAt);
}

/**
 * Bodies are parsed eagerly into plain fields. (Parsing on first access through accessor properties was tried:
 * per-event accessor objects cost about as much as the parse itself, and spread/serialise became subtle.)
 */
export function recordedEvent(
  id: string,
  type: string,
  schemaVersion: number,
  dataJson: string,
  metadataJson: string,
  stream: string,
  revision: number,
  position: Position,
  recordedAt: string,
): RecordedEvent {
  return {
    id,
    type,
    schemaVersion,
    data: JSON.parse(dataJson) as JsonObject,
    metadata: JSON.parse(metadataJson) as JsonObject,
    stream,
    revision,
    position,
    recordedAt,
  };
}
