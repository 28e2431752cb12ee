/**
 * A checkpoint's proof of which log it belongs to. A position alone cannot tell a log from another one that
 * merely reaches as far (an emptied and re-filled data directory, a store restored from an older backup, another
 * EventStoreDB): the marked event, found again at its stream and revision under its id, can.
 */
import type { EventStore, RecordedEvent } from './event-store.ts';
import type { Position } from './position.ts';

export interface LogMark {
  position: Position;
  stream: string;
  revision: number;
  eventId: string;
}

export function markOf(event: RecordedEvent): LogMark {
  return { position: event.position, stream: event.stream, revision: event.revision, eventId: event.id };
}

/**
 * Whether the store holds the marked event where it was recorded. The position counts as much as the id: ingestion
 * derives event ids from content, so another log holding the same report holds an event of the same id, elsewhere.
 */
export async function logHoldsMark(store: EventStore, mark: LogMark): Promise<boolean> {
  for await (const event of store.readStream(mark.stream, { fromRevision: mark.revision, maxCount: 1 })) {
    return event.revision === mark.revision && event.id === mark.eventId && event.position === mark.position;
  }
  return false;
}
