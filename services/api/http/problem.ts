/**
 * RFC 9457 problem details: every error the API answers with has this shape and the
 * `application/problem+json` media type, so clients branch on the stable `type`, never on prose.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://plan-ledger.dev/problems/';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** The request field at fault (`body.reason`, `query.cursor`, `header.if-match`), when one is. */
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .passthrough();
export type Problem = z.infer<typeof problemSchema>;

/** Stable problem kinds: the slug is the public `type`, never renamed once published. */
export const problemKinds = {
  bad_request: { status: 400, title: 'Bad request' },
  invalid_request: { status: 400, title: 'Request does not match the schema' },
  invalid_cursor: { status: 400, title: 'Unknown or malformed cursor' },
  invalid_encoding: { status: 400, title: 'Body is not valid UTF-8' },
  malformed_json: { status: 400, title: 'Body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Role not granted' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  request_timeout: { status: 408, title: 'Request not received in time' },
  conflict: { status: 409, title: 'Conflicting write' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  body_too_large: { status: 413, title: 'Body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  headers_too_large: { status: 431, title: 'Request headers too large' },
  unreadable_report: { status: 422, title: 'Report not readable' },
  unprocessable: { status: 422, title: 'Request cannot be applied' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;
export type ProblemKind = keyof typeof problemKinds;

export function problemType(kind: ProblemKind): string {
  return PROBLEM_BASE + kind.replaceAll('_', '-');
}

export interface ProblemExtras {
  field?: string;
  errors?: Array<{ field: string; message: string }>;
  [extension: string]: unknown;
}

export function makeProblem(kind: ProblemKind, detail: string, extras: ProblemExtras = {}): Problem {
  const { status, title } = problemKinds[kind];
  return { type: problemType(kind), title, status, detail, ...extras };
}

/** Thrown by handlers and hooks; the error handler turns it into the response. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly problem: Problem;
  readonly headers: Record<string, string>;
  constructor(kind: ProblemKind, detail: string, extras: ProblemExtras = {}, headers: Record<string, string> = {}) {
    super(detail);
    this.problem = makeProblem(kind, detail, extras);
    this.headers = headers;
  }
  get statusCode(): number {
    return this.problem.status;
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(problem));
}
