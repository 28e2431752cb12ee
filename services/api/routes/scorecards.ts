/**
 * `GET /scorecards?organisation=&year=` — per area and in total; `asOf` (auditors) gives the scorecard as it was.
 * `GET /scorecards/totals` — every organisation × plan year total at once, so an overview costs one request.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getScorecard, listScorecardTotals } from '../../read-models/scorecard-queries.ts';
import type { EventStore } from '../../store/event-store.ts';
import { answeredNotModified, strongEtag } from '../http/conditional.ts';
import { ProblemError } from '../http/problem.ts';
import { readAsOf } from '../read/as-of.ts';
import { listingVersion, type ReadSide } from '../read/read-side.ts';
import { problemResponses, READ_PROBLEMS } from '../schemas/common.ts';
import { scorecardTotalsSchema, scorecardViewSchema } from '../schemas/read-views.ts';

export const scorecardRoutes: FastifyPluginAsyncZod<{ readSide: ReadSide; store: EventStore }> = async (app, { readSide, store }) => {
  app.get(
    '/scorecards',
    {
      schema: {
        summary: 'An organisation’s scorecard for a plan year: commitments by status, per area and in total',
        tags: ['scorecards'],
        querystring: z.object({
          organisation: z.string().min(1),
          year: z.coerce.number().int().min(1900).max(2200),
          asOf: z.string().min(1).optional().describe('Auditors: a log position or an ISO-8601 time'),
        }),
        response: { 200: scorecardViewSchema, ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const { organisation, year, asOf } = request.query;
      if (asOf !== undefined) {
        const past = await readAsOf(request, store, readSide.db, asOf, organisation, (db, position) => ({ scorecard: getScorecard(db, organisation, year), position }));
        if (past.scorecard === null) throw new ProblemError('not_found', `no scorecard for ${organisation} ${year} as of ${asOf}`, { field: 'query.asOf' });
        if (answeredNotModified(request, reply, strongEtag(`as-of-${past.position ?? 'empty'}`))) return reply;
        return past.scorecard;
      }
      if (answeredNotModified(request, reply, strongEtag(listingVersion(readSide)))) return reply;
      const scorecard = getScorecard(readSide.db, organisation, year);
      if (scorecard === null) throw new ProblemError('not_found', `no scorecard for ${organisation} ${year}`, { field: 'query.organisation' });
      return scorecard;
    },
  );

  app.get(
    '/scorecards/totals',
    {
      schema: {
        summary: 'Every organisation’s total per plan year, ordered by organisation then year',
        tags: ['scorecards'],
        querystring: z.object({ organisation: z.string().min(1).optional() }),
        response: { 200: scorecardTotalsSchema, ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      if (answeredNotModified(request, reply, strongEtag(listingVersion(readSide)))) return reply;
      return { items: listScorecardTotals(readSide.db, request.query.organisation) };
    },
  );
};
