/**
 * `GET /commitments` (filters, cursor pages, stable order), `/commitments/{id}` (status with reason, targets
 * with actuals, evidence with spans, assessment; `asOf` for auditors) and `/commitments/{id}/history`.
 * The single-commitment read is the hot path: its ETag comes from one indexed lookup of the row's version,
 * before any body is built.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commitmentStatusSchema } from '../../../domain/events/commitment-events.ts';
import { streamNames } from '../../../domain/ids.ts';
import { commitmentTimeline, commitmentVersion, getCommitment, listCommitments } from '../../read-models/commitment-queries.ts';
import { UnknownCursor } from '../../read-models/cursor.ts';
import type { EventStore } from '../../store/event-store.ts';
import { answeredNotModified, strongEtag } from '../http/conditional.ts';
import { ProblemError } from '../http/problem.ts';
import { readAsOf } from '../read/as-of.ts';
import { createVersionedCache } from '../read/versioned-cache.ts';
import { listingVersion, type ReadSide } from '../read/read-side.ts';
import { limitParameter, problemResponses, READ_PROBLEMS } from '../schemas/common.ts';
import { commitmentPageSchema, commitmentViewSchema, timelineEntrySchema } from '../schemas/read-views.ts';
import { loggedEventSchema, toLoggedEvent } from './events.ts';

/** Sends JSON already serialised (from the cache): buffers bypass the serializer. */
function sendSerialised(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}

export const commitmentParams = z.object({ id: z.string().min(1).max(200) });

const listQuery = z.object({
  organisation: z.string().min(1).optional(),
  planYear: z.coerce.number().int().min(1900).max(2200).optional(),
  area: z.string().min(1).optional(),
  status: commitmentStatusSchema.optional(),
  carriedOver: z.enum(['true', 'false']).transform((flag) => flag === 'true').optional(),
  q: z.string().min(1).max(200).optional().describe('Text the commitment contains'),
  cursor: z.string().min(1).optional(),
  limit: limitParameter(50, 500),
});

export const commitmentReadRoutes: FastifyPluginAsyncZod<{ readSide: ReadSide; store: EventStore }> = async (app, { readSide, store }) => {
  // Polling clients ask for the same representations again and again; a version bump is the only invalidation.
  const bodies = createVersionedCache(5000);
  const pages = createVersionedCache(500);

  app.get(
    '/commitments',
    {
      schema: {
        summary: 'Commitments, filtered, in a stable order (organisation, plan year, place in the plan), cursor-paged',
        tags: ['commitments'],
        querystring: listQuery,
        response: { 200: commitmentPageSchema, ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const { cursor, limit, q, carriedOver, ...filters } = request.query;
      const version = listingVersion(readSide);
      if (answeredNotModified(request, reply, strongEtag(version))) return reply;
      const cached = pages.get(request.url, version);
      if (cached !== undefined) return sendSerialised(reply, cached);
      try {
        const page = listCommitments(
          readSide.db,
          { ...filters, ...(q === undefined ? {} : { text: q }), ...(carriedOver === undefined ? {} : { carriedOver }) },
          { limit, ...(cursor === undefined ? {} : { cursor }) },
        );
        const body = Buffer.from(JSON.stringify(page));
        pages.set(request.url, version, body);
        return sendSerialised(reply, body);
      } catch (error) {
        if (error instanceof UnknownCursor) throw new ProblemError('invalid_cursor', error.message, { field: 'query.cursor' });
        throw error;
      }
    },
  );

  app.get(
    '/commitments/:id',
    {
      schema: {
        summary: 'One commitment: status with its reason, targets with actuals, evidence with source spans',
        tags: ['commitments'],
        params: commitmentParams,
        querystring: z.object({
          asOf: z.string().min(1).optional().describe('Auditors: a log position or an ISO-8601 time; the state as it was then'),
        }),
        response: { 200: commitmentViewSchema, ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { asOf } = request.query;
      if (asOf !== undefined) {
        const organisation = getCommitment(readSide.db, id)?.organisation;
        if (organisation === undefined) throw new ProblemError('not_found', `no commitment ${id}`, { field: 'path.id' });
        const past = await readAsOf(request, store, readSide.db, asOf, organisation, (db) => getCommitment(db, id));
        if (past === null) throw new ProblemError('not_found', `commitment ${id} did not exist as of ${asOf}`, { field: 'query.asOf' });
        if (answeredNotModified(request, reply, strongEtag(past.version))) return reply;
        return past;
      }
      const version = commitmentVersion(readSide.db, id);
      if (version === null) throw new ProblemError('not_found', `no commitment ${id}`, { field: 'path.id' });
      if (answeredNotModified(request, reply, strongEtag(version))) return reply;
      let body = bodies.get(id, version);
      if (body === undefined) {
        const commitment = getCommitment(readSide.db, id);
        if (commitment === null) throw new ProblemError('not_found', `no commitment ${id}`, { field: 'path.id' });
        body = Buffer.from(JSON.stringify(commitment));
        // A batch committed between the two reads moves the version: the ETag follows the body actually sent.
        if (commitment.version !== version) reply.header('etag', strongEtag(commitment.version));
        bodies.set(id, commitment.version, body);
      }
      return sendSerialised(reply, body);
    },
  );

  app.get(
    '/commitments/:id/history',
    {
      schema: {
        summary: 'The commitment’s events (who, from which document and span, when) and its status timeline',
        tags: ['commitments'],
        params: commitmentParams,
        response: {
          200: z.object({ commitmentId: z.string(), events: z.array(loggedEventSchema), timeline: z.array(timelineEntrySchema) }),
          ...problemResponses(...READ_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const stream = streamNames.commitment(id);
      let last: string | undefined;
      for await (const recorded of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) last = recorded.position;
      if (last === undefined) throw new ProblemError('not_found', `no commitment ${id}`, { field: 'path.id' });
      if (answeredNotModified(request, reply, strongEtag(`${last}+${listingVersion(readSide)}`))) return reply;
      const events: z.infer<typeof loggedEventSchema>[] = [];
      for await (const recorded of store.readStream(stream)) events.push(toLoggedEvent(recorded));
      return { commitmentId: id, events, timeline: commitmentTimeline(readSide.db, id) };
    },
  );
};
