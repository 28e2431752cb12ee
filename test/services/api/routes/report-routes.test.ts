import { readFileSync } from 'node:fs';
import t from 'tap';
import { ingestionResultSchema } from '../../../../services/api/routes/report-writes.ts';
import { organisationViewSchema, reportViewSchema } from '../../../../services/api/schemas/read-views.ts';
import { bearer, buildTestApp, ledgerIds, ORGANISATION, PLAN_TEXT } from '../app-fixture.ts';

const PROBLEM = 'application/problem+json; charset=utf-8';
const seedText = readFileSync(new URL('../../../../seeds/shenzhen-longhua-civil-affairs-2021-review-2022-plan.txt', import.meta.url), 'utf8');

t.test('POST /reports: 201 the first time with what was found, 200 for the same document again', async (t) => {
  const { app } = await buildTestApp({}, { withLedger: false });
  t.teardown(() => app.close());
  const first = await app.inject({ method: 'POST', url: '/reports', headers: { ...bearer('reviewer'), 'content-type': 'text/plain; charset=utf-8' }, payload: seedText });
  t.equal(first.statusCode, 201);
  const found = ingestionResultSchema.parse(first.json());
  t.match(found, { organisation: '深圳市龙华区民政局', years: { summary: 2021, plan: 2022 }, alreadyIngested: false });
  t.ok(found.commitmentsFound > 0 && found.commitmentsRecorded === found.commitmentsFound, 'every commitment found was recorded');
  t.equal(first.headers.location, `/reports/${found.reportId}`);

  const again = await app.inject({ method: 'POST', url: '/reports', headers: bearer('reviewer'), payload: { text: seedText, source: 'seeds/longhua.txt' } });
  t.equal(again.statusCode, 200);
  t.match(again.json(), { reportId: found.reportId, alreadyIngested: true, commitmentsRecorded: 0 });

  const listed = await app.inject({ method: 'GET', url: '/reports', headers: bearer('reader') });
  t.same(listed.json().items.map((report: { id: string }) => report.id), [found.reportId], 'visible right after the write');
});

t.test('POST /reports refuses what it cannot read or decode, each with its problem', async (t) => {
  const { app } = await buildTestApp({}, { withLedger: false });
  t.teardown(() => app.close());
  const post = (headers: Record<string, string>, payload: string | Buffer) =>
    app.inject({ method: 'POST', url: '/reports', headers: { ...bearer('reviewer'), ...headers }, payload });

  const unreadable = await post({ 'content-type': 'text/plain; charset=utf-8' }, '今天天气很好。');
  t.equal(unreadable.statusCode, 422);
  t.equal(unreadable.headers['content-type'], PROBLEM);
  t.match(unreadable.json(), { type: 'https://plan-ledger.dev/problems/unreadable-report', reason: 'no_parts_found', field: 'body.text' });

  const invalidUtf8 = await post({ 'content-type': 'text/plain; charset=utf-8' }, Buffer.concat([Buffer.from(seedText.slice(0, 50)), Buffer.from([0xc3, 0x28])]));
  t.equal(invalidUtf8.statusCode, 400);
  t.match(invalidUtf8.json(), { type: 'https://plan-ledger.dev/problems/invalid-encoding', field: 'body' });

  const gbk = await post({ 'content-type': 'text/plain; charset=gbk' }, 'abc');
  t.equal(gbk.statusCode, 415);
  t.match(gbk.json(), { type: 'https://plan-ledger.dev/problems/unsupported-media-type', field: 'header.content-type' });

  const xml = await post({ 'content-type': 'application/xml' }, '<report/>');
  t.equal(xml.statusCode, 415);

  const brokenJson = await post({ 'content-type': 'application/json' }, '{"text": ');
  t.equal(brokenJson.statusCode, 400);
  t.match(brokenJson.json(), { type: 'https://plan-ledger.dev/problems/malformed-json' });

  const missingText = await post({ 'content-type': 'application/json' }, '{"source": "x"}');
  t.equal(missingText.statusCode, 400);
  t.match(missingText.json(), { type: 'https://plan-ledger.dev/problems/invalid-request' });

  const tooLarge = await post({ 'content-type': 'text/plain; charset=utf-8' }, Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  t.equal(tooLarge.statusCode, 413);
  t.match(tooLarge.json(), { type: 'https://plan-ledger.dev/problems/body-too-large', status: 413 });

  const wrongOrganisation = await post({ 'content-type': 'application/json' }, JSON.stringify({ text: seedText, organisation: '北京市人民政府' }));
  t.equal(wrongOrganisation.statusCode, 422);
  t.match(wrongOrganisation.json(), { field: 'body.organisation' });

  const events = await app.inject({ method: 'GET', url: '/events', headers: bearer('auditor') });
  t.same(events.json().events, [], 'nothing refused reached the log');
});

t.test('POST /reports needs the reviewer role', async (t) => {
  const { app } = await buildTestApp({ anonymousReads: true }, { withLedger: false });
  t.teardown(() => app.close());
  const anonymous = await app.inject({ method: 'POST', url: '/reports', headers: { 'content-type': 'text/plain' }, payload: seedText });
  t.equal(anonymous.statusCode, 401);
  for (const role of ['reader', 'auditor'] as const) {
    const refused = await app.inject({ method: 'POST', url: '/reports', headers: { ...bearer(role), 'content-type': 'text/plain' }, payload: seedText });
    t.equal(refused.statusCode, 403, role);
  }
});

t.test('GET /reports/{id}, its text, and /organisations; each with a strong ETag honoured by If-None-Match', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const report = await app.inject({ method: 'GET', url: `/reports/${ledgerIds.planReport}`, headers: bearer('reader') });
  t.equal(report.statusCode, 200);
  const view = reportViewSchema.parse(report.json());
  t.match(view, { organisation: ORGANISATION, parts: [{ part: 'plan', year: 2022, itemCount: 2 }] });
  t.equal(report.headers.etag, `"${view.version}"`);
  t.equal(report.headers['cache-control'], 'no-cache');
  const cached = await app.inject({ method: 'GET', url: `/reports/${ledgerIds.planReport}`, headers: { ...bearer('reader'), 'if-none-match': report.headers.etag as string } });
  t.equal(cached.statusCode, 304);
  t.equal(cached.body, '');

  const text = await app.inject({ method: 'GET', url: `/reports/${ledgerIds.planReport}/text`, headers: bearer('reader') });
  t.equal(text.statusCode, 200);
  t.equal(text.headers['content-type'], 'text/plain; charset=utf-8');
  t.equal(text.body, PLAN_TEXT, 'the text exactly as ingested, so spans index into it');
  const [start, end] = view.parts[0]?.span ?? [0, 0];
  t.match(text.body.slice(start, end), /^二、2022年工作思路/);

  const missing = await app.inject({ method: 'GET', url: `/reports/${'0'.repeat(64)}`, headers: bearer('reader') });
  t.equal(missing.statusCode, 404);
  t.equal(missing.headers['content-type'], PROBLEM);
  const malformed = await app.inject({ method: 'GET', url: '/reports/not-a-hash', headers: bearer('reader') });
  t.equal(malformed.statusCode, 400);
  t.match(malformed.json(), { field: 'path.id' });

  const organisations = await app.inject({ method: 'GET', url: '/organisations', headers: bearer('reader') });
  t.same(organisations.json().items.map((item: unknown) => organisationViewSchema.parse(item)), [
    { name: ORGANISATION, summaryYears: [2022], planYears: [2022], reportCount: 2 },
  ]);
  const notModified = await app.inject({ method: 'GET', url: '/organisations', headers: { ...bearer('reader'), 'if-none-match': organisations.headers.etag as string } });
  t.equal(notModified.statusCode, 304);
});
