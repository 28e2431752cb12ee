/**
 * 404 for paths the API does not have, 405 (with `Allow`) for a known path asked with a method it does not
 * serve. Fastify answers both with 404, so the routes are recorded as they are added and matched here.
 */
import type { FastifyInstance } from 'fastify';
import { makeProblem, sendProblem } from './problem.ts';

interface KnownRoute {
  pattern: RegExp;
  methods: Set<string>;
}

function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/** Call before any route is registered. */
export function installMethodNotAllowed(app: FastifyInstance): void {
  const routes = new Map<string, KnownRoute>();
  app.addHook('onRoute', (route) => {
    const known = routes.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) known.methods.add(method);
    routes.set(route.url, known);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const allowed = new Set<string>();
    for (const route of routes.values()) if (route.pattern.test(path)) for (const method of route.methods) allowed.add(method);
    if (allowed.size > 0 && !allowed.has(request.method)) {
      reply.header('allow', [...allowed].sort().join(', '));
      return sendProblem(reply, makeProblem('method_not_allowed', `${request.method} is not served on ${path}; use ${[...allowed].sort().join(', ')}`, { field: 'method' }));
    }
    return sendProblem(reply, makeProblem('not_found', `no resource at ${path}`, { field: 'path' }));
  });
}
