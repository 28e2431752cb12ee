/**
 * Tamper evidence. Each event's metadata carries `previousHash` (the hash of the event before it in its stream,
 * null for the first) and `hash`, the SHA-256 of its canonical content: type, version, data, metadata without
 * `hash`, stream and previousHash. Editing any stored event breaks its own hash or the next event's link.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

export interface HashableEvent {
  stream: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  /** The metadata as stored; a `hash` member, if present, is left out of the content. */
  metadata: Readonly<Record<string, unknown>>;
  previousHash: string | null;
}

export function eventContentHash(event: HashableEvent): string {
  return eventContentHashWithData(event, canonicalJson(event.data));
}

/**
 * The same hash, for a caller that already holds the canonical JSON of the data (the data can be large: a
 * report carries its whole text). The members are written in canonical (sorted) order by hand.
 */
export function eventContentHashWithData(event: Omit<HashableEvent, 'data'>, canonicalData: string): string {
  const { hash: _ownHash, ...metadataWithoutHash } = event.metadata;
  const content =
    `{"data":${canonicalData},"metadata":${canonicalJson(metadataWithoutHash)},"previousHash":${canonicalJson(event.previousHash)},` +
    `"stream":${canonicalJson(event.stream)},"type":${canonicalJson(event.type)},"version":${canonicalJson(event.schemaVersion)}}`;
  return createHash('sha256').update(content, 'utf8').digest('hex');
}
