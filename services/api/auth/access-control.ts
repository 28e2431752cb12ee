/**
 * Route-level access: each route says in its config what it needs (`config: { access: 'read' }`); the caller is
 * authenticated once per request and refused with 401 (who are you?) or 403 (you may not) before any handler runs.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.ts';
import type { ApiToken } from './api-tokens.ts';
import { ANONYMOUS, createTokenVerifier, grants, rolesFor, type Access, type Principal } from './authenticate.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal;
    authenticationFailure: string | null;
  }
}

export interface AccessOptions {
  tokens: readonly ApiToken[];
  /** Opens `read` routes to callers without a token. */
  anonymousReads: boolean;
}

export const WWW_AUTHENTICATE = 'Bearer realm="plan-ledger"';

/** Throws the right problem unless the request's caller may do `access`; handlers call it for finer checks (asOf). */
export function requireAccess(request: FastifyRequest, access: Access, anonymousReads: boolean, what = 'this resource'): void {
  if (access === 'public') return;
  if (request.authenticationFailure !== null) {
    throw new ProblemError('unauthenticated', request.authenticationFailure, { field: 'header.authorization' }, { 'www-authenticate': WWW_AUTHENTICATE });
  }
  const principal = request.principal;
  if (principal.anonymous) {
    if (access === 'read' && anonymousReads) return;
    throw new ProblemError('unauthenticated', `${what} needs a bearer token`, { field: 'header.authorization' }, { 'www-authenticate': WWW_AUTHENTICATE });
  }
  if (!grants(principal, access)) {
    throw new ProblemError('forbidden', `${what} needs one of the roles ${rolesFor(access as Exclude<Access, 'public'>).join(', ')}; token '${principal.name}' has ${[...principal.roles].join(', ')}`, {
      field: 'header.authorization',
    });
  }
}

/** Declares the request decorations `authorise` fills in; call once on the root instance. */
export function decorateForAccessControl(app: FastifyInstance): void {
  // Fastify 5 refuses shared objects as request decorations: start empty, set on every request.
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('authenticationFailure', null);
}

/**
 * Names the caller and enforces the route's access, throwing the 401/403 problem. Runs in the app's one
 * onRequest hook (build-app.ts) so it covers every route, 404s included, before any body is read.
 */
export function createAuthoriser(options: AccessOptions): (request: FastifyRequest) => void {
  const verifier = createTokenVerifier(options.tokens);
  return (request) => {
    const result = verifier.authenticate(request.headers.authorization);
    request.principal = result.kind === 'authenticated' ? result.principal : ANONYMOUS;
    request.authenticationFailure = result.kind === 'rejected' ? result.detail : null;
    requireAccess(request, request.routeOptions.config.access ?? 'read', options.anonymousReads);
  };
}
