/**
 * Decides several commands on distinct streams and appends all their events in one transaction of a store that
 * offers `appendToStreams`. Like the single-stream handler it retries on WrongExpectedVersion, re-reading every
 * stream, and reports a persistent conflict as a value.
 */
import type { DomainEvent } from '../../domain/events/catalog.ts';
import { DuplicateEventId, WrongExpectedVersion } from '../store/errors.ts';
import type { AppendResult, EventStore, StreamAppend } from '../store/event-store.ts';
import {
  appendedEvents,
  duplicateEvent,
  writeConflict,
  type AppendedEvent,
  type CommandError,
  type PlanResult,
} from './command-handler.ts';

export type MultiStreamStore = EventStore & { appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> };

export function canAppendAtomically(store: EventStore): store is MultiStreamStore {
  return typeof store.appendToStreams === 'function';
}

/** One command of a batch: plans its append, reading its stream unless told to assume the stream is new. */
export type BatchItem<E> = (assumeNewStream: boolean) => Promise<PlanResult<E>>;

export type BatchResult<E> = { ok: true; events: AppendedEvent<E>[][] } | { ok: false; error: CommandError };

export async function handleCommandsAtomically<E extends DomainEvent>(
  store: MultiStreamStore,
  items: readonly BatchItem<E>[],
  options: { maxAttempts?: number; assumeNewStreams?: boolean } = {},
): Promise<BatchResult<E>> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const plans = [];
    for (const item of items) {
      const planned = await item(attempt === 1 && options.assumeNewStreams === true);
      if (!planned.ok) return planned;
      plans.push(planned.plan);
    }
    const streams = new Set(plans.map((plan) => plan.stream));
    // Two commands on one stream would both be decided against the same read: the batch cannot express that.
    if (streams.size !== plans.length) throw new RangeError('a batch decides each stream at most once');
    const writing = plans.filter((plan) => plan.events.length > 0);
    try {
      if (writing.length > 0) {
        await store.appendToStreams(writing.map((plan) => ({ stream: plan.stream, events: plan.toAppend, expectedRevision: plan.expectedRevision })));
      }
      return { ok: true, events: plans.map(appendedEvents) };
    } catch (error) {
      if (error instanceof WrongExpectedVersion) continue;
      if (error instanceof DuplicateEventId) return { ok: false, error: duplicateEvent(error.stream, error) };
      throw error;
    }
  }
  return { ok: false, error: writeConflict('(batch)', maxAttempts) };
}
