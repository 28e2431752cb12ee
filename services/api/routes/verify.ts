/**
 * `GET /verify` — the tamper check: every stream's hash chain re-computed over the whole log. Auditors only;
 * a broken chain is a finding, not an error, so it is a 200 with `ok: false` and where the chain broke.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeChainBreak, verifyLog } from '../../integrity/verify-log.ts';
import type { EventStore } from '../../store/event-store.ts';
import { answeredNotModified, strongEtag } from '../http/conditional.ts';
import { problemResponses, READ_PROBLEMS } from '../schemas/common.ts';

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  /** Position of the last event when the check ran. */
  head: z.string().nullable(),
  eventsVerified: z.number().int(),
  streams: z.number().int().nullable(),
  broken: z
    .object({
      kind: z.enum(['previous_hash_mismatch', 'content_hash_mismatch', 'revision_gap']),
      stream: z.string(),
      revision: z.number().int(),
      expected: z.string(),
      found: z.string(),
      description: z.string(),
    })
    .nullable(),
});

export const verifyRoutes: FastifyPluginAsyncZod<{ store: EventStore }> = async (app, { store }) => {
  app.get(
    '/verify',
    {
      config: { access: 'audit' },
      schema: {
        summary: 'Re-check the hash chain of every stream (tamper evidence)',
        tags: ['audit'],
        response: { 200: verifyResultSchema, ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const head = await store.headPosition();
      const result = await verifyLog(store);
      const body: z.infer<typeof verifyResultSchema> = result.ok
        ? { ok: true, head, eventsVerified: result.events, streams: result.streams, broken: null }
        : { ok: false, head, eventsVerified: result.eventsVerified, streams: null, broken: { ...result.broken, description: describeChainBreak(result.broken) } };
      // Tampering does not move the head, so the ETag covers the verdict too, not only the log's length.
      if (answeredNotModified(request, reply, strongEtag(`${head ?? 'empty'}-${body.ok ? 'ok' : `broken-${body.broken?.stream}-${body.broken?.revision}`}`))) return reply;
      return body;
    },
  );
};
