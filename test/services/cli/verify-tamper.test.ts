/** Tamper evidence end to end: edit stored events directly in the SQLite file and watch `verify` point at them. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import t from 'tap';
import { eventContentHash } from '../../../domain/integrity/event-hash.ts';
import { executeLedgerCommand } from '../../../services/commands/execute-ledger-command.ts';
import { ingestReport } from '../../../services/ingestion/ingest-report.ts';
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import { collect } from '../events/collect.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/plan-ledger.js');

function verify(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'verify', '--data-dir', dataDir], { cwd: root, env: { ...process.env, STORE: 'sqlite', DATA_DIR: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'plan-ledger-tamper-'));
t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
const file = path.join(dataDir, 'events.sqlite');

const store = openSqliteStore({ file });
const ingested = await ingestReport(
  { store, clock: () => new Date('2026-03-01T00:00:00.000Z') },
  { type: 'IngestReport', text: readFileSync(path.join(root, 'seeds/ningbo-haishu-civil-affairs-2015-review-2016-plan.txt'), 'utf8') },
);
const target = (await collect(store.readCategory('commitment')))[3]!;
const commitmentId = target.data['commitmentId'] as string;
const withdrawn = await executeLedgerCommand(
  store,
  { type: 'WithdrawCommitment', commitmentId, reason: 'superseded' },
  { actor: { kind: 'person', id: 'clerk-1', version: null }, correlationId: 'tamper-test', causationId: null, occurredAt: '2026-03-02T00:00:00.000Z', source: null },
);
await store.close();

t.ok(ingested.ok && withdrawn.ok, 'set-up: one report and a withdrawal on one commitment (two events in its stream)');

t.test('editing an event’s data breaks its own hash, and verify names the stream, revision and hashes', async (t) => {
  const before = await verify(dataDir);
  t.equal(before.code, 0, before.stderr);

  const db = new Database(file);
  const row = db.prepare('SELECT data, metadata FROM events WHERE stream = ? AND revision = 0').get(target.stream) as { data: string; metadata: string };
  const storedHash = (JSON.parse(row.metadata) as { hash: string }).hash;
  const forged = { ...(JSON.parse(row.data) as Record<string, unknown>), text: '已全部完成（篡改）' };
  db.prepare('UPDATE events SET data = ? WHERE stream = ? AND revision = 0').run(JSON.stringify(forged), target.stream);
  db.close();

  const after = await verify(dataDir);
  t.equal(after.code, 1);
  t.equal(after.stdout, '');
  t.match(after.stderr, `broken link in stream ${target.stream} at revision 0`);
  t.match(after.stderr, /its content was changed/);
  t.match(after.stderr, new RegExp(`expected [0-9a-f]{64}, found ${storedHash}`));
});

t.test('re-signing the edited event moves the break to the next event’s link', async (t) => {
  const db = new Database(file);
  const row = db.prepare('SELECT type, schema_version, data, metadata FROM events WHERE stream = ? AND revision = 0').get(target.stream) as {
    type: string;
    schema_version: number;
    data: string;
    metadata: string;
  };
  const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
  const resigned = eventContentHash({ stream: target.stream, type: row.type, schemaVersion: row.schema_version, data: JSON.parse(row.data), metadata, previousHash: null });
  db.prepare('UPDATE events SET metadata = ? WHERE stream = ? AND revision = 0').run(JSON.stringify({ ...metadata, hash: resigned }), target.stream);
  db.close();

  const after = await verify(dataDir);
  t.equal(after.code, 1);
  t.match(after.stderr, `broken link in stream ${target.stream} at revision 1: the event does not link to the hash of the event before it`);
  t.match(after.stderr, `expected ${resigned}`);
});
