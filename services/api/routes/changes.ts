/**
 * The changes feed: commitments whose visible state changed after a cursor. `GET /changes` answers at once or,
 * with `wait`, holds the request until something changes (long poll); `GET /changes/stream` pushes the same
 * changes as Server-Sent Events, each with its resume cursor as the event id, plus heartbeats.
 * A cursor that is malformed or points past what the read models hold is a 400: never a silent restart.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeCursorOf, listChangesAfter, positionOfChangeCursor } from '../../read-models/changes-queries.ts';
import { UnknownCursor } from '../../read-models/cursor.ts';
import { REQUEST_ID_HEADER } from '../http/request-id.ts';
import { answeredNotModified, strongEtag } from '../http/conditional.ts';
import { ProblemError } from '../http/problem.ts';
import type { ChangeSignal } from '../read/change-signal.ts';
import { listingVersion, type ReadSide } from '../read/read-side.ts';
import { limitParameter, problemResponses, READ_PROBLEMS } from '../schemas/common.ts';
import { changeViewSchema } from '../schemas/read-views.ts';

export const MAX_WAIT_SECONDS = 30;
const STREAM_PAGE = 500;

export interface ChangeRouteOptions {
  readSide: ReadSide;
  signal: ChangeSignal;
  /** Aborted when the app closes, so held requests and streams end instead of delaying shutdown. */
  closing: AbortSignal;
  heartbeatMs: number;
}

/** 400 unless `cursor` is one the feed issued and the read models have reached. */
function checkedCursor(readSide: ReadSide, cursor: string | undefined, field: string): string | undefined {
  if (cursor === undefined) return undefined;
  let position: string;
  try {
    position = positionOfChangeCursor(cursor);
  } catch (error) {
    if (error instanceof UnknownCursor) throw new ProblemError('invalid_cursor', `${field} is not a cursor issued by this feed`, { field });
    throw error;
  }
  const checkpoint = readSide.checkpoint();
  if (checkpoint === null || position > checkpoint) {
    throw new ProblemError('invalid_cursor', `${field} points past the changes this server holds`, { field });
  }
  return cursor;
}

/** Aborts when the client goes away or the app closes. */
function requestLifetime(reply: FastifyReply, closing: AbortSignal): AbortController {
  const lifetime = new AbortController();
  const end = (): void => lifetime.abort();
  reply.raw.once('close', end);
  closing.addEventListener('abort', end, { once: true });
  lifetime.signal.addEventListener('abort', () => closing.removeEventListener('abort', end), { once: true });
  return lifetime;
}

const changePageSchema = z.object({
  items: z.array(changeViewSchema),
  cursor: z.string().nullable().describe('Pass back as `cursor` to get what changed next'),
  hasMore: z.boolean().describe('True when more changes are waiting: ask again at once'),
});

export const changeRoutes: FastifyPluginAsyncZod<ChangeRouteOptions> = async (app, { readSide, signal, closing, heartbeatMs }) => {
  app.get(
    '/changes',
    {
      schema: {
        summary: 'Commitments whose status changed after the cursor; `wait` long-polls',
        tags: ['changes'],
        querystring: z.object({
          cursor: z.string().min(1).optional(),
          limit: limitParameter(100, 1000),
          wait: z.coerce.number().min(0).max(MAX_WAIT_SECONDS).default(0).describe(`Seconds to hold the request for a change (≤ ${MAX_WAIT_SECONDS})`),
        }),
        response: { 200: changePageSchema, ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const { limit, wait } = request.query;
      const cursor = checkedCursor(readSide, request.query.cursor, 'query.cursor');
      const read = () => listChangesAfter(readSide.db, { limit, ...(cursor === undefined ? {} : { cursor }) });
      const seen = signal.generation;
      // The version is taken before the read: a batch landing in between can only make the ETag older, never hide it.
      let version = listingVersion(readSide);
      let page = read();
      if (page.items.length === 0 && wait > 0) {
        const lifetime = requestLifetime(reply, closing);
        await signal.waitForChange(seen, lifetime.signal, wait * 1000);
        lifetime.abort();
        version = listingVersion(readSide);
        page = read();
      }
      if (answeredNotModified(request, reply, strongEtag(version))) return reply;
      return { items: page.items, cursor: page.cursor, hasMore: page.nextCursor !== null };
    },
  );

  app.get(
    '/changes/stream',
    {
      schema: {
        summary: 'Server-Sent Events of the changes feed; resumes from Last-Event-ID (or `cursor`)',
        tags: ['changes'],
        querystring: z.object({ cursor: z.string().min(1).optional() }),
        headers: z.object({ 'last-event-id': z.string().min(1).optional() }),
        response: { 200: z.string().describe('text/event-stream: `event: change` with a Change as data, id = resume cursor'), ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const resumeFrom = request.headers['last-event-id'];
      const cursor =
        resumeFrom !== undefined
          ? checkedCursor(readSide, resumeFrom, 'header.last-event-id')
          : checkedCursor(readSide, request.query.cursor, 'query.cursor');
      const lifetime = requestLifetime(reply, closing);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        [REQUEST_ID_HEADER]: request.id,
      });
      raw.write('retry: 3000\n\n');
      const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), heartbeatMs);
      try {
        await streamChanges(request, readSide, signal, lifetime.signal, cursor, (text) => raw.write(text));
      } finally {
        clearInterval(heartbeat);
        lifetime.abort();
        raw.end();
      }
    },
  );
};

async function streamChanges(
  request: FastifyRequest,
  readSide: ReadSide,
  signal: ChangeSignal,
  stop: AbortSignal,
  from: string | undefined,
  write: (text: string) => void,
): Promise<void> {
  let cursor = from;
  while (!stop.aborted) {
    const seen = signal.generation;
    const page = listChangesAfter(readSide.db, { limit: STREAM_PAGE, ...(cursor === undefined ? {} : { cursor }) });
    for (const change of page.items) {
      const id = changeCursorOf(change);
      write(`id: ${id}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
      cursor = id;
    }
    if (page.nextCursor !== null) continue;
    await signal.waitForChange(seen, stop);
  }
  request.log.debug({ cursor }, 'change stream closed');
}
