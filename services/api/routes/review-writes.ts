/**
 * Reviewer writes: assessments, evidence links (link, confirm, reject), amendments and withdrawals. Each
 * records the caller as the actor with the given reason; `If-Match` with the commitment's ETag makes the write
 * conditional (412 when stale). After the append the request waits, bounded, for the projector so a GET that
 * follows sees the write. `Idempotency-Key` makes a retried request a no-op (it becomes the correlation id,
 * which event ids derive from).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LedgerCommand } from '../../../domain/commands/ledger-command.ts';
import { evidenceLinkIdFor } from '../../../domain/ids.ts';
import type { CommandError } from '../../commands/command-handler.ts';
import { executeLedgerCommand } from '../../commands/execute-ledger-command.ts';
import { commitmentVersion, getCommitment } from '../../read-models/commitment-queries.ts';
import type { EventStore } from '../../store/event-store.ts';
import { parsePosition } from '../../store/position.ts';
import { assertIfMatch, ifMatchTags, strongEtag } from '../http/conditional.ts';
import { ProblemError } from '../http/problem.ts';
import type { ReadSide } from '../read/read-side.ts';
import { problemResponses, WRITE_PROBLEMS } from '../schemas/common.ts';
import {
  amendmentBodySchema,
  assessmentBodySchema,
  evidenceBodySchema,
  linkDecisionBodySchema,
  withdrawalBodySchema,
  writeResultSchema,
} from '../schemas/review-bodies.ts';
import { commitmentParams } from './commitment-reads.ts';

export interface ReviewWriteOptions {
  store: EventStore;
  readSide: ReadSide;
  clock: () => Date;
  /** Waits (bounded) until the read models show what was just appended; false when the wait ran out. */
  waitUntilVisible: () => Promise<boolean>;
}

const writeHeaders = z.object({
  'if-match': z.string().optional().describe('The commitment’s ETag; the write fails with 412 if it changed'),
  'idempotency-key': z.string().min(8).max(200).optional().describe('Same key, same request: recorded once'),
});

const notFoundCodes = new Set<CommandError['code']>(['unknown_commitment', 'unknown_link']);
const conflictCodes = new Set<CommandError['code']>(['write_conflict', 'duplicate_event']);

function problemOf(error: CommandError): ProblemError {
  if (error.code === 'precondition_failed') {
    return new ProblemError('precondition_failed', `the commitment changed while the write was being decided: ${error.message}`, {
      code: error.code,
      field: 'header.if-match',
    });
  }
  if (notFoundCodes.has(error.code)) return new ProblemError('not_found', error.message, { code: error.code, field: 'path.id' });
  if (conflictCodes.has(error.code)) return new ProblemError('conflict', error.message, { code: error.code });
  return new ProblemError('unprocessable', error.message, { code: error.code, field: 'body' });
}

export const reviewWriteRoutes: FastifyPluginAsyncZod<ReviewWriteOptions> = async (app, options) => {
  const { store, readSide, clock, waitUntilVisible } = options;

  /** Checks If-Match, runs the command(s) as the caller, waits for the read models, answers with the commitment. */
  async function write(
    request: FastifyRequest,
    reply: FastifyReply,
    commitmentId: string,
    commands: LedgerCommand[],
    createdStatus = 200,
  ): Promise<z.infer<typeof writeResultSchema>> {
    const conditional = (ifMatchTags(request) ?? []).some((tag) => tag !== '*');
    // A conditional write is checked against everything already in the log, not a lagging read model: a client
    // holding a fresher ETag (from another replica, or from its own last write) must not get a false 412.
    if (conditional) await waitUntilVisible();
    const current = commitmentVersion(readSide.db, commitmentId);
    assertIfMatch(request, current === null ? null : strongEtag(current));
    // The read model said the commitment is at `current`; the store makes sure no write slipped in since, even
    // from another process: a later event on its stream, or one appended while deciding, fails with 412.
    const unchangedSince = conditional && current !== null ? (parsePosition(current) ?? undefined) : undefined;
    const key = request.headers['idempotency-key'];
    const context = {
      actor: { kind: 'person' as const, id: request.principal.name, version: null },
      correlationId: typeof key === 'string' ? `${request.principal.name}:${key}` : request.id,
      causationId: null,
      occurredAt: clock().toISOString(),
      source: null,
    };
    const recorded: Array<{ id: string; type: string }> = [];
    for (const [index, command] of commands.entries()) {
      const result = await executeLedgerCommand(store, command, context, index === 0 && unchangedSince !== undefined ? { unchangedSince } : {});
      if (!result.ok) throw problemOf(result.error);
      recorded.push(...result.events.map((event) => ({ id: event.id, type: event.event.type })));
    }
    const visible = recorded.length === 0 ? true : await waitUntilVisible();
    const commitment = getCommitment(readSide.db, commitmentId);
    if (commitment === null) throw new ProblemError('not_found', `no commitment ${commitmentId}`, { field: 'path.id' });
    reply.code(recorded.length > 0 ? createdStatus : 200).header('etag', strongEtag(commitment.version));
    return { commitment, recorded, visible };
  }

  const routeSchema = (summary: string, body: z.ZodType, params: z.ZodType = commitmentParams) => ({
    summary,
    tags: ['review'],
    params,
    headers: writeHeaders,
    body,
    response: { 200: writeResultSchema, 201: writeResultSchema, ...problemResponses(...WRITE_PROBLEMS) },
  });
  const writeConfig = { access: 'write' } as const;

  app.post(
    '/commitments/:id/assessments',
    { config: writeConfig, schema: routeSchema('Record a reviewer’s status for the commitment (overrides the computed one)', assessmentBodySchema) },
    async (request, reply) => {
      const { id } = commitmentParams.parse(request.params);
      const body = assessmentBodySchema.parse(request.body);
      return write(request, reply, id, [{ type: 'AssessCommitment', commitmentId: id, status: body.status, rationale: body.reason }], 201);
    },
  );

  app.post(
    '/commitments/:id/evidence',
    { config: writeConfig, schema: routeSchema('Link an outcome as evidence (the reviewer’s link is recorded confirmed)', evidenceBodySchema) },
    async (request, reply) => {
      const { id } = commitmentParams.parse(request.params);
      const body = evidenceBodySchema.parse(request.body);
      const linkId = evidenceLinkIdFor({ commitmentId: id, outcomeId: body.outcomeId, targetId: body.targetId });
      return write(
        request,
        reply,
        id,
        [
          {
            type: 'ProposeEvidenceLink',
            commitmentId: id,
            outcomeId: body.outcomeId,
            targetId: body.targetId,
            score: 1,
            method: { name: 'reviewer', version: request.principal.name },
            matchedTerms: [],
          },
          { type: 'ConfirmEvidenceLink', commitmentId: id, linkId, reason: body.reason },
        ],
        201,
      );
    },
  );

  const linkParams = z.object({ id: z.string().min(1).max(200).describe('The evidence link id') });
  for (const decision of ['confirm', 'reject'] as const) {
    app.post(
      `/evidence/:id/${decision}`,
      {
        config: writeConfig,
        schema: routeSchema(decision === 'confirm' ? 'Confirm a proposed evidence link' : 'Reject a proposed evidence link', linkDecisionBodySchema, linkParams),
      },
      async (request, reply) => {
        const { id: linkId } = linkParams.parse(request.params);
        const body = linkDecisionBodySchema.parse(request.body);
        const commitmentId = readSide.commitmentOfLink(linkId);
        if (commitmentId === null) throw new ProblemError('not_found', `no evidence link ${linkId}`, { field: 'path.id' });
        const type = decision === 'confirm' ? ('ConfirmEvidenceLink' as const) : ('RejectEvidenceLink' as const);
        return write(request, reply, commitmentId, [{ type, commitmentId, linkId, reason: body.reason }]);
      },
    );
  }

  app.post(
    '/commitments/:id/amendments',
    { config: writeConfig, schema: routeSchema('Correct the commitment’s text and/or targets (the original stays in the history)', amendmentBodySchema) },
    async (request, reply) => {
      const { id } = commitmentParams.parse(request.params);
      const body = amendmentBodySchema.parse(request.body);
      return write(request, reply, id, [{ type: 'AmendCommitment', commitmentId: id, text: body.text, targets: body.targets, reason: body.reason }], 201);
    },
  );

  app.post(
    '/commitments/:id/withdrawal',
    { config: writeConfig, schema: routeSchema('Withdraw the commitment', withdrawalBodySchema) },
    async (request, reply) => {
      const { id } = commitmentParams.parse(request.params);
      const body = withdrawalBodySchema.parse(request.body);
      return write(request, reply, id, [{ type: 'WithdrawCommitment', commitmentId: id, reason: body.reason }], 201);
    },
  );
};
