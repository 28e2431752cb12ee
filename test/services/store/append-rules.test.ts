/** Given/when/then specs of the append rules every store shares (expected revisions, retries, reused ids). */
import t from 'tap';
import { expectationHolds, planAppend } from '../../../services/store/append-rules.ts';
import type { ExistingEvent } from '../../../services/store/append-rules.ts';
import { DuplicateEventId, WrongExpectedVersion } from '../../../services/store/errors.ts';
import type { EventToAppend, ExpectedRevision } from '../../../services/store/event-store.ts';
import { someEvents } from './store-fixtures.ts';

/** A stream holding `ids` at revisions 0.., with the bodies of `events` unless told otherwise. */
function streamHolding(ids: readonly string[], changedBodies: ReadonlySet<string> = new Set()): (event: EventToAppend) => ExistingEvent | undefined {
  return (event) => {
    const revision = ids.indexOf(event.id);
    return revision === -1 ? undefined : { revision, sameBody: !changedBodies.has(event.id) };
  };
}

t.test('expectations against a stream at revision 2 and against no stream', async (t) => {
  const cases: [ExpectedRevision, number, boolean][] = [
    ['any', -1, true], ['any', 2, true],
    ['no_stream', -1, true], ['no_stream', 2, false],
    ['stream_exists', -1, false], ['stream_exists', 2, true],
    [2, 2, true], [1, 2, false], [0, -1, false],
  ];
  for (const [expected, current, holds] of cases) t.equal(expectationHolds(expected, current), holds, `${String(expected)} at ${current}`);
});

t.test('given new ids, when the expectation holds, then the events are appended', async (t) => {
  t.same(planAppend('s-1', someEvents(2), 1, 1, streamHolding([])), { kind: 'append' });
});

t.test('given new ids, when the expectation fails, then WrongExpectedVersion carries both revisions', async (t) => {
  t.throws(() => planAppend('s-1', someEvents(1), 0, 3, streamHolding([])), new WrongExpectedVersion('s-1', 0, 3));
  t.throws(() => planAppend('s-1', someEvents(1), 'stream_exists', -1, streamHolding([])), new WrongExpectedVersion('s-1', 'stream_exists', 'no_stream'));
});

t.test('given the batch already sits where the expectation points, then the append is a retry', async (t) => {
  const events = someEvents(5);
  const ids = events.map((event) => event.id);
  t.same(planAppend('s-1', events.slice(0, 2), 'no_stream', 4, streamHolding(ids)), { kind: 'retry', lastRevision: 1 });
  t.same(planAppend('s-1', events.slice(2, 4), 1, 4, streamHolding(ids)), { kind: 'retry', lastRevision: 3 });
  t.same(planAppend('s-1', events.slice(3), 'any', 4, streamHolding(ids)), { kind: 'retry', lastRevision: 4 });
  t.same(planAppend('s-1', events.slice(3), 'stream_exists', 4, streamHolding(ids)), { kind: 'retry', lastRevision: 4 });
});

t.test('given reused ids that are not a clean retry, then DuplicateEventId', async (t) => {
  const events = someEvents(3);
  const [a, b, c] = events as [EventToAppend, EventToAppend, EventToAppend];
  const ids = [a.id, b.id];
  t.throws(() => planAppend('s-1', [a], 1, 1, streamHolding(ids)), DuplicateEventId, 'same id, other place');
  t.throws(() => planAppend('s-1', [b, c], 0, 1, streamHolding(ids)), DuplicateEventId, 'partly new batch');
  t.throws(() => planAppend('s-1', [b, a], 'any', 1, streamHolding(ids)), DuplicateEventId, 'out of order');
  t.throws(() => planAppend('s-1', [a], 'no_stream', 1, streamHolding(ids, new Set([a.id]))), DuplicateEventId, 'changed body');
});
