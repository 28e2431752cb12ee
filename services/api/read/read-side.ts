/**
 * What the routes read, in one place: the read-model queries plus the read models' own version (the
 * projector's checkpoint), which is the ETag of every listing. The checkpoint lookup is a prepared statement
 * so a conditional GET of a listing costs one indexed read.
 */
import type { ReadModelDb } from '../../read-models/schema.ts';
import { PROJECTOR_CHECKPOINT } from '../../read-models/row-writer.ts';

export interface ReadSide {
  db: ReadModelDb;
  /** Position of the last event in the read models, or null before the first. */
  checkpoint(): string | null;
  /** The commitment an evidence link belongs to, or null for an unknown link. */
  commitmentOfLink(linkId: string): string | null;
}

export function createReadSide(db: ReadModelDb): ReadSide {
  const checkpoint = db.prepare(`SELECT position FROM checkpoint WHERE name = ?`).pluck();
  const linkOwner = db.prepare(`SELECT commitment_id FROM evidence WHERE link_id = ?`).pluck();
  return {
    db,
    checkpoint: () => (checkpoint.get(PROJECTOR_CHECKPOINT) as string | undefined) ?? null,
    commitmentOfLink: (linkId) => (linkOwner.get(linkId) as string | undefined) ?? null,
  };
}

/** The ETag of a listing: the read models' version (every listing changes only when it moves). */
export function listingVersion(readSide: ReadSide): string {
  return readSide.checkpoint() ?? 'empty';
}
