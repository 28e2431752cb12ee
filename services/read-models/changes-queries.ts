/**
 * The changes feed: (position, commitment) pairs at which a commitment's visible state — status, reason,
 * evidence, text — changed, in log order, after an opaque cursor.
 */
import { z } from 'zod';
import type { CommitmentStatus } from '../../domain/events/commitment-events.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Page } from './commitment-queries.ts';
import type { ReadModelDb } from './schema.ts';

export interface ChangeView {
  commitmentId: string;
  /** The commitment's version after the change. */
  position: string;
  status: CommitmentStatus;
}

const CURSOR_KIND = 'changes';
const changeKey = z.tuple([z.string(), z.string()]);

/** The cursor that resumes the feed just after `change` (what an SSE event's id carries). */
export function changeCursorOf(change: Pick<ChangeView, 'position' | 'commitmentId'>): string {
  return encodeCursor(CURSOR_KIND, [change.position, change.commitmentId]);
}

/** The log position a changes cursor points after; throws UnknownCursor when it is not such a cursor. */
export function positionOfChangeCursor(cursor: string): string {
  return decodeCursor(CURSOR_KIND, cursor, changeKey)[0];
}

export function listChangesAfter(db: ReadModelDb, page: { cursor?: string; limit: number }): Page<ChangeView> & { cursor: string | null } {
  const limit = Math.max(1, Math.floor(page.limit));
  const key = page.cursor === undefined ? null : decodeCursor(CURSOR_KIND, page.cursor, changeKey);
  const rows = (
    key === null
      ? db.prepare(`SELECT commitment_id AS commitmentId, position, status FROM changes ORDER BY position, commitment_id LIMIT ?`).all(limit + 1)
      : db
          .prepare(
            `SELECT commitment_id AS commitmentId, position, status FROM changes
             WHERE (position, commitment_id) > (?, ?) ORDER BY position, commitment_id LIMIT ?`,
          )
          .all(key[0], key[1], limit + 1)
  ) as ChangeView[];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const cursor = last === undefined ? (page.cursor ?? null) : changeCursorOf(last);
  return { items, nextCursor: rows.length > limit ? cursor : null, cursor };
}
