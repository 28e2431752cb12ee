/**
 * The one contract every event store passes: run by memory-store.test.ts, sqlite-store.test.ts and
 * eventstoredb-store.test.ts. Tests name their streams uniquely and read $all only after the head they found,
 * so the suite also runs against a shared server that already holds events.
 */
import type { TAP } from 'tap';
import { DuplicateEventId, StoreClosed, WrongExpectedVersion } from '../../../services/store/errors.ts';
import type { EventStore, EventToAppend, RecordedEvent } from '../../../services/store/event-store.ts';
import { comparePositions, parsePosition } from '../../../services/store/position.ts';
import type { Position } from '../../../services/store/position.ts';
import { anEvent, collect, someEvents, steppingClock, uniqueName } from './store-fixtures.ts';

export interface StoreCapabilities {
  /** recordedAt comes from the injected clock (not from a server). */
  stampsWithInjectedClock: boolean;
  /** An id reused at another place in the stream, or with another body, is refused (EventStoreDB only checks retries). */
  refusesReusedEventIds: boolean;
}

export type OpenStore = (options: { clock?: () => Date }) => Promise<EventStore>;

export function eventStoreContract(t: TAP, open: OpenStore, capabilities: StoreCapabilities): void {
  const withStore = async (test: { teardown: (fn: () => Promise<void>) => void }, clock?: () => Date): Promise<EventStore> => {
    const store = await open(clock === undefined ? {} : { clock });
    test.teardown(() => store.close());
    return store;
  };
  const afterHead = async (store: EventStore): Promise<{ after?: Position }> => {
    const head = await store.headPosition();
    return head === null ? {} : { after: head };
  };
  const idsOf = (events: readonly { id: string }[]): string[] => events.map((event) => event.id);

  t.test('given a new stream, when events are appended, then each is recorded with every field', async (t) => {
    const { clock, readings } = steppingClock();
    const store = await withStore(t, clock);
    const stream = uniqueName('report-');
    const events: EventToAppend[] = [
      anEvent('ReportIngested', { title: '2021年工作总结', amount: 904.1082, nested: { list: [1, '二是', null] } }, 2),
      anEvent('CommitmentRecorded'),
    ];
    const result = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
    t.equal(result.nextExpectedRevision, 1, 'next expected revision is the last event revision');
    t.ok(parsePosition(result.position), 'the position is a well-formed opaque position');

    const read = await collect(store.readStream(stream));
    t.same(idsOf(read), idsOf(events));
    const [first, second] = read;
    t.match(first, {
      id: events[0]?.id,
      type: 'ReportIngested',
      schemaVersion: 2,
      stream,
      revision: 0,
      data: { title: '2021年工作总结', amount: 904.1082, nested: { list: [1, '二是', null] } },
      metadata: { actor: 'test' },
    });
    t.same(first?.metadata, { actor: 'test' }, 'metadata comes back exactly, with no store bookkeeping in it');
    t.equal(second?.revision, 1);
    t.equal(second?.position, result.position, 'the append result points at the last event');
    t.ok(first !== undefined && second !== undefined && comparePositions(first.position, second.position) < 0, 'positions grow');
    t.ok(first !== undefined && !Number.isNaN(Date.parse(first.recordedAt)), 'recordedAt is an ISO time');
    if (capabilities.stampsWithInjectedClock) {
      t.equal(first?.recordedAt, readings[0], 'recordedAt comes from the injected clock');
      t.equal(second?.recordedAt, readings[0], 'one append, one recorded time');
    }
  });

  t.test('read events are fresh copies: changing one does not change the log', async (t) => {
    const store = await withStore(t);
    const stream = uniqueName('report-');
    await store.appendToStream(stream, [anEvent('ReportIngested', { value: 1 })], { expectedRevision: 'any' });
    const [first] = await collect(store.readStream(stream));
    if (first !== undefined) first.data['value'] = 2;
    const [again] = await collect(store.readStream(stream));
    t.equal(again?.data['value'], 1);
  });

  t.test('expected revisions are enforced and a mismatch carries both sides', async (t) => {
    const store = await withStore(t);
    const stream = uniqueName('plan-');
    const missing = uniqueName('plan-');
    await store.appendToStream(stream, someEvents(2), { expectedRevision: 'no_stream' });

    const cases = [
      { target: stream, expected: 'no_stream' as const, actual: 1 },
      { target: stream, expected: 0, actual: 1 },
      { target: stream, expected: 5, actual: 1 },
      { target: missing, expected: 'stream_exists' as const, actual: 'no_stream' as const },
      { target: missing, expected: 0, actual: 'no_stream' as const },
    ];
    for (const { target, expected, actual } of cases) {
      const error = await store.appendToStream(target, someEvents(1), { expectedRevision: expected }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      t.ok(error instanceof WrongExpectedVersion, `expected ${String(expected)} on ${target === stream ? 'a stream at 1' : 'no stream'} is refused`);
      t.match(error, { stream: target, expected, actual });
    }
    t.equal((await collect(store.readStream(stream))).length, 2, 'refused appends wrote nothing');
    t.same(await collect(store.readStream(missing)), [], 'refused appends did not create the stream');

    t.equal((await store.appendToStream(stream, someEvents(1), { expectedRevision: 1 })).nextExpectedRevision, 2, 'exact revision');
    t.equal((await store.appendToStream(stream, someEvents(1), { expectedRevision: 'stream_exists' })).nextExpectedRevision, 3);
    t.equal((await store.appendToStream(stream, someEvents(2), { expectedRevision: 'any' })).nextExpectedRevision, 5);
    t.equal((await store.appendToStream(missing, someEvents(1), { expectedRevision: 'any' })).nextExpectedRevision, 0, 'any creates');
  });

  t.test('a retried append (same ids at the same place) is a no-op that answers like the original', async (t) => {
    const store = await withStore(t);
    const stream = uniqueName('commitment-');
    const batch = someEvents(3);
    const original = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
    const retried = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
    t.same(retried, original, 'no_stream retry');

    const next = someEvents(2);
    const second = await store.appendToStream(stream, next, { expectedRevision: 2 });
    await store.appendToStream(stream, someEvents(1), { expectedRevision: 4 });
    t.same(await store.appendToStream(stream, next, { expectedRevision: 2 }), second, 'exact-revision retry after the stream moved on');
    t.same(await store.appendToStream(stream, next, { expectedRevision: 'any' }), second, 'any retry');

    const read = await collect(store.readStream(stream));
    t.equal(read.length, 6, 'nothing was duplicated');
    t.equal(new Set(idsOf(read)).size, 6);
  });

  if (capabilities.refusesReusedEventIds) {
    t.test('an id reused at another place or with another body is refused, not retried', async (t) => {
      const store = await withStore(t);
      const stream = uniqueName('commitment-');
      const [a, b] = someEvents(2);
      if (a === undefined || b === undefined) throw new Error('fixture');
      await store.appendToStream(stream, [a, b], { expectedRevision: 'no_stream' });
      await t.rejects(store.appendToStream(stream, [a], { expectedRevision: 1 }), DuplicateEventId, 'same id at a new revision');
      await t.rejects(store.appendToStream(stream, [b, anEvent()], { expectedRevision: 0 }), DuplicateEventId, 'partial overlap');
      await t.rejects(store.appendToStream(stream, [{ ...a, data: { changed: true } }], { expectedRevision: 'no_stream' }), DuplicateEventId, 'changed body');
      const c = anEvent();
      await t.rejects(store.appendToStream(stream, [c, c], { expectedRevision: 1 }), DuplicateEventId, 'an id twice in one batch');
      t.same(idsOf(await collect(store.readStream(stream))), [a.id, b.id], 'the stream is unchanged');
    });
  }

  t.test('appends a cluster could not store are refused up front, and write nothing', async (t) => {
    const store = await withStore(t);
    const stream = uniqueName('report-');
    const valid = anEvent();
    const refused: [string, string, EventToAppend[]][] = [
      ['an empty batch', stream, []],
      ['an id that is not a UUID', stream, [{ ...valid, id: 'report-1' }]],
      ['an upper-case UUID', stream, [{ ...valid, id: valid.id.toUpperCase() }]],
      ['a reserved $ type', stream, [{ ...valid, type: '$metadata' }]],
      ['schema version 0', stream, [{ ...valid, schemaVersion: 0 }]],
      ['a reserved $ stream', `$${stream}`, [valid]],
      ['an empty stream name', '', [valid]],
    ];
    for (const [what, target, events] of refused) {
      await t.rejects(store.appendToStream(target, events, { expectedRevision: 'any' }), RangeError, what);
    }
    t.same(await collect(store.readStream(stream)), [], 'nothing was written');
  });

  t.test('a multi-stream append (where offered) is all or none, with each expectation checked', async (t) => {
    const store = await withStore(t);
    const appendToStreams = store.appendToStreams?.bind(store);
    if (appendToStreams === undefined) {
      t.comment('this store offers no multi-stream append (EventStoreDB has no multi-stream transaction)');
      t.pass('callers fall back to one append per stream');
      return;
    }
    const [report, commitment] = [uniqueName('report-'), uniqueName('commitment-')];
    await store.appendToStream(commitment, someEvents(1), { expectedRevision: 'no_stream' });
    const start = await afterHead(store);
    const refusedBatch = [
      { stream: report, events: someEvents(2), expectedRevision: 'no_stream' as const },
      { stream: commitment, events: someEvents(1), expectedRevision: 'no_stream' as const },
    ];
    await t.rejects(appendToStreams(refusedBatch), WrongExpectedVersion, 'the second part is refused');
    t.same(await collect(store.readStream(report)), [], 'so the first part was not written either');
    t.same(await collect(store.readAll(start)), [], 'and the log did not move');

    const batch = [
      { stream: report, events: someEvents(2), expectedRevision: 'no_stream' as const },
      { stream: commitment, events: someEvents(1), expectedRevision: 0 },
      { stream: report, events: someEvents(1), expectedRevision: 1 },
    ];
    const results = await appendToStreams(batch);
    t.same(results.map((result) => result.nextExpectedRevision), [1, 1, 2], 'results in the order given');
    t.same(idsOf(await collect(store.readAll(start))), batch.flatMap((part) => idsOf(part.events)), 'one contiguous run in the log');
    t.same(await appendToStreams(batch.slice(0, 2)), results.slice(0, 2), 'a retried batch is a no-op');
    t.equal((await collect(store.readAll(start))).length, 4, 'nothing duplicated');
  });

  t.test('a stream reads forwards and backwards from a revision, with a limit', async (t) => {
    const store = await withStore(t);
    const stream = uniqueName('organisation-');
    const events = someEvents(7);
    await store.appendToStream(stream, events.slice(0, 4), { expectedRevision: 'no_stream' });
    await store.appendToStream(stream, events.slice(4), { expectedRevision: 3 });
    const revisions = async (options: Parameters<EventStore['readStream']>[1]): Promise<number[]> =>
      (await collect(store.readStream(stream, options))).map((event) => event.revision);
    t.same(await revisions({}), [0, 1, 2, 3, 4, 5, 6]);
    t.same(await revisions({ fromRevision: 5 }), [5, 6]);
    t.same(await revisions({ fromRevision: 2, maxCount: 3 }), [2, 3, 4]);
    t.same(await revisions({ direction: 'backwards' }), [6, 5, 4, 3, 2, 1, 0]);
    t.same(await revisions({ direction: 'backwards', fromRevision: 3, maxCount: 2 }), [3, 2]);
    t.same(await revisions({ fromRevision: 9 }), []);
    t.same(await collect(store.readStream(uniqueName('organisation-'))), [], 'a missing stream reads as empty');
  });

  t.test('$all holds every append in one global order, readable after any position', async (t) => {
    const store = await withStore(t);
    const start = await afterHead(store);
    const [x, y] = [uniqueName('report-'), uniqueName('commitment-')];
    const written: string[] = [];
    let last: Position | undefined;
    for (const [stream, count] of [[x, 2], [y, 3], [x, 1], [y, 1]] as const) {
      const events = someEvents(count);
      written.push(...idsOf(events));
      last = (await store.appendToStream(stream, events, { expectedRevision: 'any' })).position;
    }
    const all = await collect(store.readAll(start));
    t.same(idsOf(all), written, 'the log order is the append order');
    t.ok(all.every((event, index) => index === 0 || comparePositions(all[index - 1]!.position, event.position) < 0), 'positions increase');
    t.equal(await store.headPosition(), last, 'the head is the last append');
    const third = all[2];
    t.same(idsOf(await collect(store.readAll({ after: third!.position }))), written.slice(3), 'after is exclusive');
    t.same(idsOf(await collect(store.readAll({ ...start, maxCount: 2 }))), written.slice(0, 2), 'maxCount');
    t.same(await collect(store.readAll({ after: last! })), [], 'nothing after the head');
  });

  t.test('a category read returns the streams <category>-<id> in global order, and only those', async (t) => {
    const store = await withStore(t);
    const category = uniqueName('cat');
    const expected: string[] = [];
    for (const [stream, inCategory] of [
      [`${category}-1`, true],
      [`${category}x-1`, false],
      [category, false],
      [`${category}-2`, true],
      [`other-${category}`, false],
      [`${category}-1`, true],
    ] as const) {
      const events = someEvents(2);
      if (inCategory) expected.push(...idsOf(events));
      await store.appendToStream(stream, events, { expectedRevision: 'any' });
    }
    const read = await collect(store.readCategory(category));
    t.same(idsOf(read), expected);
    t.same(idsOf(await collect(store.readCategory(category, { after: read[1]!.position, maxCount: 3 }))), expected.slice(2, 5));
    t.same(await collect(store.readCategory(uniqueName('none'))), [], 'an unknown category is empty');
  });

  t.test('two writers with the same expected revision: exactly one wins, nothing lost or duplicated', async (t) => {
    const store = await withStore(t);
    const stream = uniqueName('assessment-');
    let current = (await store.appendToStream(stream, someEvents(1), { expectedRevision: 'no_stream' })).nextExpectedRevision;
    const expectedIds = [...idsOf(await collect(store.readStream(stream)))];
    for (let round = 0; round < 10; round += 1) {
      const batches = [someEvents(2), someEvents(3)];
      const outcomes = await Promise.allSettled(batches.map((batch) => store.appendToStream(stream, batch, { expectedRevision: current })));
      const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [{ result: outcome.value, batch: batches[index]! }] : []));
      const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      t.equal(winners.length, 1, `round ${round}: exactly one winner`);
      const winner = winners[0]!;
      t.ok(losers[0] instanceof WrongExpectedVersion, `round ${round}: the loser gets WrongExpectedVersion`);
      t.match(losers[0], { expected: current, actual: winner.result.nextExpectedRevision }, `round ${round}: with both revisions`);
      const appended = await collect(store.readStream(stream, { fromRevision: current + 1 }));
      t.same(idsOf(appended), idsOf(winner.batch), `round ${round}: the winner's events, once`);
      expectedIds.push(...idsOf(winner.batch));
      current = winner.result.nextExpectedRevision;
    }
    const all = await collect(store.readStream(stream));
    t.same(idsOf(all), expectedIds, 'the stream holds exactly the winners, in order');
    t.same(all.map((event) => event.revision), all.map((_, index) => index), 'revisions have no gaps');
  });

  t.test('a subscription from the beginning catches up, goes live, and sees every event once, in order', async (t) => {
    const store = await withStore(t);
    const start = await afterHead(store);
    const stream = uniqueName('report-');
    const written: string[] = [];
    const appendBatch = async (size: number): Promise<void> => {
      const events = someEvents(size);
      await store.appendToStream(stream, events, { expectedRevision: 'any' });
      written.push(...idsOf(events));
    };
    for (let index = 0; index < 60; index += 1) await appendBatch(1 + (index % 7));
    const subscription = store.subscribeToAll(start);
    let writing = true;
    const writer = (async () => {
      for (let index = 0; index < 80; index += 1) {
        await appendBatch(1 + (index % 5));
        if (index % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      writing = false;
    })();
    const received: RecordedEvent[] = [];
    let slow = 0;
    for await (const event of subscription) {
      received.push(event);
      // A slow consumer: now and then it stops to think, while the writer keeps appending.
      if ((slow += 1) % 97 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      if (!writing && received.length >= written.length) break;
    }
    await writer;
    t.same(idsOf(received), written, 'every event once, in append order');
    t.ok(received.length > 300, 'the run spanned catch-up and live appends');
  });

  t.test('a subscription after a position starts strictly after it, and close() ends it cleanly', async (t) => {
    const store = await withStore(t);
    const stream = uniqueName('report-');
    const events = someEvents(5);
    await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
    const [, second] = await collect(store.readStream(stream));
    const subscription = store.subscribeToAll({ after: second!.position });
    const received: string[] = [];
    const consumer = (async () => {
      for await (const event of subscription) received.push(event.id);
      return 'ended';
    })();
    const extra = anEvent();
    await store.appendToStream(stream, [extra], { expectedRevision: 4 });
    while (received.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.close();
    t.equal(await consumer, 'ended', 'the for-await loop ends after close()');
    t.same(received, [...idsOf(events.slice(2)), extra.id]);
  });

  t.test('closing the store ends its subscriptions and refuses further use', async (t) => {
    const store = await open({});
    await store.ping();
    const subscription = store.subscribeToAll(await afterHead(store));
    const consumer = (async () => {
      const received: string[] = [];
      for await (const event of subscription) received.push(event.id);
      return received;
    })();
    await store.appendToStream(uniqueName('report-'), someEvents(2), { expectedRevision: 'no_stream' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.close();
    t.equal((await consumer).length, 2, 'the live subscription saw the appends, then ended');
    await t.rejects(store.appendToStream(uniqueName('report-'), someEvents(1), { expectedRevision: 'any' }), StoreClosed);
    await t.rejects(store.ping(), StoreClosed);
  });
}
