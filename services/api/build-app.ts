/**
 * The HTTP application. Routes live in plugins beside this file; this factory wires them to the runtime
 * dependencies so tests can build an app on an in-memory store without a network port.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from '../logger.ts';
import type { Projector } from '../projector/start-projector.ts';
import type { ReadModelDb } from '../read-models/schema.ts';
import type { EventStore } from '../store/event-store.ts';
import type { ApiToken } from './auth/api-tokens.ts';
import { createAuthoriser, decorateForAccessControl } from './auth/access-control.ts';
import type { Principal } from './auth/authenticate.ts';
import { installBodyParsers } from './http/body-parsers.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { installMethodNotAllowed } from './http/method-not-allowed.ts';
import { createMetrics, installRequestMetrics, type Gauge } from './http/metrics.ts';
import { registerOpenApi } from './http/openapi.ts';
import { ProblemError } from './http/problem.ts';
import { createRateLimiter } from './http/rate-limit.ts';
import { REQUEST_ID_HEADER } from './http/request-id.ts';
import { clientErrorAnswerer, generateRequestId, requestTimeoutServerOptions } from './http/request-timeout.ts';
import { createChangeSignal } from './read/change-signal.ts';
import { projectorLagGauge } from './read/projector-lag.ts';
import { createReadSide } from './read/read-side.ts';
import { changeRoutes } from './routes/changes.ts';
import { commitmentReadRoutes } from './routes/commitment-reads.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { reportReadRoutes } from './routes/report-reads.ts';
import { reportWriteRoutes } from './routes/report-writes.ts';
import { reviewWriteRoutes } from './routes/review-writes.ts';
import { visibilityWaiter } from './read/visibility.ts';
import { scorecardRoutes } from './routes/scorecards.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { verifyRoutes } from './routes/verify.ts';

/** The API's own settings; `config.api` (services/config/config.ts) has exactly this shape. */
export interface ApiSettings {
  tokens: readonly ApiToken[];
  anonymousReads: boolean;
  rateLimit: { max: number; windowMs: number };
  bodyLimitBytes: number;
  requestTimeoutMs: number;
}

export const defaultApiSettings: ApiSettings = {
  tokens: [],
  anonymousReads: true,
  rateLimit: { max: 1000, windowMs: 60_000 },
  bodyLimitBytes: 5 * 1024 * 1024,
  requestTimeoutMs: 60_000,
};

export interface AppDependencies {
  store: EventStore;
  logger: Logger;
  /** Defaults to `defaultApiSettings` (anonymous reads, no tokens: nothing can be written). */
  api?: ApiSettings;
  /** The live read models the projector keeps (services/read-models/schema.ts `openReadModelDb`). */
  readModels: ReadModelDb;
  /** The running projector over `readModels`: wakes long polls and SSE, and lets writes wait until they are visible. */
  projector: Pick<Projector, 'onChange' | 'caughtUp'>;
  /** Extra gauges for /metrics. */
  gauges?: readonly Gauge[];
  /** SSE heartbeat period; defaults to 15 s. */
  sseHeartbeatMs?: number;
  /** The time stamped on reviewers' events; defaults to the system clock. */
  clock?: () => Date;
  /** How long a write waits for the projector before answering `visible: false`; defaults to 2 s. */
  visibilityTimeoutMs?: number;
}

export { REQUEST_ID_HEADER };

/** Rate-limit key: the token's name (limits follow the caller, not its address), else the address. */
function rateLimitKey(request: FastifyRequest): string {
  const principal = request.principal as Principal | null;
  return principal === null || principal.anonymous ? `ip:${request.ip}` : `token:${principal.name}`;
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const settings = deps.api ?? defaultApiSettings;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    requestIdHeader: REQUEST_ID_HEADER,
    genReqId: generateRequestId,
    bodyLimit: settings.bodyLimitBytes,
    requestTimeout: settings.requestTimeoutMs,
    http: requestTimeoutServerOptions(settings.requestTimeoutMs),
    clientErrorHandler: clientErrorAnswerer(deps.logger, settings.requestTimeoutMs),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API (OpenAPI); bodies are built from typed read models and serialised as is,
  // which keeps the hot path free of a per-response schema walk. Tests parse responses with the same schemas.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // One callback hook for what every request needs first (hooks cost per request; a promise more so): the request
  // id on every answer (errors, 404s, 304s included), then who is calling and whether they may.
  decorateForAccessControl(app);
  const authorise = createAuthoriser({ tokens: settings.tokens, anonymousReads: settings.anonymousReads });
  const limiter = createRateLimiter(settings.rateLimit);
  const { max: rateLimitMax } = settings.rateLimit;
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    try {
      authorise(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    const admission = request.routeOptions.config.rateLimit === false ? null : limiter.admit(rateLimitKey(request), Date.now());
    if (admission === null || admission.allowed) {
      done();
      return;
    }
    done(
      new ProblemError(
        'rate_limited',
        `rate limit of ${rateLimitMax} requests exceeded; retry in ${admission.retryAfterSeconds} s`,
        { field: 'header.authorization' },
        { 'retry-after': String(admission.retryAfterSeconds) },
      ),
    );
  });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...route.config, access: 'public' };
  });
  installMethodNotAllowed(app);
  installErrorHandler(app);
  installBodyParsers(app);

  const readSide = createReadSide(deps.readModels);
  const metrics = createMetrics([projectorLagGauge(deps.store, readSide), ...(deps.gauges ?? [])]);
  installRequestMetrics(app, metrics);

  await registerOpenApi(app);

  await app.register(healthRoutes, { store: deps.store });
  await app.register(metricsRoutes, { metrics });
  await app.register(eventRoutes, { store: deps.store });
  await app.register(verifyRoutes, { store: deps.store });

  const signal = createChangeSignal(deps.projector);
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  app.addHook('onClose', async () => signal.detach());
  await app.register(reportReadRoutes, { readSide, store: deps.store });
  await app.register(commitmentReadRoutes, { readSide, store: deps.store });
  await app.register(scorecardRoutes, { readSide, store: deps.store });
  const clock = deps.clock ?? (() => new Date());
  const waitUntilVisible = visibilityWaiter(deps.projector, deps.visibilityTimeoutMs ?? 2000);
  await app.register(reportWriteRoutes, { store: deps.store, clock, logger: deps.logger, waitUntilVisible });
  await app.register(reviewWriteRoutes, { store: deps.store, readSide, clock, waitUntilVisible });
  await app.register(dashboardRoutes);
  await app.register(changeRoutes, { readSide, signal, closing: closing.signal, heartbeatMs: deps.sseHeartbeatMs ?? 15_000 });
  return app;
}
