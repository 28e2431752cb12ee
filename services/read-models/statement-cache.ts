/**
 * Prepared statements kept per database and SQL text: preparing costs more than running a point query, and the
 * API's hot reads (a commitment by id, its version for a conditional GET) run thousands of times a second.
 */
import type { Statement } from 'better-sqlite3';
import type { ReadModelDb } from './schema.ts';

const cache = new WeakMap<ReadModelDb, Map<string, Statement>>();

/** The statement for `sql` on `db`, prepared once. Do not toggle modes (pluck, raw) on SQL shared with other callers. */
export function prepared(db: ReadModelDb, sql: string): Statement {
  let statements = cache.get(db);
  if (statements === undefined) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
