import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { openEventStore } from '../../../services/store/open-store.ts';
import { anEvent, collect } from './store-fixtures.ts';

t.test('the embedded store is one file in the data folder, created on first use and found again', async (t) => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ledger-open-')), 'nested', 'data');
  t.teardown(() => fs.rmSync(path.dirname(path.dirname(dataDir)), { recursive: true, force: true }));
  const first = await openEventStore({ store: 'sqlite', dataDir });
  const event = anEvent();
  await first.appendToStream('report-1', [event], { expectedRevision: 'no_stream' });
  await first.close();
  t.ok(fs.existsSync(path.join(dataDir, 'events.sqlite')), 'events.sqlite in the data folder');
  const again = await openEventStore({ store: 'sqlite', dataDir });
  t.teardown(() => again.close());
  t.same((await collect(again.readAll())).map((recorded) => recorded.id), [event.id], 'reopened with its log');
});

t.test('the in-memory store uses the injected clock', async (t) => {
  const store = await openEventStore({ store: 'memory', dataDir: 'unused', clock: () => new Date('2024-03-05T01:00:00Z') });
  t.teardown(() => store.close());
  await store.appendToStream('report-1', [anEvent()], { expectedRevision: 'any' });
  t.equal((await collect(store.readAll()))[0]?.recordedAt, '2024-03-05T01:00:00.000Z');
});

t.test('EventStoreDB without a connection string is refused with a message naming the variable', async (t) => {
  await t.rejects(openEventStore({ store: 'eventstoredb', dataDir: 'unused', eventstoreConnectionString: null }), /EVENTSTORE_CONNECTION_STRING/);
});
