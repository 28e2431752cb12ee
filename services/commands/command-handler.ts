/**
 * The generic command handler: load a stream, fold it through its decider, decide, append with the expected
 * revision. On WrongExpectedVersion it re-reads and re-decides (a concurrent writer may have made the command a
 * no-op or invalid), a few times, then reports the conflict as a value.
 */
import type { Decider } from '../../domain/deciders/decider.ts';
import type { DecisionError } from '../../domain/deciders/decision-error.ts';
import type { DomainEvent } from '../../domain/events/catalog.ts';
import type { EventMetadata } from '../../domain/events/metadata.ts';
import { chainEvents, type CommandContext } from '../events/chained-events.ts';
import { decodeRecordedEvent } from '../events/event-codec.ts';
import { DuplicateEventId, WrongExpectedVersion } from '../store/errors.ts';
import type { EventStore, EventToAppend, ExpectedRevision } from '../store/event-store.ts';
import type { Position } from '../store/position.ts';

export type { CommandContext };

export interface StreamSnapshot<S> {
  state: S;
  /** Revision of the stream's last event, or null when the stream does not exist. */
  revision: number | null;
  /** Hash of the stream's last event (the next event's previousHash). */
  lastHash: string | null;
  /** Global position of the stream's last event, or null when the stream does not exist. */
  lastPosition: Position | null;
}

export async function loadStream<E extends DomainEvent, S>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
): Promise<StreamSnapshot<S>> {
  let state = decider.initialState;
  let revision: number | null = null;
  let lastHash: string | null = null;
  let lastPosition: Position | null = null;
  for await (const recorded of store.readStream(stream)) {
    const decoded = decodeRecordedEvent(recorded);
    // A stream holds only its decider's event types; the stream name is what guarantees it.
    state = decider.evolve(state, decoded.event as E);
    revision = recorded.revision;
    lastHash = decoded.metadata.hash;
    lastPosition = recorded.position;
  }
  return { state, revision, lastHash, lastPosition };
}

export type CommandError =
  | DecisionError
  | { code: 'write_conflict'; message: string; stream: string; attempts: number }
  | { code: 'duplicate_event'; message: string; stream: string }
  | { code: 'precondition_failed'; message: string; stream: string };

export interface AppendedEvent<E> {
  id: string;
  event: E;
  metadata: EventMetadata;
}

export type CommandResult<E> =
  | { ok: true; stream: string; events: AppendedEvent<E>[]; revision: number | null }
  | { ok: false; error: CommandError };

export interface HandleCommandRequest<C, E, S> {
  stream: string;
  decider: Decider<C, E, S>;
  command: C;
  context: CommandContext;
}

export interface HandleCommandOptions {
  /** Attempts before a write conflict is reported; defaults to 5. */
  maxAttempts?: number;
  /**
   * Decide the first attempt against the initial state without reading, appending with `no_stream`: right for
   * streams that are almost always new (ingestion). If the stream exists, the conflict falls back to a normal read.
   */
  assumeNewStream?: boolean;
  /**
   * The caller decided on the stream as it was at this global position (a conditional write, `If-Match`): the
   * command fails with `precondition_failed` if the stream holds a later event, or gains one between reading and
   * appending. Such a conflict is not retried: re-deciding would answer a question the caller did not ask.
   */
  unchangedSince?: Position;
}

/** What one command would append to its stream, decided against the stream as read (or assumed new). */
export interface PlannedAppend<E> {
  stream: string;
  expectedRevision: ExpectedRevision;
  /** Revision of the stream's last event before the append, or null when it does not exist. */
  revision: number | null;
  /** Global position of the stream's last event before the append, or null when it does not exist. */
  lastPosition: Position | null;
  events: E[];
  toAppend: EventToAppend[];
  metadata: EventMetadata[];
}

export type PlanResult<E> = { ok: true; plan: PlannedAppend<E> } | { ok: false; error: DecisionError };

export async function planCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  request: HandleCommandRequest<C, E, S>,
  assumeNewStream: boolean,
): Promise<PlanResult<E>> {
  const { stream, decider, command, context } = request;
  const snapshot: StreamSnapshot<S> = assumeNewStream
    ? { state: decider.initialState, revision: null, lastHash: null, lastPosition: null }
    : await loadStream(store, stream, decider);
  const decision = decider.decide(command, snapshot.state);
  if (!decision.ok) return { ok: false, error: decision.error };
  const chained = chainEvents(stream, decision.events, context, snapshot.lastHash);
  return {
    ok: true,
    plan: {
      stream,
      expectedRevision: snapshot.revision ?? 'no_stream',
      revision: snapshot.revision,
      lastPosition: snapshot.lastPosition,
      events: decision.events,
      toAppend: chained.map((event) => event.toAppend),
      metadata: chained.map((event) => event.metadata),
    },
  };
}

export function appendedEvents<E>(plan: PlannedAppend<E>): AppendedEvent<E>[] {
  return plan.events.map((event, index) => ({ id: plan.toAppend[index]!.id, event, metadata: plan.metadata[index]! }));
}

export async function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  request: HandleCommandRequest<C, E, S>,
  options: HandleCommandOptions = {},
): Promise<CommandResult<E>> {
  const { stream } = request;
  const { unchangedSince } = options;
  const maxAttempts = unchangedSince === undefined ? (options.maxAttempts ?? 5) : 1;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const planned = await planCommand(store, request, attempt === 1 && options.assumeNewStream === true && unchangedSince === undefined);
    if (!planned.ok) return planned;
    const { plan } = planned;
    if (unchangedSince !== undefined && plan.lastPosition !== null && plan.lastPosition > unchangedSince) {
      return { ok: false, error: changedSince(stream, unchangedSince, plan.lastPosition) };
    }
    if (plan.events.length === 0) return { ok: true, stream, events: [], revision: plan.revision };
    try {
      const result = await store.appendToStream(stream, plan.toAppend, { expectedRevision: plan.expectedRevision });
      return { ok: true, stream, events: appendedEvents(plan), revision: result.nextExpectedRevision };
    } catch (error) {
      if (error instanceof WrongExpectedVersion && unchangedSince !== undefined) {
        return { ok: false, error: changedSince(stream, unchangedSince, null) };
      }
      if (error instanceof WrongExpectedVersion) continue;
      if (error instanceof DuplicateEventId) return { ok: false, error: duplicateEvent(stream, error) };
      throw error;
    }
  }
  return { ok: false, error: writeConflict(stream, maxAttempts) };
}

export function duplicateEvent(stream: string, error: DuplicateEventId): CommandError {
  return { code: 'duplicate_event', stream, message: `${error.message}: the request repeats an earlier one that the stream has moved past` };
}

function changedSince(stream: string, since: Position, lastPosition: Position | null): CommandError {
  const when = lastPosition === null ? 'while the command was being decided' : `at ${lastPosition}`;
  return { code: 'precondition_failed', stream, message: `stream ${stream} changed after ${since} (${when})` };
}

export function writeConflict(stream: string, attempts: number): CommandError {
  return { code: 'write_conflict', stream, attempts, message: `stream ${stream} kept changing under ${attempts} attempts; try again` };
}
