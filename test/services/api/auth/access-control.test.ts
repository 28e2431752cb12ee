import t from 'tap';
import { bearer, buildTestApp } from '../app-fixture.ts';

const PROBLEM = 'application/problem+json; charset=utf-8';

t.test('an audit route: 401 without or with an unknown token, 403 for roles without audit, 200 for auditor and admin', async (t) => {
  const { app } = await buildTestApp({ anonymousReads: true });
  t.teardown(() => app.close());
  const anonymous = await app.inject({ method: 'GET', url: '/events' });
  t.equal(anonymous.statusCode, 401);
  t.equal(anonymous.headers['content-type'], PROBLEM);
  t.match(anonymous.headers['www-authenticate'], /^Bearer/);
  t.match(anonymous.json(), { type: 'https://plan-ledger.dev/problems/unauthenticated', status: 401, field: 'header.authorization' });

  const unknown = await app.inject({ method: 'GET', url: '/events', headers: { authorization: 'Bearer guess' } });
  t.equal(unknown.statusCode, 401);
  t.match(unknown.json().detail, /not recognised/);

  for (const role of ['reader', 'reviewer'] as const) {
    const refused = await app.inject({ method: 'GET', url: '/events', headers: bearer(role) });
    t.equal(refused.statusCode, 403, role);
    t.equal(refused.headers['content-type'], PROBLEM);
    t.match(refused.json(), { type: 'https://plan-ledger.dev/problems/forbidden', title: 'Role not granted' });
  }
  for (const role of ['auditor', 'admin'] as const) {
    t.equal((await app.inject({ method: 'GET', url: '/events', headers: bearer(role) })).statusCode, 200, role);
  }
});

t.test('read routes are open to anonymous callers only when configured', async (t) => {
  const closed = await buildTestApp({ anonymousReads: false });
  const open = await buildTestApp({ anonymousReads: true });
  t.teardown(async () => {
    await closed.app.close();
    await open.app.close();
  });
  t.equal((await closed.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
  t.equal((await closed.app.inject({ method: 'GET', url: '/metrics', headers: bearer('reader') })).statusCode, 200);
  t.equal((await open.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 200);
  t.equal((await open.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode, 401, 'a wrong token is an error even where anonymous reads are allowed');
  t.equal((await closed.app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'health stays public');
  t.equal((await closed.app.inject({ method: 'GET', url: '/openapi.json' })).statusCode, 200, 'the description stays public');
});
