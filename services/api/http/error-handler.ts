/**
 * One place turns every failure into problem+json: thrown ProblemErrors, request-schema violations (with the
 * offending field), Fastify's own errors (body size, media type, empty body) and anything unexpected (500,
 * logged with its stack, never echoed to the caller).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { makeProblem, ProblemError, sendProblem, type Problem } from './problem.ts';

const fastifyCodes: Record<string, (error: FastifyError) => Problem> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => makeProblem('body_too_large', 'the request body is larger than the configured limit', { field: 'body' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    makeProblem('unsupported_media_type', 'send text/plain; charset=utf-8 or application/json', { field: 'header.content-type' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => makeProblem('bad_request', 'Content-Length does not match the body', { field: 'header.content-length' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => makeProblem('malformed_json', 'a JSON body was announced but none was sent', { field: 'body' }),
  FST_ERR_CTP_INVALID_JSON_BODY: (error) => makeProblem('malformed_json', error.message, { field: 'body' }),
  FST_ERR_CTP_EMPTY_TYPE: () => makeProblem('unsupported_media_type', 'Content-Type is empty', { field: 'header.content-type' }),
  FST_ERR_CTP_INVALID_TYPE: () => makeProblem('unsupported_media_type', 'Content-Type is not a media type', { field: 'header.content-type' }),
  FST_ERR_VALIDATION: (error) => makeProblem('invalid_request', error.message),
};

const contextNames: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => {
    if (error instanceof ProblemError) {
      reply.headers(error.headers);
      return sendProblem(reply, error.problem);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = contextNames[(error as { validationContext?: string }).validationContext ?? 'body'] ?? 'body';
      const errors = error.validation.map((issue) => {
        const { path, message } = deepestIssue(String(issue.instancePath).split('/').filter((part) => part !== ''), issue);
        return { field: [context, ...path].join('.'), message };
      });
      const first = errors[0];
      return sendProblem(
        reply,
        makeProblem('invalid_request', first === undefined ? error.message : `${first.field} ${first.message}`, { field: first?.field ?? context, errors }),
      );
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, makeProblem('rate_limited', error.message, { field: 'header.authorization' }));
    }
    const mapped = error.code === undefined ? undefined : fastifyCodes[error.code];
    if (mapped !== undefined) return sendProblem(reply, mapped(error));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, makeProblem('bad_request', error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, makeProblem('internal', `the request failed; quote request id ${request.id}`));
  });
}

interface IssueLike {
  keyword?: string;
  message?: string;
  params?: { errors?: unknown };
}

interface BranchIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * A failed union (`text/plain` string or JSON object, say) is reported by zod at the union's own path; the
 * caller learns more from the branch issue that got deepest into their input, e.g. `body.text`.
 */
function deepestIssue(path: string[], issue: IssueLike): { path: string[]; message: string } {
  const branches = issue.keyword === 'invalid_union' ? issue.params?.errors : undefined;
  let best: BranchIssue | undefined;
  if (Array.isArray(branches)) {
    for (const branch of branches) {
      if (!Array.isArray(branch)) continue;
      for (const candidate of branch as BranchIssue[]) {
        if (Array.isArray(candidate.path) && candidate.path.length > (best?.path.length ?? 0)) best = candidate;
      }
    }
  }
  if (best === undefined) return { path, message: issue.message ?? 'is invalid' };
  return { path: [...path, ...best.path.map(String)], message: best.message };
}
