/**
 * A checkpoint's proof of which log it belongs to. A position alone cannot tell a log from another one that
 * merely reaches as far (an emptied and re-filled data directory, a store restored from an older backup, another
 * EventStoreDB): the marked event, found again at its stream and revision under its id, can.
 */
import type { EventStore, RecordedEvent } from './event-store.ts';
import { parsePosition, type Position } from './position.ts';

export interface LogMark {
  position: Position;
  stream: string;
  revision: number;
  eventId: string;
}

export function markOf(event: RecordedEvent): LogMark {
  return { position: event.position, stream: event.stream, revision: event.revision, eventId: event.id };
}

/** A mark as a checkpoint table stores it (the position as text); `what` names the checkpoint in the error. */
export type StoredLogMark = Omit<LogMark, 'position'> & { position: string };

export function logMarkOfStored(stored: StoredLogMark, what: string): LogMark {
  const position = parsePosition(stored.position);
  if (position === null) throw new Error(`${what} checkpoint ${JSON.stringify(stored.position)} is not a position`);
  return { ...stored, position };
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
