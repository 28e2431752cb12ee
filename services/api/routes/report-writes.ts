/**
 * `POST /reports` — a document as `text/plain; charset=utf-8`, or JSON `{text, source?, organisation?}`.
 * 201 with what was found the first time, 200 when the same document was already ingested, 422 with the
 * reader's reason when nothing in it is readable. Bodies are decoded strictly (http/body-parsers.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ingestReport, type IngestionError } from '../../ingestion/ingest-report.ts';
import type { Logger } from '../../logger.ts';
import type { EventStore } from '../../store/event-store.ts';
import { ProblemError } from '../http/problem.ts';
import { problemResponses, WRITE_PROBLEMS } from '../schemas/common.ts';

export const reportSubmissionSchema = z.union([
  z.string().describe('The report text (text/plain; charset=utf-8)'),
  z.object({
    text: z.string().min(1),
    source: z.string().min(1).max(2000).optional().describe('Where the document came from (URL or file name)'),
    organisation: z.string().min(1).max(200).optional().describe('The issuing body you expect; it must agree with the text'),
  }),
]);

export const ingestionResultSchema = z.object({
  reportId: z.string(),
  sha256: z.string(),
  organisation: z.string(),
  years: z.object({ summary: z.number().int().nullable(), plan: z.number().int().nullable() }),
  commitmentsFound: z.number().int(),
  outcomesFound: z.number().int(),
  commitmentsRecorded: z.number().int(),
  outcomesRecorded: z.number().int(),
  alreadyIngested: z.boolean(),
});

export interface ReportWriteOptions {
  store: EventStore;
  clock: () => Date;
  logger: Logger;
  /** Waits (bounded) until the read models show what was just appended. */
  waitUntilVisible: () => Promise<boolean>;
}

function problemOf(error: IngestionError): ProblemError {
  switch (error.code) {
    case 'unreadable':
      return new ProblemError('unreadable_report', error.message, { reason: error.reason, field: 'body.text' });
    case 'organisation_mismatch':
      return new ProblemError('unprocessable', error.message, {
        code: error.code,
        ...('found' in error ? { found: error.found, hint: error.hint } : {}),
        field: 'body.organisation',
      });
    case 'invalid_command':
      return new ProblemError('invalid_request', error.message, { field: 'body' });
    case 'write_conflict':
    case 'duplicate_event':
      return new ProblemError('conflict', error.message, { code: error.code });
    default:
      return new ProblemError('unprocessable', error.message, { code: error.code, field: 'body' });
  }
}

export const reportWriteRoutes: FastifyPluginAsyncZod<ReportWriteOptions> = async (app, { store, clock, logger, waitUntilVisible }) => {
  app.post(
    '/reports',
    {
      config: { access: 'write' },
      schema: {
        summary: 'Ingest a report (idempotent: the same document is recorded once)',
        tags: ['reports'],
        consumes: ['text/plain', 'application/json'],
        body: reportSubmissionSchema,
        response: { 200: ingestionResultSchema, 201: ingestionResultSchema, ...problemResponses(...WRITE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const submission = typeof body === 'string' ? { text: body } : body;
      if (submission.text.trim() === '') throw new ProblemError('unreadable_report', 'the document is empty', { reason: 'empty_text', field: 'body.text' });
      const result = await ingestReport(
        { store, clock, logger },
        { type: 'IngestReport', text: submission.text, sourceUri: submission.source ?? null, organisationHint: submission.organisation ?? null },
      );
      if (!result.ok) throw problemOf(result.error);
      const { ok: _ok, ...found } = result;
      if (!found.alreadyIngested) await waitUntilVisible();
      reply.code(found.alreadyIngested ? 200 : 201).header('location', `/reports/${found.reportId}`);
      return found;
    },
  );
};
