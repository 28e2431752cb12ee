/**
 * The embedded store's file layout. The integer primary key is the global position, so `$all` is a scan of the
 * table's own b-tree; (stream, revision) and (stream, event_id) are unique, which makes a concurrent writer's
 * conflicting append fail inside its transaction instead of corrupting a stream.
 */
import type Database from 'better-sqlite3';

export const SCHEMA_VERSION = 1;

export const CREATE_EVENTS_SQL = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  stream TEXT NOT NULL,
  revision INTEGER NOT NULL,
  category TEXT,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_event_id ON events (stream, event_id);
CREATE INDEX IF NOT EXISTS events_category_position ON events (category, global_position) WHERE category IS NOT NULL;
`;

/**
 * Durability first: WAL so readers never block the writer, synchronous=FULL so an acknowledged commit is on
 * disk, and a busy timeout so a second process (API and CLI side by side) waits for the lock instead of failing.
 */
export function applyPragmas(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
}

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true });
  if (version === SCHEMA_VERSION) return;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new Error(`event store file has schema version ${version}; this build knows up to ${SCHEMA_VERSION}`);
  }
  db.transaction(() => {
    db.exec(CREATE_EVENTS_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
