import t from 'tap';
import { createMemoryStore } from '../../../../services/store/memory-store.ts';
import { bearer, buildTestApp } from '../app-fixture.ts';

const PROBLEM = 'application/problem+json; charset=utf-8';

t.test('unknown paths are 404 and known paths with the wrong method 405 with Allow, both as problems', async (t) => {
  const { app } = await buildTestApp({}, { withLedger: false });
  t.teardown(() => app.close());
  const missing = await app.inject({ method: 'GET', url: '/nowhere', headers: bearer('reader') });
  t.equal(missing.statusCode, 404);
  t.equal(missing.headers['content-type'], PROBLEM);
  t.match(missing.json(), { type: 'https://plan-ledger.dev/problems/not-found', title: 'Not found', status: 404, detail: /nowhere/ });

  const wrongMethod = await app.inject({ method: 'DELETE', url: '/commitments/abc', headers: bearer('admin') });
  t.equal(wrongMethod.statusCode, 405);
  t.equal(wrongMethod.headers.allow, 'GET, HEAD');
  t.match(wrongMethod.json(), { type: 'https://plan-ledger.dev/problems/method-not-allowed', status: 405, field: 'method' });
  const getOnWrite = await app.inject({ method: 'GET', url: '/commitments/abc/withdrawal', headers: bearer('admin') });
  t.equal(getOnWrite.statusCode, 405);
  t.equal(getOnWrite.headers.allow, 'POST');
});

t.test('every response carries a request id, the caller’s own when given', async (t) => {
  const { app } = await buildTestApp({}, { withLedger: false });
  t.teardown(() => app.close());
  const own = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-123' } });
  t.equal(own.headers['x-request-id'], 'trace-123');
  const generated = await app.inject({ method: 'GET', url: '/nowhere', headers: bearer('reader') });
  t.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/);
});

t.test('rate limit per token: 429 with Retry-After once the window is used up, other tokens unaffected', async (t) => {
  const { app } = await buildTestApp({ rateLimit: { max: 3, windowMs: 60_000 } }, { withLedger: false });
  t.teardown(() => app.close());
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'GET', url: '/organisations', headers: bearer('reader') })).statusCode);
  t.same(statuses, [200, 200, 200, 429]);
  const limited = await app.inject({ method: 'GET', url: '/organisations', headers: bearer('reader') });
  t.equal(limited.statusCode, 429);
  t.equal(limited.headers['content-type'], PROBLEM);
  t.match(limited.headers['retry-after'], /^\d+$/);
  t.ok(Number(limited.headers['retry-after']) > 0 && Number(limited.headers['retry-after']) <= 60);
  t.match(limited.json(), { type: 'https://plan-ledger.dev/problems/rate-limited', status: 429 });
  t.equal((await app.inject({ method: 'GET', url: '/organisations', headers: bearer('admin') })).statusCode, 200, 'another token has its own budget');
});

t.test('an unexpected failure is a 500 problem that names the request id and hides the cause', async (t) => {
  const store = createMemoryStore();
  const { app } = await buildTestApp({}, { withLedger: false, store });
  t.teardown(() => app.close());
  await store.close();
  const failed = await app.inject({ method: 'GET', url: '/events', headers: bearer('auditor') });
  t.equal(failed.statusCode, 500);
  t.equal(failed.headers['content-type'], PROBLEM);
  t.match(failed.json(), { type: 'https://plan-ledger.dev/problems/internal', status: 500 });
  t.match(failed.json().detail, failed.headers['x-request-id'] as string);
  t.notMatch(failed.body, /closed/i, 'no internals leak');
});

t.test('/openapi.json describes the API from the zod schemas; /docs serves Swagger UI from local files', async (t) => {
  const { app } = await buildTestApp({}, { withLedger: false });
  t.teardown(() => app.close());
  const openapi = await app.inject({ method: 'GET', url: '/openapi.json' });
  t.equal(openapi.statusCode, 200);
  const document = openapi.json();
  t.match(document.openapi, /^3\./);
  for (const route of ['/reports', '/reports/{id}', '/commitments', '/commitments/{id}', '/commitments/{id}/history', '/scorecards', '/changes', '/events', '/verify', '/commitments/{id}/assessments', '/evidence/{id}/confirm']) {
    t.ok(document.paths[route], route);
  }
  t.match(document.paths['/commitments'].get.parameters.map((p: { name: string }) => p.name), ['organisation', 'planYear', 'area', 'status', 'carriedOver', 'q', 'cursor', 'limit']);
  t.ok(document.components.schemas.Commitment, 'the commitment schema is a named component');
  t.same(Object.keys(document.paths['/reports'].post.requestBody.content), ['text/plain', 'application/json'], 'a report is sent as text or JSON');
  t.ok(document.paths['/commitments/{id}/assessments'].post.responses['412'], 'problem responses are described');
  const unchanged = await app.inject({ method: 'GET', url: '/openapi.json', headers: { 'if-none-match': openapi.headers.etag as string } });
  t.equal(unchanged.statusCode, 304);

  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  const html = docs.statusCode === 302 ? await app.inject({ method: 'GET', url: docs.headers.location as string }) : docs;
  t.equal(html.statusCode, 200);
  t.notMatch(html.body, /https?:\/\/(cdn|unpkg|cdnjs)/, 'no CDN');
  const bundle = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
  t.equal(bundle.statusCode, 200);
});

t.test('/metrics: request counts and latency histograms in the Prometheus text format, plus configured gauges', async (t) => {
  const { app } = await buildTestApp({}, { gauges: [{ name: 'plan_ledger_test_gauge', help: 'A configured gauge.', read: () => 7 }] });
  t.teardown(() => app.close());
  await app.inject({ method: 'GET', url: '/organisations', headers: bearer('reader') });
  await app.inject({ method: 'GET', url: '/organisations' });
  const metrics = await app.inject({ method: 'GET', url: '/metrics', headers: bearer('reader') });
  t.equal(metrics.statusCode, 200);
  t.match(metrics.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  t.match(metrics.body, 'plan_ledger_http_requests_total{method="GET",route="/organisations",status="200"} 1');
  t.match(metrics.body, 'plan_ledger_http_requests_total{method="GET",route="/organisations",status="401"} 1');
  t.match(metrics.body, /plan_ledger_http_request_duration_seconds_bucket\{method="GET",route="\/organisations",le="\+Inf"\} 2/);
  t.match(metrics.body, /\nplan_ledger_projector_lag_events 0\n/, 'the projector has caught up');
  t.match(metrics.body, /\nplan_ledger_test_gauge 7\n/);
});

t.test('/metrics reports the projector lag when the read models fall behind the log', async (t) => {
  const { app, store, projector } = await buildTestApp();
  t.teardown(() => app.close());
  await projector.stop();
  await store.appendToStream('other-1', [{ id: '00000000-0000-4000-8000-000000000001', type: 'Unrelated', schemaVersion: 1, data: {}, metadata: {} }], { expectedRevision: 'any' });
  const metrics = await app.inject({ method: 'GET', url: '/metrics', headers: bearer('reader') });
  t.match(metrics.body, /\nplan_ledger_projector_lag_events 1\n/);
});
