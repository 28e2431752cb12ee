/**
 * API tokens as configured: `name:sha256hex:role1+role2` entries separated by commas. Only the SHA-256 of a
 * token is ever configured or kept, so a leaked configuration does not leak usable credentials.
 */
import { z } from 'zod';

export const roleSchema = z.enum(['reader', 'reviewer', 'auditor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const apiTokenSchema = z.object({
  name: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  roles: z.array(roleSchema).min(1),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export type TokenListResult = { ok: true; tokens: ApiToken[] } | { ok: false; message: string };

export function parseApiTokens(text: string): TokenListResult {
  const tokens: ApiToken[] = [];
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  for (const entry of entries) {
    const [name, sha256, roles, ...rest] = entry.split(':');
    if (rest.length > 0 || roles === undefined) {
      return { ok: false, message: `entry '${entry.split(':')[0] ?? ''}' must be name:sha256hex:role1+role2` };
    }
    const parsed = apiTokenSchema.safeParse({ name, sha256: sha256?.toLowerCase(), roles: roles.split('+') });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, message: `entry '${name ?? ''}': ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}` };
    }
    if (tokens.some((token) => token.name === parsed.data.name)) {
      return { ok: false, message: `entry '${parsed.data.name}' is configured twice` };
    }
    tokens.push(parsed.data);
  }
  return { ok: true, tokens };
}
