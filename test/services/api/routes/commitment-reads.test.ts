import t from 'tap';
import { commitmentPageSchema, commitmentViewSchema, scorecardViewSchema } from '../../../../services/api/schemas/read-views.ts';
import { bearer, buildTestApp, ledgerIds, matcherLinkId, ORGANISATION } from '../app-fixture.ts';

const [first, second] = ledgerIds.commitments;

t.test('GET /commitments filters, pages with a cursor in a stable order, and refuses an unknown cursor', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const get = (query: string) => app.inject({ method: 'GET', url: `/commitments${query}`, headers: bearer('reader') });

  const all = commitmentPageSchema.parse((await get('')).json());
  t.same(all.items.map((item) => item.id), [first, second], 'plan order');
  t.equal(all.nextCursor, null);

  const page1 = commitmentPageSchema.parse((await get('?limit=1')).json());
  t.same(page1.items.map((item) => item.id), [first]);
  t.type(page1.nextCursor, 'string');
  const page2 = commitmentPageSchema.parse((await get(`?limit=1&cursor=${page1.nextCursor}`)).json());
  t.same(page2.items.map((item) => item.id), [second]);
  t.equal(page2.nextCursor, null);

  t.same((await get('?status=achieved')).json().items.map((item: { id: string }) => item.id), [first]);
  t.same((await get(`?organisation=${encodeURIComponent(ORGANISATION)}&planYear=2022&q=${encodeURIComponent('养老')}`)).json().items.map((item: { id: string }) => item.id), [second]);
  t.same((await get('?planYear=2023')).json().items, []);
  t.same((await get('?carriedOver=true')).json().items, []);
  t.equal((await get('?carriedOver=false')).json().items.length, 2);

  for (const cursor of ['garbage', Buffer.from('["commitments"]').toString('base64url')]) {
    const refused = await get(`?cursor=${cursor}`);
    t.equal(refused.statusCode, 400, cursor);
    t.match(refused.json(), { type: 'https://plan-ledger.dev/problems/invalid-cursor', field: 'query.cursor' });
  }
  const badStatus = await get('?status=finished');
  t.equal(badStatus.statusCode, 400);
  t.match(badStatus.json(), { field: 'query.status', errors: [{ field: 'query.status' }] });
});

t.test('GET /commitments/{id}: status with reason, targets, evidence with spans; ETag from the row version; 304', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const response = await app.inject({ method: 'GET', url: `/commitments/${first}`, headers: bearer('reader') });
  t.equal(response.statusCode, 200);
  const view = commitmentViewSchema.parse(response.json());
  t.equal(view.status, 'achieved');
  t.ok(view.reason !== null && view.reason.reason.length > 0, 'the status carries its reason');
  t.match(view.targets, [{ text: '8个', min: 8, unit: '个' }]);
  t.match(view.evidence, [{ linkId: matcherLinkId, outcomeId: ledgerIds.outcome, reportId: ledgerIds.summaryReport, state: 'proposed' }]);
  t.equal(response.headers.etag, `"${view.version}"`);
  t.equal(response.headers['cache-control'], 'no-cache');

  const revalidated = await app.inject({ method: 'GET', url: `/commitments/${first}`, headers: { ...bearer('reader'), 'if-none-match': `"x", ${response.headers.etag as string}` } });
  t.equal(revalidated.statusCode, 304);
  t.equal(revalidated.body, '');
  const stale = await app.inject({ method: 'GET', url: `/commitments/${first}`, headers: { ...bearer('reader'), 'if-none-match': '"0000000000000001.0000000000000001"' } });
  t.equal(stale.statusCode, 200);

  const missing = await app.inject({ method: 'GET', url: '/commitments/nope', headers: bearer('reader') });
  t.equal(missing.statusCode, 404);
  t.match(missing.json(), { type: 'https://plan-ledger.dev/problems/not-found', field: 'path.id' });
});

t.test('GET /commitments/{id}/history lists its events with who recorded them and its status timeline', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const response = await app.inject({ method: 'GET', url: `/commitments/${first}/history`, headers: bearer('reader') });
  t.equal(response.statusCode, 200);
  const history = response.json();
  t.same(history.events.map((event: { type: string }) => event.type), ['CommitmentRecorded', 'EvidenceLinkProposed']);
  t.match(history.events[0].metadata, { actor: { kind: 'system', id: 'fixture' } });
  t.ok(history.timeline.length >= 2, 'the timeline has the recording and the status changes');
  const again = await app.inject({ method: 'GET', url: `/commitments/${first}/history`, headers: { ...bearer('reader'), 'if-none-match': response.headers.etag as string } });
  t.equal(again.statusCode, 304);
  t.equal((await app.inject({ method: 'GET', url: '/commitments/nope/history', headers: bearer('reader') })).statusCode, 404);
});

t.test('asOf replays the past for auditors only', async (t) => {
  const { app } = await buildTestApp({ anonymousReads: true });
  t.teardown(() => app.close());
  const firstEvent = '0000000000000001.0000000000000001';
  const past = await app.inject({ method: 'GET', url: `/commitments/${first}?asOf=${firstEvent}`, headers: bearer('auditor') });
  t.equal(past.statusCode, 200);
  t.match(commitmentViewSchema.parse(past.json()), { id: first, status: 'pending', evidence: [] }, 'before the summary and the link');
  const now = await app.inject({ method: 'GET', url: `/commitments/${first}?asOf=2999-01-01T00:00:00Z`, headers: bearer('auditor') });
  t.equal(now.json().status, 'achieved');
  const beforeAnything = await app.inject({ method: 'GET', url: `/commitments/${first}?asOf=2000-01-01T00:00:00Z`, headers: bearer('admin') });
  t.equal(beforeAnything.statusCode, 404);

  t.equal((await app.inject({ method: 'GET', url: `/commitments/${first}?asOf=${firstEvent}`, headers: bearer('reader') })).statusCode, 403);
  t.equal((await app.inject({ method: 'GET', url: `/commitments/${first}?asOf=${firstEvent}` })).statusCode, 401, 'anonymous reads never reach the past');
  const malformed = await app.inject({ method: 'GET', url: `/commitments/${first}?asOf=yesterday`, headers: bearer('auditor') });
  t.equal(malformed.statusCode, 400);
  t.match(malformed.json(), { field: 'query.asOf' });

  const scorecardThen = await app.inject({
    method: 'GET',
    url: `/scorecards?organisation=${encodeURIComponent(ORGANISATION)}&year=2022&asOf=0000000000000003.0000000000000003`,
    headers: bearer('auditor'),
  });
  t.equal(scorecardThen.statusCode, 200);
  t.match(scorecardViewSchema.parse(scorecardThen.json()).total, { total: 2, counts: { pending: 2, achieved: 0 } });
  const scorecardReader = await app.inject({ method: 'GET', url: `/scorecards?organisation=${encodeURIComponent(ORGANISATION)}&year=2022&asOf=0000000000000003.0000000000000003`, headers: bearer('reader') });
  t.equal(scorecardReader.statusCode, 403);
});

t.test('GET /scorecards per area and in total; 404 for an unknown year; 400 without its parameters', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const response = await app.inject({ method: 'GET', url: `/scorecards?organisation=${encodeURIComponent(ORGANISATION)}&year=2022`, headers: bearer('reader') });
  t.equal(response.statusCode, 200);
  const scorecard = scorecardViewSchema.parse(response.json());
  t.match(scorecard.areas, [{ area: '(一)社区建设', total: 2 }]);
  t.match(scorecard.total, { total: 2, counts: { achieved: 1, no_evidence: 1 }, followThroughRate: 0.5 });
  t.equal((await app.inject({ method: 'GET', url: `/scorecards?organisation=${encodeURIComponent(ORGANISATION)}&year=2030`, headers: bearer('reader') })).statusCode, 404);
  const incomplete = await app.inject({ method: 'GET', url: '/scorecards?year=2022', headers: bearer('reader') });
  t.equal(incomplete.statusCode, 400);
  t.match(incomplete.json(), { field: 'query.organisation' });
});
