/** `GET /reports`, `/reports/{id}` (metadata, parts, spans), `/reports/{id}/text`, `/organisations`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { streamNames } from '../../../domain/ids.ts';
import { getReport, listOrganisations, listReports } from '../../read-models/report-queries.ts';
import type { EventStore } from '../../store/event-store.ts';
import { answeredNotModified, strongEtag } from '../http/conditional.ts';
import { ProblemError } from '../http/problem.ts';
import { listingVersion, type ReadSide } from '../read/read-side.ts';
import { problemResponses, READ_PROBLEMS } from '../schemas/common.ts';
import { organisationViewSchema, reportViewSchema } from '../schemas/read-views.ts';

const reportParams = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a report id (the SHA-256 of its text)') });

export const reportReadRoutes: FastifyPluginAsyncZod<{ readSide: ReadSide; store: EventStore }> = async (app, { readSide, store }) => {
  app.get(
    '/reports',
    {
      schema: {
        summary: 'Ingested reports',
        tags: ['reports'],
        querystring: z.object({ organisation: z.string().min(1).optional() }),
        response: { 200: z.object({ items: z.array(reportViewSchema) }), ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      if (answeredNotModified(request, reply, strongEtag(listingVersion(readSide)))) return reply;
      return { items: listReports(readSide.db, request.query.organisation) };
    },
  );

  app.get(
    '/reports/:id',
    {
      schema: {
        summary: 'One report: metadata and the parts found in it, with their spans',
        tags: ['reports'],
        params: reportParams,
        response: { 200: reportViewSchema, ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const report = getReport(readSide.db, request.params.id);
      if (report === null) throw new ProblemError('not_found', `no report ${request.params.id}`, { field: 'path.id' });
      if (answeredNotModified(request, reply, strongEtag(report.version))) return reply;
      return report;
    },
  );

  app.get(
    '/reports/:id/text',
    {
      schema: {
        summary: 'The report’s text exactly as ingested (spans index into it)',
        tags: ['reports'],
        params: reportParams,
        response: { 200: z.string().describe('text/plain; charset=utf-8'), ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      // A report's text never changes (its id is its SHA-256), so the ETag is the id and needs no read.
      if (answeredNotModified(request, reply, strongEtag(id))) return reply;
      for await (const recorded of store.readStream(streamNames.report(id), { maxCount: 1 })) {
        if (recorded.type === 'ReportIngested' && typeof recorded.data.text === 'string') {
          return reply.type('text/plain; charset=utf-8').send(recorded.data.text);
        }
      }
      throw new ProblemError('not_found', `no report ${id}`, { field: 'path.id' });
    },
  );

  app.get(
    '/organisations',
    {
      schema: {
        summary: 'Organisations with the years their reports cover',
        tags: ['reports'],
        response: { 200: z.object({ items: z.array(organisationViewSchema) }), ...problemResponses(...READ_PROBLEMS) },
      },
    },
    async (request, reply) => {
      if (answeredNotModified(request, reply, strongEtag(listingVersion(readSide)))) return reply;
      return { items: listOrganisations(readSide.db) };
    },
  );
};
