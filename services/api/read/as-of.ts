/**
 * `?asOf=` (a log position or an ISO time) replays the log into throw-away read models; it is for auditors only,
 * and a malformed value is the caller's 400, never a silent "now".
 */
import type { FastifyRequest } from 'fastify';
import { InvalidAsOf, parseAsOf, readModelsAsOfOrganisation } from '../../projector/as-of.ts';
import type { StopAt } from '../../projector/catch-up.ts';
import type { ReadModelDb } from '../../read-models/schema.ts';
import type { EventStore } from '../../store/event-store.ts';
import { requireAccess } from '../auth/access-control.ts';
import { ProblemError } from '../http/problem.ts';

export function parseAsOfParameter(token: string): StopAt {
  try {
    return parseAsOf(token);
  } catch (error) {
    if (error instanceof InvalidAsOf) throw new ProblemError('invalid_request', error.message, { field: 'query.asOf' });
    throw error;
  }
}

/**
 * Runs `read` against the read models as of `token`, limited to one organisation's events (read from its own
 * streams when the live read models are caught up: see readModelsAsOfOrganisation).
 */
export async function readAsOf<T>(
  request: FastifyRequest,
  store: EventStore,
  live: ReadModelDb,
  token: string,
  organisation: string,
  read: (db: ReadModelDb, position: string | null) => T,
): Promise<T> {
  requireAccess(request, 'audit', false, 'asOf');
  const stopAt = parseAsOfParameter(token);
  const asOf = await readModelsAsOfOrganisation(store, live, stopAt, organisation);
  try {
    return read(asOf.db, asOf.position);
  } finally {
    asOf.close();
  }
}
