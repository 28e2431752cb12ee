import type { FastifyPluginAsync } from 'fastify';
import type { EventStore } from '../../store/event-store.ts';

/** `/health` says the process is alive; `/ready` that it can reach its event store (used by orchestrators). */
export const healthRoutes: FastifyPluginAsync<{ store: EventStore }> = async (app, { store }) => {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'event store not reachable');
      return reply
        .code(503)
        .type('application/problem+json')
        .send({
          type: 'https://plan-ledger.dev/problems/store-unavailable',
          title: 'Event store not reachable',
          status: 503,
          detail: error instanceof Error ? error.message : String(error),
        });
    }
  });
};
