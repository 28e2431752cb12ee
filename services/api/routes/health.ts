import type { FastifyPluginAsync } from 'fastify';
import type { EventStore } from '../../store/event-store.ts';
import { makeProblem, sendProblem } from '../http/problem.ts';

/** `/health` says the process is alive; `/ready` that it can reach its event store (used by orchestrators). */
export const healthRoutes: FastifyPluginAsync<{ store: EventStore }> = async (app, { store }) => {
  const open = { access: 'public', rateLimit: false } as const;
  app.get('/health', { config: open, schema: { hide: true } as object }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: open, schema: { hide: true } as object }, async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'event store not reachable');
      return sendProblem(
        reply,
        makeProblem('unavailable', error instanceof Error ? error.message : String(error), { type: 'https://plan-ledger.dev/problems/store-unavailable', title: 'Event store not reachable' }),
      );
    }
  });
};
