import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { ingestReport, ingestReports } from '../../../services/ingestion/ingest-report.ts';
import { verifyLog } from '../../../services/integrity/verify-log.ts';
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import type { EventStore } from '../../../services/store/event-store.ts';
import { fixedClock, logContent, pairFiles, readText, seedFiles } from './ingestion-fixtures.ts';

function tempStore(t: Test): EventStore {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-ledger-bulk-'));
  const store = openSqliteStore({ file: path.join(dir, 'events.sqlite') });
  t.teardown(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

const command = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'IngestReport', text, ...extra });

t.test('many documents in grouped transactions give the log of one-by-one ingestion, one result per input', async (t) => {
  const texts = [...seedFiles, ...pairFiles].map(readText);
  const ningbo = readText(seedFiles.find((file) => file.includes('ningbo'))!);
  const inputs = [
    ...texts.map((text) => command(text)),
    command('   '), // refused: nothing to read
    command(texts[0]!), // the same text twice in one call
    command(`网站首页 > 政务公开\n${ningbo}`), // another scrape: its commitments are the ningbo seed's
    command(texts[1]!, { organisationHint: '国务院' }), // a contradicting hint on a copy
  ];
  const bulk = tempStore(t);
  const results = await ingestReports({ store: bulk, clock: fixedClock }, inputs, { documentsPerTransaction: 3 });
  t.equal(results.length, inputs.length);
  t.ok(results.slice(0, texts.length).every((result) => result.ok && !result.alreadyIngested), 'every sample recorded');
  t.match(results[texts.length], { ok: false, error: { code: 'unreadable', reason: 'empty_text' } });
  t.match(results[texts.length + 1], { ok: true, alreadyIngested: true, commitmentsRecorded: 0, outcomesRecorded: 0 });
  t.match(results[texts.length + 2], { ok: true, alreadyIngested: false, commitmentsRecorded: 0 });
  t.match(results[texts.length + 3], { ok: false, error: { code: 'organisation_mismatch' } });

  const oneByOne = tempStore(t);
  for (const input of inputs) await ingestReport({ store: oneByOne, clock: fixedClock }, input);
  t.same(await logContent(bulk), await logContent(oneByOne));
  t.ok((await verifyLog(bulk)).ok);

  const again = await ingestReports({ store: bulk, clock: fixedClock }, inputs);
  t.ok(again.filter((result) => result.ok).every((result) => result.ok && result.alreadyIngested), 'a repeat records nothing');
  t.same(await logContent(bulk), await logContent(oneByOne));
});
