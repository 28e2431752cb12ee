/**
 * Turns the events one decision produced into records to append: metadata from the command's context, a
 * deterministic id, and the hash chain continuing from the stream's last event.
 */
import { currentEventSchemas, type DomainEvent } from '../../domain/events/catalog.ts';
import { eventMetadataSchema, type Actor, type EventMetadata } from '../../domain/events/metadata.ts';
import { nameBasedUuidOfParts } from '../../domain/ids.ts';
import { canonicalJson } from '../../domain/integrity/canonical-json.ts';
import { eventContentHashOfCanonicalParts } from '../../domain/integrity/event-hash.ts';
import type { Span } from '../../domain/reader/parsed-report.ts';
import type { EventToAppend, JsonObject } from '../store/event-store.ts';

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
 * same request produces the same id, and the store absorbs it. The name is these parts joined by newlines.
 */
function eventIdForCanonicalData(stream: string, type: string, correlationId: string, indexInDecision: number, canonicalData: string): string {
  return nameBasedUuidOfParts([`${stream}\n${type}\n${correlationId}\n${String(indexInDecision)}\n`, canonicalData]);
}

export interface ChainedEvent {
  toAppend: EventToAppend;
  metadata: EventMetadata;
}

/**
 * The metadata members in canonical (sorted) order. The hash's canonical metadata is written from this list, so
 * the list must name every member of the schema: the type below fails to compile when one is added or renamed.
 */
const CANONICAL_METADATA_KEYS = ['actor', 'causationId', 'correlationId', 'occurredAt', 'previousHash', 'source', 'hash'] as const;
type ListedKey = (typeof CANONICAL_METADATA_KEYS)[number];
const everyMetadataMemberListed: [Exclude<keyof EventMetadata, ListedKey>, Exclude<ListedKey, keyof EventMetadata>] extends [never, never] ? true : never = true;
void everyMetadataMemberListed;

export function chainEvents(
  stream: string,
  events: readonly DomainEvent[],
  context: CommandContext,
  previousHash: string | null,
): ChainedEvent[] {
  if (events.length === 0) return [];
  // Validated once per decision: its events differ only in previousHash and hash, and every later previousHash is
  // a hash computed here. Parsing also rebuilds the context's objects in the schema's member order, as stored.
  const checked = eventMetadataSchema.parse({
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    source: context.source,
    occurredAt: context.occurredAt,
    previousHash,
    hash: '',
  });
  // Everything of the canonical metadata but previousHash (and hash, which is left out of the content).
  const metadataHead =
    `{"actor":${canonicalJson(checked.actor)},"causationId":${canonicalJson(checked.causationId)},` +
    `"correlationId":${canonicalJson(checked.correlationId)},"occurredAt":${canonicalJson(checked.occurredAt)},"previousHash":`;
  const metadataTail = `,"source":${canonicalJson(checked.source)}}`;
  const chained: ChainedEvent[] = [];
  let previous = previousHash;
  events.forEach((event, index) => {
    const entry = currentEventSchemas[event.type];
    // Parsing strips members the schema does not know, so what is hashed and stored is exactly the schema's shape.
    const data = entry.schema.parse(event.data) as JsonObject;
    // Canonicalised once: both the id and the hash rest on it.
    const canonicalData = canonicalJson(data);
    const hash = eventContentHashOfCanonicalParts({
      canonicalData,
      canonicalMetadataWithoutHash: `${metadataHead}${canonicalJson(previous)}${metadataTail}`,
      previousHash: previous,
      stream,
      type: event.type,
      schemaVersion: entry.version,
    });
    const metadata: EventMetadata = { ...checked, previousHash: previous, hash };
    const id = eventIdForCanonicalData(stream, event.type, context.correlationId, index, canonicalData);
    chained.push({ toAppend: { id, type: event.type, schemaVersion: entry.version, data, metadata: { ...metadata } }, metadata });
    previous = hash;
  });
  return chained;
}
