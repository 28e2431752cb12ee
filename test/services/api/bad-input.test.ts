/**
 * The bad-input matrix: every refusal is problem+json with a stable `type`, a `title` and, where one is at fault,
 * the offending `field`; hostile strings never reach a 500 and leave the ledger readable.
 */
import type { LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { PROBLEM_MEDIA_TYPE, problemType, type ProblemKind } from '../../../services/api/http/problem.ts';
import { bearer, buildTestApp, ledgerIds, matcherLinkId } from './app-fixture.ts';

const [first] = ledgerIds.commitments;
const unknownCommitment = 'c'.repeat(64);
const unknownReport = 'a'.repeat(64);
const json = { ...bearer('reviewer'), 'content-type': 'application/json' };
const text = { ...bearer('reviewer'), 'content-type': 'text/plain; charset=utf-8' };

interface Expected {
  status: number;
  kind: ProblemKind;
  field?: string;
}

/** Asserts the status, the problem media type, its `type` and `title`, and the field at fault when one is named. */
function assertProblem(t: Test, response: LightMyRequestResponse, expected: Expected, label: string): void {
  t.equal(response.statusCode, expected.status, `${label}: status`);
  t.match(response.headers['content-type'], new RegExp(`^${PROBLEM_MEDIA_TYPE.replace('+', '\\+')}`), `${label}: problem+json`);
  const problem = response.json() as { type?: unknown; title?: unknown; field?: unknown };
  t.equal(problem.type, problemType(expected.kind), `${label}: type`);
  t.type(problem.title, 'string', `${label}: title`);
  if (expected.field !== undefined) t.equal(problem.field, expected.field, `${label}: field`);
}

t.test('bodies that cannot be read are refused before any handler', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const cases: Array<{ label: string; headers: Record<string, string>; payload: string | Buffer; expected: Expected }> = [
    { label: 'malformed JSON', headers: json, payload: '{"text": "unterminated', expected: { status: 400, kind: 'malformed_json', field: 'body' } },
    {
      label: 'application/xml',
      headers: { ...bearer('reviewer'), 'content-type': 'application/xml' },
      payload: '<report>x</report>',
      expected: { status: 415, kind: 'unsupported_media_type', field: 'header.content-type' },
    },
    {
      label: 'invalid UTF-8 in text/plain',
      headers: text,
      payload: Buffer.from([0x32, 0x30, 0x32, 0x33, 0xc3, 0x28, 0xff, 0xfe]),
      expected: { status: 400, kind: 'invalid_encoding', field: 'body' },
    },
    { label: '6 MB body', headers: text, payload: Buffer.alloc(6 * 1024 * 1024, 0x61), expected: { status: 413, kind: 'body_too_large', field: 'body' } },
    { label: 'JSON text of the wrong type', headers: json, payload: JSON.stringify({ text: 42 }), expected: { status: 400, kind: 'invalid_request' } },
  ];
  for (const { label, headers, payload, expected } of cases) {
    assertProblem(t, await app.inject({ method: 'POST', url: '/reports', headers, payload }), expected, label);
  }
  const wrongType = await app.inject({ method: 'POST', url: '/reports', headers: json, payload: JSON.stringify({ text: 42 }) });
  t.equal(wrongType.json().field, 'body.text', 'the wrong-typed field is named, not just the body');
  t.match(JSON.stringify(wrongType.json().errors ?? []), /body/, 'the validation errors point into the body');
});

t.test('unknown ids are 404 problems naming the path id', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const cases = [
    { method: 'GET' as const, url: `/commitments/${unknownCommitment}`, headers: bearer('reader') },
    { method: 'GET' as const, url: `/reports/${unknownReport}`, headers: bearer('reader') },
    { method: 'POST' as const, url: '/evidence/no-such-link/confirm', headers: json, payload: { reason: 'looked at it' } },
  ];
  for (const request of cases) {
    assertProblem(t, await app.inject(request), { status: 404, kind: 'not_found', field: 'path.id' }, `${request.method} ${request.url}`);
  }
});

t.test('SQL-ish and script-ish strings in ids and filters find nothing and break nothing', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const hostile = ["' OR 1=1 --", '"; DROP TABLE commitments; --', '<script>alert(1)</script>'];
  for (const value of hostile) {
    const encoded = encodeURIComponent(value);
    for (const url of [`/commitments/${encoded}`, `/commitments/${encoded}/history`, `/reports/${encoded}`]) {
      const response = await app.inject({ method: 'GET', url, headers: bearer('reader') });
      t.not(response.statusCode, 500, `${url}: never a 500`);
      t.ok([400, 404].includes(response.statusCode), `${url}: refused (${response.statusCode})`);
      t.match(response.headers['content-type'], /^application\/problem\+json/, `${url}: problem+json`);
      t.equal(typeof response.json().detail, 'string', `${url}: the id is only ever echoed inside a JSON string`);
    }
    for (const filter of ['organisation', 'area', 'q']) {
      const url = `/commitments?${filter}=${encoded}`;
      const response = await app.inject({ method: 'GET', url, headers: bearer('reader') });
      t.equal(response.statusCode, 200, `${url}: answered`);
      t.same(response.json().items, [], `${url}: an empty page`);
    }
    const reports = await app.inject({ method: 'GET', url: `/reports?organisation=${encoded}`, headers: bearer('reader') });
    t.same(reports.json().items, [], `/reports?organisation=${value}: an empty list`);
    const confirm = await app.inject({ method: 'POST', url: `/evidence/${encoded}/confirm`, headers: json, payload: { reason: value } });
    assertProblem(t, confirm, { status: 404, kind: 'not_found', field: 'path.id' }, `confirm ${value}`);
  }
  const listing = await app.inject({ method: 'GET', url: '/commitments', headers: bearer('reader') });
  t.equal(listing.statusCode, 200, 'the read models still answer');
  t.same(
    listing.json().items.map((item: { id: string }) => item.id).sort(),
    [...ledgerIds.commitments].sort(),
    'both commitments are still there',
  );
  const one = await app.inject({ method: 'GET', url: `/commitments/${first}`, headers: bearer('reader') });
  t.match(one.json(), { id: first, evidence: [{ linkId: matcherLinkId }] }, 'a follow-up read shows the commitment with its evidence');
  const log = await app.inject({ method: 'GET', url: `/commitments/${first}/history`, headers: bearer('reader') });
  t.ok(log.json().events.length > 0, 'the store still holds its events');
});

t.test('numbers out of range and wrong types are 400s naming the query field', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const cases = [
    { url: '/commitments?planYear=-1', field: 'query.planYear' },
    { url: '/commitments?planYear=99999999999', field: 'query.planYear' },
    { url: '/commitments?planYear=abc', field: 'query.planYear' },
    { url: '/commitments?limit=-5', field: 'query.limit' },
    { url: '/commitments?limit=1e9', field: 'query.limit' },
    { url: '/changes?limit=-5', field: 'query.limit' },
    { url: '/changes?wait=31', field: 'query.wait' },
    { url: '/changes?wait=-1', field: 'query.wait' },
    { url: '/changes?wait=abc', field: 'query.wait' },
  ];
  for (const { url, field } of cases) {
    assertProblem(t, await app.inject({ method: 'GET', url, headers: bearer('reader') }), { status: 400, kind: 'invalid_request', field }, url);
  }
});

t.test('reviewer writes without a reason are 400s naming body.reason', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const cases = [
    { url: `/commitments/${first}/assessments`, payload: { status: 'achieved' } },
    { url: `/commitments/${first}/assessments`, payload: { status: 'achieved', reason: '   ' } },
    { url: `/evidence/${matcherLinkId}/confirm`, payload: {} },
    { url: `/commitments/${first}/withdrawal`, payload: { reason: '' } },
  ];
  for (const { url, payload } of cases) {
    const response = await app.inject({ method: 'POST', url, headers: json, payload });
    assertProblem(t, response, { status: 400, kind: 'invalid_request', field: 'body.reason' }, `${url} ${JSON.stringify(payload)}`);
  }
  const still = await app.inject({ method: 'GET', url: `/commitments/${first}`, headers: bearer('reader') });
  t.equal(still.json().assessment ?? null, null, 'nothing was recorded');
});

t.test('every write is 401 without a token and 403 with a reader-only token', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const writes = [
    { url: '/reports', payload: { text: 'x' } },
    { url: `/commitments/${first}/assessments`, payload: { status: 'achieved', reason: 'r' } },
    { url: `/commitments/${first}/evidence`, payload: { outcomeId: ledgerIds.outcome, reason: 'r' } },
    { url: `/evidence/${matcherLinkId}/confirm`, payload: { reason: 'r' } },
    { url: `/evidence/${matcherLinkId}/reject`, payload: { reason: 'r' } },
    { url: `/commitments/${first}/amendments`, payload: { text: 'new text', reason: 'r' } },
    { url: `/commitments/${first}/withdrawal`, payload: { reason: 'r' } },
  ];
  const callers: Array<{ label: string; headers: Record<string, string>; expected: Expected }> = [
    { label: 'no token', headers: {}, expected: { status: 401, kind: 'unauthenticated', field: 'header.authorization' } },
    { label: 'unknown token', headers: { authorization: 'Bearer not-a-token' }, expected: { status: 401, kind: 'unauthenticated', field: 'header.authorization' } },
    { label: 'reader token', headers: bearer('reader'), expected: { status: 403, kind: 'forbidden', field: 'header.authorization' } },
  ];
  for (const { url, payload } of writes) {
    for (const { label, headers, expected } of callers) {
      const response = await app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload });
      assertProblem(t, response, expected, `${label} POST ${url}`);
      if (expected.status === 401) t.match(response.headers['www-authenticate'], /^Bearer/, `${label} POST ${url}: challenge`);
    }
  }
  const untouched = await app.inject({ method: 'GET', url: `/commitments/${first}`, headers: bearer('reader') });
  t.match(untouched.json(), { id: first, status: 'achieved' }, 'no refused write changed the commitment');
});
