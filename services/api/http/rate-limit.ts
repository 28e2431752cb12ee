/**
 * Per-caller rate limit: at most `max` requests per caller in each fixed window of `windowMs` (windows aligned to
 * the clock, so every caller's budget renews at the same moment and the counts can be dropped all at once).
 *
 * Written here rather than taken from `@fastify/rate-limit`: that plugin's hook awaits its key generator and its
 * store on every request, which measured ~8 µs of server CPU per request — a quarter of a bare fastify request —
 * on the polling hot path (bench/api.bench.ts). A synchronous counter in the app's one onRequest hook does the same
 * job for one process; limits across replicas would need a shared store either way.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` exempts a route (health probes, which orchestrators call on their own schedule). */
    rateLimit?: false;
  }
}

export interface RateLimitSettings {
  max: number;
  windowMs: number;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request of `caller` at `nowMs` and says whether it is within the caller's budget. */
  admit(caller: string, nowMs: number): Admission;
}

export function createRateLimiter({ max, windowMs }: RateLimitSettings): RateLimiter {
  let windowEnd = -Infinity;
  let counts = new Map<string, number>();
  return {
    admit(caller, nowMs) {
      if (nowMs >= windowEnd) {
        windowEnd = (Math.floor(nowMs / windowMs) + 1) * windowMs;
        counts = new Map();
      }
      const count = (counts.get(caller) ?? 0) + 1;
      counts.set(caller, count);
      if (count <= max) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - nowMs) / 1000)) };
    },
  };
}
