import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { scorecardTotalsSchema, scorecardViewSchema } from '../../../../services/api/schemas/read-views.ts';
import { bearer, buildTestApp, ORGANISATION, type TestApp } from '../app-fixture.ts';

const PROBLEM = 'application/problem+json; charset=utf-8';
const seed = (name: string) => readFileSync(new URL(`../../../../seeds/${name}`, import.meta.url), 'utf8');
const LONGHUA = seed('shenzhen-longhua-civil-affairs-2021-review-2022-plan.txt');
const HAIZHU = seed('guangzhou-haizhu-civil-affairs-2017-review-2018-plan.txt');

async function ingest({ app, projector }: TestApp, text: string): Promise<void> {
  const response = await app.inject({ method: 'POST', url: '/reports', headers: { ...bearer('reviewer'), 'content-type': 'text/plain; charset=utf-8' }, payload: text });
  if (response.statusCode !== 201) throw new Error(`ingest answered ${response.statusCode} ${response.body}`);
  await projector.caughtUp();
}

const totals = (app: FastifyInstance, query = '', headers: Record<string, string> = bearer('reader')) =>
  app.inject({ method: 'GET', url: `/scorecards/totals${query}`, headers });

t.test('GET /scorecards/totals: every organisation × plan year total, ordered, each equal to its scorecard’s total', async (t) => {
  const built = await buildTestApp();
  const { app } = built;
  t.teardown(() => app.close());
  await ingest(built, LONGHUA);
  await ingest(built, HAIZHU);
  const response = await totals(app);
  t.equal(response.statusCode, 200);
  const { items } = scorecardTotalsSchema.parse(response.json());
  t.ok(items.length >= 3, `the fixture and both seeds have a total (${items.length})`);
  const keys = items.map((item) => [item.organisation, item.year] as const);
  const sorted = [...keys].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x - y));
  t.same(keys, sorted, 'ordered by organisation, then year');
  t.equal(new Set(keys.map((key) => key.join('|'))).size, keys.length, 'one line per organisation and year');
  t.match(
    items.find((item) => item.organisation === ORGANISATION),
    { year: 2022, total: 2, assessable: 2, counts: { achieved: 1, no_evidence: 1, pending: 0 }, followThroughRate: 0.5 },
  );

  let multiArea = false;
  for (const item of items) {
    const scorecard = await app.inject({ method: 'GET', url: `/scorecards?${new URLSearchParams({ organisation: item.organisation, year: String(item.year) })}`, headers: bearer('reader') });
    const view = scorecardViewSchema.parse(scorecard.json());
    t.same(item, view.total, `${item.organisation} ${item.year} equals its scorecard’s total`);
    multiArea ||= view.areas.length > 1;
  }
  t.ok(multiArea, 'some total adds up more than one area');
});

t.test('GET /scorecards/totals?organisation= keeps one organisation; an unknown one has no lines', async (t) => {
  const built = await buildTestApp();
  const { app } = built;
  t.teardown(() => app.close());
  await ingest(built, HAIZHU);
  const only = scorecardTotalsSchema.parse((await totals(app, `?organisation=${encodeURIComponent(ORGANISATION)}`)).json());
  t.same(only.items.map((item) => [item.organisation, item.year]), [[ORGANISATION, 2022]]);
  const unknown = await totals(app, `?organisation=${encodeURIComponent('不存在的机构')}`);
  t.equal(unknown.statusCode, 200);
  t.same(unknown.json(), { items: [] });
  const empty = await totals(app, '?organisation=');
  t.equal(empty.statusCode, 400);
  t.match(empty.json(), { field: 'query.organisation' });
});

t.test('GET /scorecards/totals: strong ETag of the listing version, 304 while current, a new one after an ingest', async (t) => {
  const built = await buildTestApp();
  const { app } = built;
  t.teardown(() => app.close());
  const first = await totals(app);
  const etag = first.headers.etag as string;
  t.match(etag, /^"[^"]+"$/, 'a strong ETag');
  t.equal(first.headers['cache-control'], 'no-cache');
  const scorecardEtag = (await app.inject({ method: 'GET', url: `/scorecards?organisation=${encodeURIComponent(ORGANISATION)}&year=2022`, headers: bearer('reader') })).headers.etag;
  t.equal(etag, scorecardEtag, 'the same version as /scorecards');

  const unchanged = await totals(app, '', { ...bearer('reader'), 'if-none-match': etag });
  t.equal(unchanged.statusCode, 304);
  t.equal(unchanged.body, '');
  t.equal(unchanged.headers.etag, etag);
  t.equal((await totals(app, `?organisation=${encodeURIComponent(ORGANISATION)}`, { ...bearer('reader'), 'if-none-match': etag })).statusCode, 304);

  await ingest(built, HAIZHU);
  const moved = await totals(app, '', { ...bearer('reader'), 'if-none-match': etag });
  t.equal(moved.statusCode, 200, 'the old ETag no longer matches after an ingest');
  t.not(moved.headers.etag, etag);
  t.ok(scorecardTotalsSchema.parse(moved.json()).items.length > 1, 'and the new plan is there');
});

t.test('GET /scorecards/totals: read access as every other read', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const anonymous = await totals(app, '', {});
  t.equal(anonymous.statusCode, 401);
  t.equal(anonymous.headers['content-type'], PROBLEM);
  t.match(anonymous.headers['www-authenticate'], /^Bearer/);
  t.match(anonymous.json(), { type: 'https://plan-ledger.dev/problems/unauthenticated', field: 'header.authorization' });
  t.equal((await totals(app, '', { authorization: 'Bearer wrong-secret' })).statusCode, 401);
  for (const role of ['reader', 'reviewer', 'auditor', 'admin'] as const) {
    t.equal((await totals(app, '', bearer(role))).statusCode, 200, `${role} reads`);
  }

  const { app: open } = await buildTestApp({ anonymousReads: true });
  t.teardown(() => open.close());
  t.equal((await totals(open, '', {})).statusCode, 200, 'anonymous reads when they are allowed');
});

t.test('/openapi.json describes GET /scorecards/totals with its schema', async (t) => {
  const { app } = await buildTestApp({}, { withLedger: false });
  t.teardown(() => app.close());
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const operation = document.paths['/scorecards/totals']?.get;
  t.ok(operation, 'the route is described');
  t.same(operation.parameters.map((parameter: { name: string }) => parameter.name), ['organisation']);
  t.ok(document.components.schemas.ScorecardTotals, 'its response is a named component');
  t.ok(operation.responses['401'], 'with its problem responses');
});
