/**
 * Conditional requests. Every GET carries a strong ETag derived from a read-model version (a log position),
 * which the handler knows before it builds any body, so a matching `If-None-Match` costs one indexed lookup.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from './problem.ts';

export function strongEtag(version: string): string {
  return `"${version}"`;
}

/** Entity tags listed in an If-None-Match / If-Match header; `*` matches anything. */
function listedTags(header: string): string[] {
  return header.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
}

function weakEquals(listed: string, etag: string): boolean {
  return listed === '*' || listed.replace(/^W\//, '') === etag;
}

/**
 * Sets ETag and `Cache-Control: no-cache` (clients revalidate every time, cheaply). Returns true when the
 * caller's copy is current and a 304 was sent: the handler must then return without a body.
 */
export function answeredNotModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag).header('cache-control', 'no-cache');
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  if (!listedTags(header).some((listed) => weakEquals(listed, etag))) return false;
  reply.code(304).send();
  return true;
}

/** The ETag the caller's write is conditional on (`If-Match`), or null when the write is unconditional. */
export function ifMatchTags(request: FastifyRequest): string[] | null {
  const header = request.headers['if-match'];
  return header === undefined ? null : listedTags(header);
}

/** 412 unless the current ETag is among the tags of If-Match (strong comparison, as RFC 9110 requires). */
export function assertIfMatch(request: FastifyRequest, currentEtag: string | null): void {
  const tags = ifMatchTags(request);
  if (tags === null) return;
  const matches = tags.some((tag) => (tag === '*' ? currentEtag !== null : tag === currentEtag));
  if (!matches) {
    throw new ProblemError(
      'precondition_failed',
      currentEtag === null ? 'the resource does not exist' : `the resource changed: its ETag is now ${currentEtag}`,
      { field: 'header.if-match', currentEtag },
    );
  }
}
