/**
 * Who is calling: a bearer token is hashed and compared against every configured hash in constant time (all
 * of them, always, so the time taken does not tell which entry was close), then its roles decide access.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiToken, Role } from './api-tokens.ts';

export interface Principal {
  /** The token's configured name, recorded as the actor of writes; `anonymous` for unauthenticated reads. */
  name: string;
  roles: ReadonlySet<Role>;
  anonymous: boolean;
}

export const ANONYMOUS: Principal = { name: 'anonymous', roles: new Set(), anonymous: true };

export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'authenticated'; principal: Principal }
  | { kind: 'rejected'; detail: string };

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface TokenVerifier {
  authenticate(authorization: string | undefined): Authentication;
}

export function createTokenVerifier(tokens: readonly ApiToken[]): TokenVerifier {
  const known = tokens.map((token) => ({
    token,
    digest: Buffer.from(token.sha256, 'hex'),
    principal: { name: token.name, roles: new Set(token.roles), anonymous: false } satisfies Principal,
  }));
  return {
    authenticate(authorization) {
      if (authorization === undefined || authorization === '') return { kind: 'anonymous' };
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const secret = match?.[1];
      if (secret === undefined) return { kind: 'rejected', detail: 'Authorization must be "Bearer <token>"' };
      const digest = createHash('sha256').update(secret, 'utf8').digest();
      let found: Principal | undefined;
      for (const entry of known) {
        if (timingSafeEqual(entry.digest, digest) && found === undefined) found = entry.principal;
      }
      return found === undefined ? { kind: 'rejected', detail: 'the bearer token is not recognised' } : { kind: 'authenticated', principal: found };
    },
  };
}

/** What a route needs. `read` may be opened to anonymous callers by configuration; the others never are. */
export type Access = 'public' | 'read' | 'write' | 'audit' | 'admin';

const grantingRoles: Record<Exclude<Access, 'public'>, readonly Role[]> = {
  read: ['reader', 'reviewer', 'auditor', 'admin'],
  write: ['reviewer', 'admin'],
  audit: ['auditor', 'admin'],
  admin: ['admin'],
};

export function grants(principal: Principal, access: Access): boolean {
  if (access === 'public') return true;
  return grantingRoles[access].some((role) => principal.roles.has(role));
}

export function rolesFor(access: Exclude<Access, 'public'>): readonly Role[] {
  return grantingRoles[access];
}
