import t from 'tap';
import { writeResultSchema } from '../../../../services/api/schemas/review-bodies.ts';
import { bearer, buildTestApp, ledgerIds, matcherLinkId } from '../app-fixture.ts';

const [first, second] = ledgerIds.commitments;
const json = (role: 'reviewer' | 'admin' | 'reader' | 'auditor', extra: Record<string, string> = {}) => ({ ...bearer(role), 'content-type': 'application/json', ...extra });

t.test('an assessment overrides the computed status, names the caller as actor, and is visible to the next GET', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const before = await app.inject({ method: 'GET', url: `/commitments/${second}`, headers: bearer('reader') });
  t.equal(before.json().status, 'no_evidence');
  const written = await app.inject({
    method: 'POST',
    url: `/commitments/${second}/assessments`,
    headers: json('reviewer', { 'if-match': before.headers.etag as string }),
    payload: { status: 'in_progress', reason: 'the 2022 review mentions pilot sites' },
  });
  t.equal(written.statusCode, 201);
  const result = writeResultSchema.parse(written.json());
  t.match(result, { visible: true, recorded: [{ type: 'CommitmentAssessed' }], commitment: { status: 'in_progress', computedStatus: 'no_evidence' } });
  t.not(written.headers.etag, before.headers.etag, 'a new version');
  const after = await app.inject({ method: 'GET', url: `/commitments/${second}`, headers: bearer('reader') });
  t.match(after.json(), { status: 'in_progress', assessment: { rationale: 'the 2022 review mentions pilot sites' } });
  t.equal(after.headers.etag, written.headers.etag);
  const history = await app.inject({ method: 'GET', url: `/commitments/${second}/history`, headers: bearer('reader') });
  const last = history.json().events.at(-1);
  t.match(last, { type: 'CommitmentAssessed', metadata: { actor: { kind: 'person', id: 'reviewer-token' } } });
});

t.test('If-Match with a stale ETag is a 412 and writes nothing', async (t) => {
  const { app, store } = await buildTestApp();
  t.teardown(() => app.close());
  const head = await store.headPosition();
  const stale = await app.inject({
    method: 'POST',
    url: `/commitments/${first}/withdrawal`,
    headers: json('reviewer', { 'if-match': '"0000000000000001.0000000000000001"' }),
    payload: { reason: 'merged into another task' },
  });
  t.equal(stale.statusCode, 412);
  t.equal(stale.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(stale.json(), { type: 'https://plan-ledger.dev/problems/precondition-failed', field: 'header.if-match' });
  t.equal(await store.headPosition(), head, 'the log did not move');
  const unknown = await app.inject({ method: 'POST', url: '/commitments/nope/withdrawal', headers: json('reviewer', { 'if-match': '*' }), payload: { reason: 'x' } });
  t.equal(unknown.statusCode, 412, 'If-Match: * on a missing commitment');
});

t.test('two writes racing on one ETag: one lands, the other is a 412 and records nothing', async (t) => {
  const { app, store } = await buildTestApp();
  t.teardown(() => app.close());
  const before = await app.inject({ method: 'GET', url: `/commitments/${second}`, headers: bearer('reader') });
  const etag = before.headers.etag as string;
  const head = BigInt(`0x${(await store.headPosition())?.split('.')[0] ?? '0'}`);
  const [a, b] = await Promise.all(
    ['first reviewer', 'second reviewer'].map((who) =>
      app.inject({
        method: 'POST',
        url: `/commitments/${second}/assessments`,
        headers: json('reviewer', { 'if-match': etag }),
        payload: { status: 'achieved', reason: `${who} saw the review` },
      }),
    ),
  );
  t.same([a?.statusCode, b?.statusCode].sort(), [201, 412], 'exactly one write wins');
  const lost = [a, b].find((response) => response?.statusCode === 412);
  t.match(lost?.json(), { type: 'https://plan-ledger.dev/problems/precondition-failed', field: 'header.if-match' });
  const events = [];
  for await (const event of store.readAll()) if (BigInt(`0x${event.position.split('.')[0]}`) > head) events.push(event.type);
  t.same(events, ['CommitmentAssessed'], 'one assessment in the log');
});

t.test('withdrawal and amendment; a write on a withdrawn commitment is a 422 with the decider code', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const amended = await app.inject({ method: 'POST', url: `/commitments/${second}/amendments`, headers: json('reviewer'), payload: { text: '持续推进养老服务体系建设(修订)。', reason: 'typo in the scrape' } });
  t.equal(amended.statusCode, 201);
  t.match(amended.json().commitment, { text: '持续推进养老服务体系建设(修订)。', originalText: '持续推进养老服务体系建设。' });
  const emptyAmendment = await app.inject({ method: 'POST', url: `/commitments/${second}/amendments`, headers: json('reviewer'), payload: { reason: 'nothing' } });
  t.equal(emptyAmendment.statusCode, 400);

  const withdrawn = await app.inject({ method: 'POST', url: `/commitments/${second}/withdrawal`, headers: json('admin'), payload: { reason: 'dropped by the 2022 plan revision' } });
  t.equal(withdrawn.statusCode, 201);
  t.match(withdrawn.json().commitment, { status: 'withdrawn', withdrawnReason: 'dropped by the 2022 plan revision' });
  const afterwards = await app.inject({ method: 'POST', url: `/commitments/${second}/assessments`, headers: json('reviewer'), payload: { status: 'achieved', reason: 'x' } });
  t.equal(afterwards.statusCode, 422);
  t.match(afterwards.json(), { type: 'https://plan-ledger.dev/problems/unprocessable', code: 'commitment_withdrawn' });
});

t.test('evidence: confirm and reject proposed links, link an outcome by hand', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const confirmed = await app.inject({ method: 'POST', url: `/evidence/${matcherLinkId}/confirm`, headers: json('reviewer'), payload: { reason: 'the same stations' } });
  t.equal(confirmed.statusCode, 200);
  t.match(confirmed.json().commitment.evidence, [{ linkId: matcherLinkId, state: 'confirmed', stateReason: 'the same stations' }]);
  const rejected = await app.inject({ method: 'POST', url: `/evidence/${matcherLinkId}/reject`, headers: json('reviewer'), payload: { reason: 'on reflection, other stations' } });
  t.equal(rejected.statusCode, 200);
  t.match(rejected.json().commitment.evidence, [{ state: 'rejected' }]);
  const unknownLink = await app.inject({ method: 'POST', url: '/evidence/nope/confirm', headers: json('reviewer'), payload: { reason: 'x' } });
  t.equal(unknownLink.statusCode, 404);

  const linked = await app.inject({ method: 'POST', url: `/commitments/${second}/evidence`, headers: json('reviewer'), payload: { outcomeId: ledgerIds.outcome, reason: 'covers the elderly service centres' } });
  t.equal(linked.statusCode, 201);
  t.match(linked.json(), { recorded: [{ type: 'EvidenceLinkProposed' }, { type: 'EvidenceLinkConfirmed' }], commitment: { evidence: [{ outcomeId: ledgerIds.outcome, state: 'confirmed', method: 'reviewer@reviewer-token' }] } });
  const unknownOutcome = await app.inject({ method: 'POST', url: `/commitments/${second}/evidence`, headers: json('reviewer'), payload: { outcomeId: 'nope', reason: 'x' } });
  t.equal(unknownOutcome.statusCode, 422);
  t.match(unknownOutcome.json(), { code: 'unknown_outcome' });
  const missingReason = await app.inject({ method: 'POST', url: `/commitments/${second}/evidence`, headers: json('reviewer'), payload: { outcomeId: ledgerIds.outcome } });
  t.equal(missingReason.statusCode, 400);
  t.match(missingReason.json(), { field: 'body.reason' });
});

t.test('writes need a reviewer: 401 anonymous, 403 reader and auditor', async (t) => {
  const { app } = await buildTestApp({ anonymousReads: true });
  t.teardown(() => app.close());
  const payload = { status: 'achieved', reason: 'x' };
  t.equal((await app.inject({ method: 'POST', url: `/commitments/${first}/assessments`, headers: { 'content-type': 'application/json' }, payload })).statusCode, 401);
  for (const role of ['reader', 'auditor'] as const) {
    const refused = await app.inject({ method: 'POST', url: `/commitments/${first}/assessments`, headers: json(role), payload });
    t.equal(refused.statusCode, 403, role);
    t.match(refused.json(), { type: 'https://plan-ledger.dev/problems/forbidden' });
  }
});

t.test('Idempotency-Key: a retried request is recorded once; replaying it after the stream moved on is a 409', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const assess = (status: string, key: string) =>
    app.inject({ method: 'POST', url: `/commitments/${first}/assessments`, headers: json('reviewer', { 'idempotency-key': key }), payload: { status, reason: 'review' } });
  t.equal((await assess('achieved', 'key-00000001')).statusCode, 201);
  const retry = await assess('achieved', 'key-00000001');
  t.equal(retry.statusCode, 200);
  t.same(retry.json().recorded, [], 'nothing new recorded');
  t.equal((await assess('not_achieved', 'key-00000002')).statusCode, 201);
  const replay = await assess('achieved', 'key-00000001');
  t.equal(replay.statusCode, 409);
  t.match(replay.json(), { type: 'https://plan-ledger.dev/problems/conflict', code: 'duplicate_event' });
});
