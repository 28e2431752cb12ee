/** Every read-model table, rows sorted, as JSON: two dumps are equal exactly when the read models are. */
import { READ_MODEL_TABLES, type ReadModelDb } from './schema.ts';

export function canonicalDump(db: ReadModelDb): Record<string, string[]> {
  const dump: Record<string, string[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>;
    dump[table] = rows.map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();
  }
  return dump;
}
