/**
 * Turns the events one decision produced into records to append: metadata from the command's context, a
 * deterministic id, and the hash chain continuing from the stream's last event.
 */
import type { DomainEvent } from '../../domain/events/catalog.ts';
import type { Actor, EventMetadata } from '../../domain/events/metadata.ts';
import { nameBasedUuid } from '../../domain/ids.ts';
import { canonicalJson } from '../../domain/integrity/canonical-json.ts';
import { eventContentHashWithData } from '../../domain/integrity/event-hash.ts';
import type { Span } from '../../domain/reader/parsed-report.ts';
import type { EventToAppend } from '../store/event-store.ts';
import { encodeEvent } from './event-codec.ts';

/** Who is acting, in which conversation, when, and from which document: the metadata every event carries. */
export interface CommandContext {
  actor: Actor;
  /** Shared by every event of one request or one ingestion; part of event ids, so a retried request reuses them. */
  correlationId: string;
  causationId: string | null;
  /** ISO-8601 time the service accepted the command (time is data; deciders have no clock). */
  occurredAt: string;
  /** The document (and span in it) the command was read from, or null for a person's or program's decision. */
  source: { sha256: string; span: Span | null } | null;
}

/**
 * The id depends on what the event says and the request that caused it, not on where it lands: a retry of the
 * same request produces the same id, and the store absorbs it.
 */
function eventIdForCanonicalData(stream: string, type: string, correlationId: string, indexInDecision: number, canonicalData: string): string {
  return nameBasedUuid([stream, type, correlationId, String(indexInDecision), canonicalData].join('\n'));
}

export interface ChainedEvent {
  toAppend: EventToAppend;
  metadata: EventMetadata;
}

export function chainEvents(
  stream: string,
  events: readonly DomainEvent[],
  context: CommandContext,
  previousHash: string | null,
): ChainedEvent[] {
  const chained: ChainedEvent[] = [];
  let previous = previousHash;
  events.forEach((event, index) => {
    const unsigned = encodeEvent('', event, {
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId,
      source: context.source,
      occurredAt: context.occurredAt,
      previousHash: previous,
      hash: '',
    });
    // Canonicalised once: both the id and the hash rest on it.
    const canonicalData = canonicalJson(unsigned.data);
    const hash = eventContentHashWithData(
      { stream, type: unsigned.type, schemaVersion: unsigned.schemaVersion, metadata: unsigned.metadata, previousHash: previous },
      canonicalData,
    );
    const metadata: EventMetadata = { ...(unsigned.metadata as EventMetadata), hash };
    const id = eventIdForCanonicalData(stream, event.type, context.correlationId, index, canonicalData);
    chained.push({ toAppend: { ...unsigned, id, metadata: { ...metadata } }, metadata });
    previous = hash;
  });
  return chained;
}
