import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { ingestReport } from '../../../services/ingestion/ingest-report.ts';
import { verifyLog } from '../../../services/integrity/verify-log.ts';
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import type { EventStore, JsonObject, StreamAppend } from '../../../services/store/event-store.ts';
import { fixedClock, logContent, pairFiles, readText, seedFiles } from './ingestion-fixtures.ts';

// The embedded store offers multi-stream transactions, so ingestion takes its one-commit path here.
function tempStore(t: Test): EventStore {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-ledger-ingest-'));
  const store = openSqliteStore({ file: path.join(dir, 'events.sqlite') });
  t.teardown(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

const ingest = (store: EventStore, text: string) => ingestReport({ store, clock: fixedClock }, { type: 'IngestReport', text });

t.test('on the embedded store, every seed and pair file ingested twice yields one ingestion’s events', async (t) => {
  const store = tempStore(t);
  t.equal(typeof store.appendToStreams, 'function', 'the batched path is the one under test');
  let expectedEvents = 0;
  for (const file of [...seedFiles, ...pairFiles]) {
    const first = await ingest(store, readText(file));
    t.ok(first.ok && !first.alreadyIngested, file);
    if (first.ok) expectedEvents += 1 + first.commitmentsRecorded + first.outcomesRecorded;
  }
  const afterFirst = await logContent(store);
  t.equal(afterFirst.length, expectedEvents);
  for (const file of [...seedFiles, ...pairFiles]) {
    const second = await ingest(store, readText(file));
    t.ok(second.ok && second.alreadyIngested, `${file} again`);
  }
  t.same(await logContent(store), afterFirst);
  t.same(await verifyLog(store), { ok: true, events: expectedEvents, streams: expectedEvents });
});

t.test('on the embedded store, a crash in the middle of the one transaction leaves nothing, and a retry completes', async (t) => {
  const text = readText(seedFiles.find((file) => file.includes('guangzhou'))!);
  const clean = tempStore(t);
  t.ok((await ingest(clean, text)).ok);
  const expected = await logContent(clean);

  const store = tempStore(t);
  // The report comes last in the transaction; serialising its event fails after every statement was inserted.
  const failOnReport = (append: StreamAppend): StreamAppend => ({
    ...append,
    events: append.events.map((event) => ({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      metadata: event.metadata,
      get data(): JsonObject {
        throw new Error('simulated crash');
      },
    })),
  });
  const crashing: EventStore = {
    appendToStreams: (appends) => store.appendToStreams!(appends.map((append, index) => (index === appends.length - 1 ? failOnReport(append) : append))),
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    readCategory: (...args) => store.readCategory(...args),
    subscribeToAll: (...args) => store.subscribeToAll(...args),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
  await t.rejects(ingest(crashing, text), /simulated crash/);
  t.same(await logContent(store), [], 'the transaction rolled back: not one statement without its report');
  const retry = await ingest(store, text);
  t.ok(retry.ok && !retry.alreadyIngested);
  t.same(await logContent(store), expected);
});

t.test('a statement already recorded by another document does not stop the batch', async (t) => {
  const store = tempStore(t);
  const text = readText(seedFiles.find((file) => file.includes('ningbo'))!);
  t.ok((await ingest(store, text)).ok);
  // The same page scraped again with a navigation line on top: a new document whose commitments already exist.
  const rescraped = await ingest(store, `网站首页 > 政务公开 > 工作总结\n${text}`);
  t.ok(rescraped.ok && !rescraped.alreadyIngested);
  t.equal(rescraped.ok && rescraped.commitmentsRecorded, 0, 'its commitments were already recorded');
  t.ok(rescraped.ok && rescraped.outcomesRecorded > 0, 'its outcomes are its own (outcome ids follow the report)');
  t.ok((await verifyLog(store)).ok);
});
