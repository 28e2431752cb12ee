import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { eventPageSchema } from '../../../../services/api/routes/events.ts';
import { verifyResultSchema } from '../../../../services/api/routes/verify.ts';
import { openSqliteStore } from '../../../../services/store/sqlite-store.ts';
import { bearer, buildTestApp, ledgerIds } from '../app-fixture.ts';

t.test('GET /events pages the log in order after a position; a bad position is a 400', async (t) => {
  const { app, store } = await buildTestApp();
  t.teardown(() => app.close());
  const whole = eventPageSchema.parse((await app.inject({ method: 'GET', url: '/events', headers: bearer('auditor') })).json());
  t.equal(whole.events.length, 6);
  t.equal(whole.head, await store.headPosition());
  t.same(whole.events.map((event) => event.position), [...whole.events.map((event) => event.position)].sort(), 'in log order');
  t.equal(whole.events[0]?.stream, `commitment-${ledgerIds.commitments[0]}`);

  const firstPage = eventPageSchema.parse((await app.inject({ method: 'GET', url: '/events?limit=4', headers: bearer('auditor') })).json());
  const secondPage = eventPageSchema.parse((await app.inject({ method: 'GET', url: `/events?after=${firstPage.next}`, headers: bearer('auditor') })).json());
  t.same([...firstPage.events, ...secondPage.events], whole.events);

  for (const after of ['12', 'ffffffffffffffff.ffffffffffffffff']) {
    const refused = await app.inject({ method: 'GET', url: `/events?after=${after}`, headers: bearer('auditor') });
    t.equal(refused.statusCode, 400, after);
    t.match(refused.json(), { type: 'https://plan-ledger.dev/problems/invalid-cursor', field: 'query.after' });
  }
  const etag = (await app.inject({ method: 'GET', url: '/events', headers: bearer('auditor') })).headers.etag as string;
  t.equal((await app.inject({ method: 'GET', url: '/events', headers: { ...bearer('auditor'), 'if-none-match': etag } })).statusCode, 304);
});

t.test('GET /verify passes on an untouched log and finds an edited event', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-ledger-api-'));
  const file = path.join(dir, 'events.sqlite');
  const { app } = await buildTestApp({}, { store: openSqliteStore({ file }) });
  t.teardown(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const clean = await app.inject({ method: 'GET', url: '/verify', headers: bearer('auditor') });
  t.equal(clean.statusCode, 200);
  t.match(verifyResultSchema.parse(clean.json()), { ok: true, eventsVerified: 6, broken: null });
  t.equal((await app.inject({ method: 'GET', url: '/verify', headers: bearer('reader') })).statusCode, 403);

  const raw = new Database(file);
  raw.prepare(`UPDATE events SET data = json_set(data, '$.text', '在全区建设80个社区服务站。') WHERE global_position = 1`).run();
  raw.close();
  const tampered = await app.inject({ method: 'GET', url: '/verify', headers: { ...bearer('auditor'), 'if-none-match': clean.headers.etag as string } });
  t.equal(tampered.statusCode, 200, 'the old ETag does not hide the finding');
  t.match(verifyResultSchema.parse(tampered.json()), { ok: false, broken: { kind: 'content_hash_mismatch', stream: `commitment-${ledgerIds.commitments[0]}`, revision: 0 } });
});
