/**
 * A catch-up subscription over any log that can be read in pages after a position. It reads the next page only
 * when the consumer has taken the previous one, so a slow consumer holds at most one page in memory and never
 * loses events; when the log is exhausted it waits for the store's wake-up, then reads again (catch-up and
 * live are the same loop, so the switch between them cannot skip or repeat an event).
 */
import type { RecordedEvent, Subscription } from './event-store.ts';
import type { Position } from './position.ts';

export interface PagedLog {
  /** Events strictly after `after` (the beginning when undefined), at most `maxCount`, in global order. */
  readPage(after: Position | undefined, maxCount: number): Promise<readonly RecordedEvent[]>;
  /** A token that changes whenever the log may have grown; read it before `readPage`. */
  changeToken(): number;
  /** Resolves when the token moved past `seen`, when it is worth polling again, or when `signal` aborts. */
  waitForChange(seen: number, signal: AbortSignal): Promise<void>;
}

export const SUBSCRIPTION_PAGE_SIZE = 500;

export function pagedSubscription(
  log: PagedLog,
  after: Position | undefined,
  onClose: (subscription: Subscription) => void,
  pageSize = SUBSCRIPTION_PAGE_SIZE,
): Subscription {
  const abort = new AbortController();
  let position = after;
  let page: readonly RecordedEvent[] = [];
  let index = 0;
  let closed = false;

  const done = (): IteratorResult<RecordedEvent> => ({ done: true, value: undefined });

  const next = async (): Promise<IteratorResult<RecordedEvent>> => {
    while (!closed) {
      const event = page[index];
      if (event !== undefined) {
        index += 1;
        position = event.position;
        return { done: false, value: event };
      }
      const token = log.changeToken();
      try {
        page = await log.readPage(position, pageSize);
      } catch (error) {
        // A failed read ends the subscription (the consumer sees the error once); it resumes from its position.
        await subscription.close();
        throw error;
      }
      index = 0;
      if (page.length === 0) await log.waitForChange(token, abort.signal);
    }
    return done();
  };

  const subscription: Subscription = {
    async close() {
      if (closed) return;
      closed = true;
      page = [];
      abort.abort();
      onClose(subscription);
    },
    [Symbol.asyncIterator]() {
      return {
        next,
        return: async () => {
          await subscription.close();
          return done();
        },
      };
    },
  };
  return subscription;
}
