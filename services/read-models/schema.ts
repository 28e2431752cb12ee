/**
 * The read-model database: its own SQLite file beside the event store (WAL), or `:memory:` for as-of replays.
 * The schema carries a version; opening a file written by another version drops every read model so the
 * projector rebuilds them from the log.
 */
import Database from 'better-sqlite3';

export type ReadModelDb = Database.Database;

export const READ_MODEL_FILE = 'read-models.sqlite';

/** Bump whenever a table or a projection changes what it writes: old read models are then rebuilt. */
export const READ_MODEL_SCHEMA_VERSION = 4;

const TABLES = `
-- The last event applied, by position and by identity (services/store/log-mark.ts).
CREATE TABLE IF NOT EXISTS checkpoint (
  name TEXT PRIMARY KEY,
  position TEXT NOT NULL,
  stream TEXT NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  organisation TEXT NOT NULL,
  organisation_evidence TEXT NOT NULL,
  title TEXT,
  published_at TEXT,
  source TEXT,
  reader_version TEXT NOT NULL,
  text_length INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  version TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS reports_by_organisation ON reports (organisation, published_at);
CREATE TABLE IF NOT EXISTS report_parts (
  report_id TEXT NOT NULL,
  part TEXT NOT NULL,
  organisation TEXT NOT NULL,
  year INTEGER NOT NULL,
  heading TEXT,
  heading_span TEXT,
  span TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  PRIMARY KEY (report_id, part)
) STRICT;
CREATE INDEX IF NOT EXISTS report_parts_by_year ON report_parts (organisation, part, year);
CREATE TABLE IF NOT EXISTS organisations (
  name TEXT PRIMARY KEY,
  first_seen_position TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS commitments (
  id TEXT PRIMARY KEY,
  organisation TEXT NOT NULL,
  plan_year INTEGER NOT NULL,
  area TEXT,
  marker TEXT,
  text TEXT NOT NULL,
  original_text TEXT,
  normalised_text TEXT NOT NULL,
  report_id TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  withdrawn_reason TEXT,
  assessment TEXT,
  status TEXT NOT NULL,
  computed_status TEXT NOT NULL,
  reason TEXT,
  carried_over INTEGER NOT NULL,
  version TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS commitments_in_order ON commitments (organisation, plan_year, span_start, id);
CREATE INDEX IF NOT EXISTS commitments_by_status ON commitments (status, organisation, plan_year);
CREATE TABLE IF NOT EXISTS targets (
  target_id TEXT PRIMARY KEY,
  commitment_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  data TEXT NOT NULL,
  status TEXT NOT NULL,
  actual TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS targets_by_commitment ON targets (commitment_id, idx);
CREATE TABLE IF NOT EXISTS outcomes (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL,
  organisation TEXT NOT NULL,
  summary_year INTEGER NOT NULL,
  area TEXT,
  -- The recorded outcome as JSON; its text is read from there (storing it twice cost a fifth of a rebuild's writes).
  data TEXT NOT NULL,
  version TEXT NOT NULL
) STRICT;
-- An as-of replay of one organisation lists its outcome streams (services/read-models/organisation-streams.ts).
CREATE INDEX IF NOT EXISTS outcomes_by_organisation ON outcomes (organisation);
CREATE TABLE IF NOT EXISTS evidence (
  link_id TEXT PRIMARY KEY,
  commitment_id TEXT NOT NULL,
  outcome_id TEXT NOT NULL,
  target_id TEXT,
  score REAL NOT NULL,
  method_name TEXT NOT NULL,
  method_version TEXT NOT NULL,
  matched_terms TEXT NOT NULL,
  state TEXT NOT NULL,
  state_reason TEXT,
  version TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS evidence_by_commitment ON evidence (commitment_id, link_id);
CREATE INDEX IF NOT EXISTS evidence_by_outcome ON evidence (outcome_id);
CREATE TABLE IF NOT EXISTS timeline (
  commitment_id TEXT NOT NULL,
  position TEXT NOT NULL,
  kind TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  status TEXT,
  PRIMARY KEY (commitment_id, position, kind)
) STRICT;
CREATE TABLE IF NOT EXISTS changes (
  position TEXT NOT NULL,
  commitment_id TEXT NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (position, commitment_id)
) STRICT;
CREATE TABLE IF NOT EXISTS scorecards (
  organisation TEXT NOT NULL,
  year INTEGER NOT NULL,
  area TEXT NOT NULL,
  counts TEXT NOT NULL,
  total INTEGER NOT NULL,
  assessable INTEGER NOT NULL,
  follow_through_rate REAL,
  PRIMARY KEY (organisation, year, area)
) STRICT;
`;

export const READ_MODEL_TABLES = [
  'checkpoint',
  'reports',
  'report_parts',
  'organisations',
  'commitments',
  'targets',
  'outcomes',
  'evidence',
  'timeline',
  'changes',
  'scorecards',
] as const;

/** Opens (creating when needed) the read models at `file`, or in memory for `:memory:`. */
export function openReadModelDb(file: string): ReadModelDb {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  // Projection touches rows all over the tables (commitments of a plan year, their targets and evidence): a page
  // cache of 64 MiB keeps a rebuild from re-reading the same pages from the file.
  db.pragma('cache_size = -65536');
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // The checkpoint commits with its rows, and the rows can always be rebuilt from the log: NORMAL is enough.
    db.pragma('synchronous = NORMAL');
  }
  const stored = db.pragma('user_version', { simple: true }) as number;
  if (stored !== READ_MODEL_SCHEMA_VERSION) {
    db.transaction(() => {
      dropTables(db);
      db.exec(TABLES);
      db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION}`);
    }).immediate();
  }
  return db;
}

/** Drops every read model and its checkpoint and creates them empty, in one transaction. */
export function resetReadModels(db: ReadModelDb): void {
  db.transaction(() => {
    dropTables(db);
    db.exec(TABLES);
  }).immediate();
}

function dropTables(db: ReadModelDb): void {
  for (const table of READ_MODEL_TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
}
