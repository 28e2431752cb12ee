/**
 * Deterministic identities. Every id is a function of what the thing is, never of when or where it was seen,
 * so re-reading the same document yields the same ids and the store's duplicate checks absorb retries.
 */
import crypto, { createHash } from 'node:crypto';
import type { Span } from './reader/parsed-report.ts';

/** Hex digits kept from a SHA-256 for entity ids: 96 bits, ample for every report a government will ever write. */
const ENTITY_ID_HEX_LENGTH = 24;

// Ids are hashed by the tens of thousands per ingestion: the one-shot digest (Node 20.12+) skips the Hash object.
const sha256HexOfUtf8: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text, 'utf8').digest('hex');

export function sha256Hex(text: string): string {
  return sha256HexOfUtf8(text);
}

/**
 * Remembers the last few thousand results of a pure string function. An ingestion derives the identity of each
 * command three or four times (to spot repeats in a batch, to name its stream, to decide it), so the repeats are
 * lookups. Forgetting everything when full keeps memory bounded; results never depend on what is remembered.
 */
function rememberingLast(limit: number, compute: (key: string) => string): (key: string) => string {
  const remembered = new Map<string, string>();
  return (key) => {
    const known = remembered.get(key);
    if (known !== undefined) return known;
    if (remembered.size >= limit) remembered.clear();
    const value = compute(key);
    remembered.set(key, value);
    return value;
  };
}

const REMEMBERED_IDS = 4096;

const entityIdOfJoined = rememberingLast(REMEMBERED_IDS, (joined) => sha256HexOfUtf8(joined).slice(0, ENTITY_ID_HEX_LENGTH));

function entityId(...parts: readonly (string | number)[]): string {
  // A separator that cannot occur inside the parts keeps ('a', 'bc') and ('ab', 'c') apart.
  return entityIdOfJoined(parts.join('\u0000'));
}

/** A report is its document: the id is the SHA-256 of the text. */
export function reportIdFor(sha256: string): string {
  return sha256;
}

const normalisedCommitmentText = rememberingLast(REMEMBERED_IDS, (text) =>
  // Whitespace goes before folding too, so a stray space cannot stop a base letter and its mark from composing.
  text
    .replace(/\s+/gu, '')
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[。;,、.:!?]+$/u, ''),
);

/**
 * The form of a commitment's text that identity rests on: width-folded (NFKC), without whitespace and without the
 * trailing punctuation that differs between scrapes of one page.
 */
export function normaliseCommitmentText(text: string): string {
  return normalisedCommitmentText(text);
}

export function commitmentIdFor(identity: { organisation: string; planYear: number; normalisedText: string }): string {
  return entityId('commitment', identity.organisation, identity.planYear, identity.normalisedText);
}

/** Year-free identity of a commitment's wording: the same key in the next year's plan means it was carried over. */
export function carriedOverKeyFor(identity: { organisation: string; normalisedText: string }): string {
  return entityId('carried-over', identity.organisation, identity.normalisedText);
}

export function targetIdFor(commitmentId: string, index: number): string {
  return `${commitmentId}.t${index}`;
}

export function outcomeIdFor(reportId: string, span: Span): string {
  return entityId('outcome', reportId, span[0], span[1]);
}

/** One link per (commitment, outcome, target): a later matcher version re-proposes the same link, not a new one. */
export function evidenceLinkIdFor(link: { commitmentId: string; outcomeId: string; targetId: string | null }): string {
  return entityId('evidence-link', link.commitmentId, link.outcomeId, link.targetId ?? '*');
}

export const streamNames = {
  report: (reportId: string): string => `report-${reportId}`,
  commitment: (commitmentId: string): string => `commitment-${commitmentId}`,
  outcome: (outcomeId: string): string => `outcome-${outcomeId}`,
} as const;

/** The project's namespace for name-based UUIDs (itself a random v4, fixed forever). */
const UUID_NAMESPACE = Buffer.from('6f1c2a4e9b7d4c0e8a3f5d2b1e9c7a60', 'hex');

/** An RFC 9562 version-5 (SHA-1, name-based) UUID: the same name always gives the same UUID. */
export function nameBasedUuid(name: string): string {
  return nameBasedUuidOfParts([name]);
}

/**
 * The UUID of the name that is the parts' concatenation, hashed piece by piece so a large part (an event's whole
 * data) is neither copied into one string nor, when given as UTF-8 bytes, encoded again.
 */
export function nameBasedUuidOfParts(parts: readonly (string | Buffer)[]): string {
  const hash = createHash('sha1').update(UUID_NAMESPACE);
  for (const part of parts) hash.update(part);
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
