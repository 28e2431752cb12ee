/**
 * What the matching process remembers from the log: per (organisation, year), the commitments recorded for plan
 * year Y and the outcomes recorded for summary year Y, every link already proposed or rejected, the groups due
 * for matching, and the position of the last event folded in.
 *
 * A group is matched when a report touching it has been ingested completely: ingestion writes the commitment and
 * outcome streams first and the report stream last, so `ReportIngested` marks the moment a plan's or a summary's
 * members are all in. Matching on each member as it arrived would propose from half a document, and what was
 * proposed would then depend on arrival order. Amending a commitment's targets marks its group again.
 *
 * The state lives in SQLite (a file beside the event store, or `:memory:`), not in the heap: a restart resumes
 * after the checkpoint instead of re-reading the whole log, and memory stays flat however long the log grows.
 * Events are folded in inside one open transaction that `commit` closes together with the checkpoint, so the
 * state on disk is always the state after some whole prefix of the log. A due group stays due until `matched`:
 * a crash between proposing and marking only repeats proposals, which the ledger turns into no-ops.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DomainEvent } from '../../domain/events/catalog.ts';
import type { MatchableCommitment, MatchableOutcome } from '../../domain/matching/propose-evidence.ts';
import { logMarkOfStored, type LogMark, type StoredLogMark } from '../store/log-mark.ts';
import type { Position } from '../store/position.ts';

export const MATCHING_STATE_FILE = 'matching.sqlite';

/**
 * Where the matching process of a service keeps its state: beside the data it follows, except for an in-memory
 * store, whose log is gone at exit (a file would only ever be ahead of the next run's log).
 */
export function matchingStateFileFor(store: string, dataDir: string): string {
  return store === 'memory' ? ':memory:' : path.join(dataDir, MATCHING_STATE_FILE);
}

/** Bump when the tables change: a state of another version is dropped and rebuilt from the log. */
const MATCHING_STATE_VERSION = 2;

export function groupKey(organisation: string, year: number): string {
  return `${organisation}\u0000${year}`;
}

export interface MatchingGroup {
  key: string;
  organisation: string;
  year: number;
  commitments: MatchableCommitment[];
  outcomes: MatchableOutcome[];
}

const TABLES = `
-- The last event folded in, by position and by identity (services/store/log-mark.ts).
CREATE TABLE IF NOT EXISTS matching_checkpoint (
  only INTEGER PRIMARY KEY CHECK (only = 1), position TEXT NOT NULL, stream TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS matching_groups (key TEXT PRIMARY KEY, organisation TEXT NOT NULL, year INTEGER NOT NULL, due INTEGER NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS matching_groups_due ON matching_groups (due) WHERE due = 1;
-- Members in the order they were first recorded (rowid): the matcher sees a group as the log built it.
CREATE TABLE IF NOT EXISTS matching_commitments (id TEXT PRIMARY KEY, group_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS matching_commitments_by_group ON matching_commitments (group_key);
CREATE TABLE IF NOT EXISTS matching_outcomes (id TEXT PRIMARY KEY, group_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS matching_outcomes_by_group ON matching_outcomes (group_key);
CREATE TABLE IF NOT EXISTS matching_withdrawn (id TEXT PRIMARY KEY) STRICT;
CREATE TABLE IF NOT EXISTS matching_known_links (id TEXT PRIMARY KEY) STRICT;
`;
const TABLE_NAMES = ['matching_checkpoint', 'matching_groups', 'matching_commitments', 'matching_outcomes', 'matching_withdrawn', 'matching_known_links'];

function matchableCommitment(data: MatchableCommitment): MatchableCommitment {
  const { commitmentId, organisation, planYear, area, text, span, targets } = data;
  return { commitmentId, organisation, planYear, area, text, span, targets };
}

function matchableOutcome(data: MatchableOutcome): MatchableOutcome {
  const { outcomeId, reportId, organisation, summaryYear, area, text, span, quantities, cue, aboutSummaryYear } = data;
  return { outcomeId, reportId, organisation, summaryYear, area, text, span, quantities, cue, aboutSummaryYear };
}

export class MatchingState {
  private readonly db: Database.Database;
  private readonly statements;
  private inTransaction = false;

  constructor(file = ':memory:') {
    this.db = new Database(file);
    this.db.pragma('busy_timeout = 5000');
    if (file !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
      // The state can always be rebuilt from the log: a lost tail only means re-reading it.
      this.db.pragma('synchronous = NORMAL');
    }
    if ((this.db.pragma('user_version', { simple: true }) as number) !== MATCHING_STATE_VERSION) {
      this.db.transaction(() => {
        for (const table of TABLE_NAMES) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
        this.db.exec(TABLES);
        this.db.pragma(`user_version = ${MATCHING_STATE_VERSION}`);
      }).immediate();
    }
    const db = this.db;
    this.statements = {
      checkpoint: db.prepare(`SELECT position, stream, revision, event_id AS eventId FROM matching_checkpoint WHERE only = 1`),
      writeCheckpoint: db.prepare(
        `INSERT INTO matching_checkpoint (only, position, stream, revision, event_id) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (only) DO UPDATE SET position = excluded.position, stream = excluded.stream, revision = excluded.revision, event_id = excluded.event_id`,
      ),
      putGroup: db.prepare(`INSERT INTO matching_groups (key, organisation, year, due) VALUES (?, ?, ?, 0) ON CONFLICT (key) DO NOTHING`),
      markDue: db.prepare(`UPDATE matching_groups SET due = 1 WHERE key = ?`),
      clearDue: db.prepare(`UPDATE matching_groups SET due = 0 WHERE key = ?`),
      dueGroups: db.prepare(`SELECT key, organisation, year FROM matching_groups WHERE due = 1`),
      putCommitment: db.prepare(
        `INSERT INTO matching_commitments (id, group_key, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
      ),
      commitment: db.prepare(`SELECT data FROM matching_commitments WHERE id = ?`).pluck(),
      groupCommitments: db.prepare(
        `SELECT data FROM matching_commitments c WHERE group_key = ? AND NOT EXISTS (SELECT 1 FROM matching_withdrawn w WHERE w.id = c.id) ORDER BY rowid`,
      ).pluck(),
      hasCommitments: db.prepare(`SELECT EXISTS (SELECT 1 FROM matching_commitments WHERE group_key = ?)`).pluck(),
      putOutcome: db.prepare(`INSERT INTO matching_outcomes (id, group_key, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data`),
      groupOutcomes: db.prepare(`SELECT data FROM matching_outcomes WHERE group_key = ? ORDER BY rowid`).pluck(),
      withdraw: db.prepare(`INSERT INTO matching_withdrawn (id) VALUES (?) ON CONFLICT (id) DO NOTHING`),
      isWithdrawn: db.prepare(`SELECT EXISTS (SELECT 1 FROM matching_withdrawn WHERE id = ?)`).pluck(),
      knowLink: db.prepare(`INSERT INTO matching_known_links (id) VALUES (?) ON CONFLICT (id) DO NOTHING`),
      isKnownLink: db.prepare(`SELECT EXISTS (SELECT 1 FROM matching_known_links WHERE id = ?)`).pluck(),
    };
  }

  /** The position of the last event folded in and committed, or null for a state that has seen nothing. */
  checkpoint(): Position | null {
    return this.checkpointMark()?.position ?? null;
  }

  /** The last event folded in and committed, by position and identity. */
  checkpointMark(): LogMark | null {
    const stored = this.statements.checkpoint.get() as StoredLogMark | undefined;
    return stored === undefined ? null : logMarkOfStored(stored, 'matching');
  }

  /** Folds one event in; returns true when it made a group due for matching. */
  apply(event: DomainEvent): boolean {
    this.begin();
    switch (event.type) {
      case 'CommitmentRecorded': {
        const { commitmentId, organisation, planYear } = event.data;
        this.statements.putCommitment.run(commitmentId, this.group(organisation, planYear), JSON.stringify(matchableCommitment(event.data)));
        return false;
      }
      case 'OutcomeRecorded': {
        const { outcomeId, organisation, summaryYear } = event.data;
        this.statements.putOutcome.run(outcomeId, this.group(organisation, summaryYear), JSON.stringify(matchableOutcome(event.data)));
        return false;
      }
      case 'ReportIngested': {
        const { organisation, summary, plan } = event.data;
        let due = false;
        for (const year of [summary?.year, plan?.year]) {
          if (year !== undefined) due = this.markDue(organisation.name, year) || due;
        }
        return due;
      }
      case 'CommitmentAmended': {
        const stored = this.statements.commitment.get(event.data.commitmentId) as string | undefined;
        if (stored === undefined) return false;
        const commitment = JSON.parse(stored) as MatchableCommitment;
        const amended: MatchableCommitment = {
          ...commitment,
          text: event.data.text ?? commitment.text,
          targets: event.data.targets ?? commitment.targets,
        };
        this.statements.putCommitment.run(commitment.commitmentId, groupKey(commitment.organisation, commitment.planYear), JSON.stringify(amended));
        return this.markDue(commitment.organisation, commitment.planYear);
      }
      case 'CommitmentWithdrawn':
        this.statements.withdraw.run(event.data.commitmentId);
        return false;
      case 'EvidenceLinkProposed':
      case 'EvidenceLinkRejected':
        this.statements.knowLink.run(event.data.linkId);
        return false;
      default:
        return false;
    }
  }

  /** Makes everything folded in since the last commit durable, with `mark` (its last event) as the checkpoint. */
  commit(mark: LogMark): void {
    this.begin();
    this.statements.writeCheckpoint.run(mark.position, mark.stream, mark.revision, mark.eventId);
    this.db.exec('COMMIT');
    this.inTransaction = false;
  }

  /** Whether a link should not be proposed: it exists already, or a reviewer rejected it. */
  isKnownLink(linkId: string): boolean {
    return this.statements.isKnownLink.get(linkId) === 1;
  }

  isWithdrawn(commitmentId: string): boolean {
    return this.statements.isWithdrawn.get(commitmentId) === 1;
  }

  /**
   * The due groups that have both commitments and outcomes, in key order; a due group with one side only is
   * no longer due (the report bringing the other side will mark it again). Call after `commit`.
   */
  dueGroups(): MatchingGroup[] {
    const due: MatchingGroup[] = [];
    const rows = this.statements.dueGroups.all() as Array<{ key: string; organisation: string; year: number }>;
    // JavaScript's string order, as the in-memory state used: a different order could change which link wins a tie.
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { key, organisation, year } of rows) {
      const outcomes = (this.statements.groupOutcomes.all(key) as string[]).map((data) => JSON.parse(data) as MatchableOutcome);
      if (outcomes.length === 0 || this.statements.hasCommitments.get(key) !== 1) {
        this.statements.clearDue.run(key);
        continue;
      }
      const commitments = (this.statements.groupCommitments.all(key) as string[]).map((data) => JSON.parse(data) as MatchableCommitment);
      due.push({ key, organisation, year, commitments, outcomes });
    }
    return due;
  }

  /** The group's proposals are in the log: it is not due any more. */
  matched(key: string): void {
    this.statements.clearDue.run(key);
  }

  /** Forgets everything (the log this state followed is not the one it is asked to follow now). */
  reset(): void {
    if (this.inTransaction) this.db.exec('ROLLBACK');
    this.inTransaction = false;
    this.db.transaction(() => {
      for (const table of TABLE_NAMES) this.db.exec(`DELETE FROM ${table}`);
    }).immediate();
  }

  /** Rolls back what was not committed and closes the file. */
  close(): void {
    if (this.inTransaction) this.db.exec('ROLLBACK');
    this.inTransaction = false;
    this.db.close();
  }

  private begin(): void {
    if (this.inTransaction) return;
    this.db.exec('BEGIN IMMEDIATE');
    this.inTransaction = true;
  }

  private group(organisation: string, year: number): string {
    const key = groupKey(organisation, year);
    this.statements.putGroup.run(key, organisation, year);
    return key;
  }

  private markDue(organisation: string, year: number): boolean {
    const key = this.group(organisation, year);
    this.statements.markDue.run(key);
    return true;
  }
}
