import t from 'tap';
import { createRateLimiter } from '../../../../services/api/http/rate-limit.ts';
import { bearer, buildTestApp } from '../app-fixture.ts';

t.test('given a budget of 3 per minute, the 4th request of a caller in the window is refused until the window ends', async (t) => {
  const limiter = createRateLimiter({ max: 3, windowMs: 60_000 });
  const start = 1_800_000_000_000 + 15_000; // 15 s into a minute
  t.same([1, 2, 3].map((i) => limiter.admit('token:alice', start + i).allowed), [true, true, true]);
  t.same(limiter.admit('token:alice', start + 4), { allowed: false, retryAfterSeconds: 45 }, 'Retry-After runs to the end of the window');
  t.ok(limiter.admit('token:bob', start + 5).allowed, 'another caller has its own budget');
  t.same(limiter.admit('token:alice', start + 44_999), { allowed: false, retryAfterSeconds: 1 }, 'never less than a second');
  t.ok(limiter.admit('token:alice', start + 45_000).allowed, 'the next window renews every budget');
});

t.test('given any sequence of requests, no caller is admitted more than max times in one window', async (t) => {
  const limiter = createRateLimiter({ max: 5, windowMs: 1000 });
  const admitted = new Map<string, number>();
  for (let now = 0; now < 10_000; now += 7) {
    const caller = `c${now % 3}`;
    if (limiter.admit(caller, now).allowed) {
      const key = `${caller}@${Math.floor(now / 1000)}`;
      admitted.set(key, (admitted.get(key) ?? 0) + 1);
    }
  }
  t.ok([...admitted.values()].every((count) => count <= 5));
  t.equal(admitted.size, 30, 'every caller got requests through in every window');
});

t.test('health probes are never rate-limited; other routes are', async (t) => {
  const { app } = await buildTestApp({ rateLimit: { max: 2, windowMs: 60_000 } }, { withLedger: false });
  t.teardown(() => app.close());
  const health = [];
  for (let i = 0; i < 5; i++) health.push((await app.inject({ method: 'GET', url: '/health' })).statusCode);
  t.same(health, [200, 200, 200, 200, 200]);
  const reads = [];
  for (let i = 0; i < 3; i++) reads.push((await app.inject({ method: 'GET', url: '/organisations', headers: bearer('reader') })).statusCode);
  t.same(reads, [200, 200, 429]);
});
