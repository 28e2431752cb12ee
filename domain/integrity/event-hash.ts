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
  return eventContentHashOfCanonicalParts({
    canonicalData,
    canonicalMetadataWithoutHash: canonicalJson(metadataWithoutHash),
    previousHash: event.previousHash,
    stream: event.stream,
    type: event.type,
    schemaVersion: event.schemaVersion,
  });
}

export interface CanonicalHashParts {
  /** canonicalJson of the data, as a string or as its UTF-8 bytes (a writer that hashes it twice encodes it once). */
  canonicalData: string | Buffer;
  /** canonicalJson of the metadata without its `hash` member. */
  canonicalMetadataWithoutHash: string;
  previousHash: string | null;
  stream: string;
  type: string;
  schemaVersion: number;
}

/**
 * The same hash from parts already in canonical form, fed to the digest piece by piece: the content (which
 * holds the whole data) is never built as one string. Hashing the pieces in order is hashing their concatenation.
 */
export function eventContentHashOfCanonicalParts(parts: CanonicalHashParts): string {
  const previous = canonicalJson(parts.previousHash);
  return createHash('sha256')
    .update('{"data":', 'utf8')
    // A string is hashed as its UTF-8 bytes, so either form of the data gives the same digest.
    .update(parts.canonicalData)
    .update(
      `,"metadata":${parts.canonicalMetadataWithoutHash},"previousHash":${previous},` +
        `"stream":${canonicalJson(parts.stream)},"type":${canonicalJson(parts.type)},"version":${canonicalJson(parts.schemaVersion)}}`,
      'utf8',
    )
    .digest('hex');
}
