/**
 * An opaque, comparable position in the global log. Stores map their own positions onto it:
 * SQLite uses its global sequence number for both halves; EventStoreDB its (commit, prepare) pair.
 * The encoding is fixed-width hex, so positions compare correctly as plain strings too.
 */
declare const positionBrand: unique symbol;
export type Position = string & { readonly [positionBrand]: true };

const WIDTH = 16;
const PATTERN = /^[0-9a-f]{16}\.[0-9a-f]{16}$/;

export function positionOf(commit: bigint, prepare: bigint = commit): Position {
  if (commit < 0n || prepare < 0n) throw new RangeError('positions are never negative');
  return `${commit.toString(16).padStart(WIDTH, '0')}.${prepare.toString(16).padStart(WIDTH, '0')}` as Position;
}

export function positionParts(position: Position): { commit: bigint; prepare: bigint } {
  const [commit, prepare] = position.split('.');
  return { commit: BigInt(`0x${commit}`), prepare: BigInt(`0x${prepare}`) };
}

/** Parses an untrusted token (a cursor, a query parameter); null when it is not a position. */
export function parsePosition(token: string): Position | null {
  return PATTERN.test(token) ? (token as Position) : null;
}

export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** positionOf(n, n) for a sequence number below 2^53, without the bigint round trip (hot path of log reads). */
export function positionOfSequence(sequence: number): Position {
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new RangeError(`${sequence} is not a log sequence number`);
  const hex = sequence.toString(16).padStart(WIDTH, '0');
  return `${hex}.${hex}` as Position;
}
