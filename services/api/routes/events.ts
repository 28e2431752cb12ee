/**
 * `GET /events` — the log itself, read-only and in its one global order, for auditors who replay or mirror
 * it. Paging is by position: pass the `next` of one page as `after` for the following one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventStore, RecordedEvent } from '../../store/event-store.ts';
import { comparePositions, parsePosition, type Position } from '../../store/position.ts';
import { answeredNotModified, strongEtag } from '../http/conditional.ts';
import { ProblemError } from '../http/problem.ts';
import { limitParameter, positionText, problemResponses, READ_PROBLEMS } from '../schemas/common.ts';

export const loggedEventSchema = z.object({
  position: positionText,
  stream: z.string(),
  revision: z.number().int(),
  id: z.string(),
  type: z.string(),
  schemaVersion: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});
z.globalRegistry.add(loggedEventSchema, { id: 'LoggedEvent' });

export const eventPageSchema = z.object({
  events: z.array(loggedEventSchema),
  /** Pass as `after` to read on; null when the log is empty. */
  next: positionText.nullable(),
  head: positionText.nullable(),
});

const eventsQuery = z.object({
  after: z.string().optional().describe('Exclusive: events strictly after this position'),
  limit: limitParameter(100, 1000),
});

/** Parses a position given by a client; 400 when malformed or beyond the end of the log. */
export async function clientPosition(store: EventStore, token: string, field: string): Promise<Position> {
  const position = parsePosition(token);
  if (position === null) throw new ProblemError('invalid_cursor', `${field} is not a position issued by this API`, { field });
  const head = await store.headPosition();
  if (head === null || comparePositions(position, head) > 0) {
    throw new ProblemError('invalid_cursor', `${field} is beyond the end of the log`, { field });
  }
  return position;
}

export function toLoggedEvent(event: RecordedEvent): z.infer<typeof loggedEventSchema> {
  return {
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  };
}

export const eventRoutes: FastifyPluginAsyncZod<{ store: EventStore }> = async (app, { store }) => {
  app.get(
    '/events',
    {
      config: { access: 'audit' },
      schema: {
        summary: 'The event log in global order (auditors)',
        tags: ['audit'],
        querystring: eventsQuery,
        response: { 200: eventPageSchema, ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const { after: afterToken, limit } = request.query;
      const after = afterToken === undefined ? undefined : await clientPosition(store, afterToken, 'query.after');
      const head = await store.headPosition();
      if (answeredNotModified(request, reply, strongEtag(head ?? 'empty'))) return reply;
      const events: z.infer<typeof loggedEventSchema>[] = [];
      for await (const event of store.readAll({ ...(after === undefined ? {} : { after }), maxCount: limit })) events.push(toLoggedEvent(event));
      return { events, next: events[events.length - 1]?.position ?? after ?? null, head };
    },
  );
};
