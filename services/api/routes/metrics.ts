import type { FastifyPluginAsync } from 'fastify';
import type { Metrics } from '../http/metrics.ts';

/** `GET /metrics` — Prometheus text format; readable by whoever may read. */
export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics }> = async (app, { metrics }) => {
  app.get('/metrics', { config: { access: 'read' }, schema: { hide: true } as object }, async (_request, reply) => {
    reply.header('cache-control', 'no-store').type('text/plain; version=0.0.4; charset=utf-8');
    return metrics.render();
  });
};
