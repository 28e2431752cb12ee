/** `ingest`, `history` and `verify` through the real binary, as child processes on a temporary data folder. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { runCli } from '../../../services/cli/run-cli.ts';
import { executeLedgerCommand } from '../../../services/commands/execute-ledger-command.ts';
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import { collect } from '../events/collect.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/plan-ledger.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function planLedger(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, STORE: 'sqlite', DATA_DIR: '', LOG_LEVEL: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

async function inProcess(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (line) => out.push(line), stderr: (line) => err.push(line) });
  return { code, stdout: out.map((line) => `${line}\n`).join(''), stderr: err.map((line) => `${line}\n`).join('') };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'plan-ledger-cli-'));
t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
const notUtf8 = path.join(dataDir, 'latin1.txt');
writeFileSync(notUtf8, Buffer.from([0x32, 0x30, 0x32, 0x32, 0xe9, 0xff, 0xfe]));

t.test('ingest: a line per file and a summary; a rejected file does not stop the others', async (t) => {
  const first = await planLedger(['ingest', 'seeds', 'test/fixtures/gold/pairs/stateCouncil_2022_report.txt', 'no-such-file.txt', notUtf8, '--data-dir', dataDir]);
  t.equal(first.code, 1, 'non-zero because two files were rejected');
  t.equal(first.stdout.match(/^ingested /gmu)?.length, 6, first.stdout);
  t.match(first.stdout, /ingested seeds\/shenzhen-longhua-civil-affairs-2021-review-2022-plan\.txt: 深圳市龙华区民政局, summary 2021 \(\d+ outcomes\), plan 2022 \(\d+ commitments\)/u);
  t.match(first.stdout, /8 file\(s\): 6 ingested, 0 already ingested, 2 rejected/);
  t.match(first.stderr, /rejected no-such-file\.txt: no such file/);
  t.match(first.stderr, /rejected .*latin1\.txt: not UTF-8 text/);

  const again = await planLedger(['ingest', 'seeds', '--data-dir', dataDir]);
  t.equal(again.code, 0);
  t.equal(again.stdout.match(/^already ingested /gmu)?.length, 5);
  t.match(again.stdout, /5 file\(s\): 0 ingested, 5 already ingested, 0 rejected/);

  // The remaining cases run in process, through the same dispatcher the binary uses (a child process each is slow).
  const contradicted = await inProcess(['ingest', 'test/fixtures/gold/pairs/stateCouncil_2023_report.txt', '--org', '北京市人民政府', '--data-dir', dataDir]);
  t.equal(contradicted.code, 1);
  t.match(contradicted.stderr, /hint '北京市人民政府' contradicts the document, which names '国务院'/u);

  const usage = await inProcess(['ingest', '--data-dir', dataDir]);
  t.equal(usage.code, 2);
  t.match(usage.stderr, /usage: plan-ledger ingest/);
});

t.test('history: every event of a commitment, readable', async (t) => {
  const store = openSqliteStore({ file: path.join(dataDir, 'events.sqlite') });
  const recorded = (await collect(store.readCategory('commitment'))).find((event) => (event.data['organisation'] as string) === '深圳市龙华区民政局');
  const commitmentId = recorded?.data['commitmentId'] as string;
  const assessed = await executeLedgerCommand(
    store,
    { type: 'AssessCommitment', commitmentId, status: 'in_progress', rationale: '已建成一批，尚未覆盖全区' },
    { actor: { kind: 'person', id: 'auditor-3', version: null }, correlationId: 'cli-test', causationId: null, occurredAt: '2026-03-02T09:00:00.000Z', source: null },
  );
  t.ok(assessed.ok);
  await store.close();

  const history = await planLedger(['history', commitmentId, '--data-dir', dataDir]);
  t.equal(history.code, 0, history.stderr);
  const lines = history.stdout.trim().split('\n');
  t.equal(lines.length, 2);
  t.match(lines[0], /^\S+ {2}#0 {2}CommitmentRecorded {2}reader:plan-ledger-reader@\S+ {2}深圳市龙华区民政局 plan 2022: 「/u);
  t.equal(lines[1], `2026-03-02T09:00:00.000Z  #1  CommitmentAssessed  person:auditor-3  in_progress: 已建成一批，尚未覆盖全区`);

  const unknown = await inProcess(['history', 'ffffffffffffffffffffffff', '--data-dir', dataDir]);
  t.equal(unknown.code, 1);
  t.match(unknown.stderr, /no commitment ffffffffffffffffffffffff is recorded/);
});

t.test('verify: an intact log verifies', async (t) => {
  const store = openSqliteStore({ file: path.join(dataDir, 'events.sqlite') });
  const events = await collect(store.readAll());
  const streams = new Set(events.map((event) => event.stream)).size;
  await store.close();
  const verified = await planLedger(['verify', '--data-dir', dataDir]);
  t.equal(verified.code, 0, verified.stderr);
  t.equal(verified.stdout.trim(), `verified ${events.length} events in ${streams} streams`);
});
