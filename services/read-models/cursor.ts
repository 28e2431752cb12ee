/**
 * Opaque pagination cursors: the sort key of the last row served, as base64url JSON. Clients pass them back
 * untouched; anything else is rejected as an unknown cursor rather than guessed at.
 */
import { z } from 'zod';

export class UnknownCursor extends Error {
  override readonly name = 'UnknownCursor';
  constructor(readonly cursor: string) {
    super(`unknown cursor ${JSON.stringify(cursor.length > 80 ? `${cursor.slice(0, 80)}…` : cursor)}`);
  }
}

export function encodeCursor(kind: string, key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(kind: string, cursor: string, keySchema: T): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new UnknownCursor(cursor);
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind) throw new UnknownCursor(cursor);
  const key = keySchema.safeParse(parsed.slice(1));
  if (!key.success) throw new UnknownCursor(cursor);
  return key.data;
}
