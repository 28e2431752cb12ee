/**
 * The HTTP application. Routes live in plugins beside this file; this factory wires them to the runtime
 * dependencies so tests can build an app on an in-memory store without a network port.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../logger.ts';
import type { EventStore } from '../store/event-store.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppDependencies {
  store: EventStore;
  logger: Logger;
}

export const REQUEST_ID_HEADER = 'x-request-id';

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    requestIdHeader: REQUEST_ID_HEADER,
    genReqId: () => randomUUID(),
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  await app.register(healthRoutes, { store: deps.store });
  return app;
}
