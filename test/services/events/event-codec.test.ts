import t from 'tap';
import { carriedOverKeyFor } from '../../../domain/ids.ts';
import type { CommitmentRecordedV1 } from '../../../domain/events/commitment-events.ts';
import { decodeRecordedEvent, encodeEvent, UndecodableEvent } from '../../../services/events/event-codec.ts';
import { chainEvents } from '../../../services/events/chained-events.ts';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import type { EventMetadata } from '../../../domain/events/metadata.ts';
import type { RecordedEvent } from '../../../services/store/event-store.ts';
import { positionOf } from '../../../services/store/position.ts';
import { collect } from './collect.ts';

const metadata: EventMetadata = {
  actor: { kind: 'reader', id: 'plan-ledger-reader', version: '1' },
  correlationId: 'ingest-1',
  causationId: null,
  source: { sha256: 'b'.repeat(64), span: [10, 40] },
  occurredAt: '2026-01-01T00:00:00.000Z',
  previousHash: null,
  hash: 'c'.repeat(64),
};

const v1Data: CommitmentRecordedV1 = {
  commitmentId: 'c1',
  reportId: 'b'.repeat(64),
  organisation: '广州市海珠区民政局',
  planYear: 2018,
  area: null,
  marker: '1、',
  text: '新建社区居家养老服务站5个',
  normalisedText: '新建社区居家养老服务站5个',
  span: [10, 40],
  targets: [],
};

function recorded(overrides: Partial<RecordedEvent>): RecordedEvent {
  return {
    id: '00000000-0000-5000-8000-000000000001',
    type: 'CommitmentRecorded',
    schemaVersion: 1,
    data: { ...v1Data },
    metadata: { ...metadata },
    stream: 'commitment-c1',
    revision: 0,
    position: positionOf(1n),
    recordedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

t.test('a stored v1 CommitmentRecorded is read as v2, its carriedOverKey derived by the upcaster', async (t) => {
  // Append the v1 record exactly as an older release wrote it, then read it back through the store.
  const store = createMemoryStore();
  const { id, type, schemaVersion, data, metadata: storedMetadata } = recorded({});
  await store.appendToStream('commitment-c1', [{ id, type, schemaVersion, data, metadata: storedMetadata }], { expectedRevision: 'no_stream' });
  const [stored] = await collect(store.readStream('commitment-c1'));
  t.equal(stored?.schemaVersion, 1, 'the log keeps the v1 record unchanged');
  const decoded = decodeRecordedEvent(stored!);
  t.equal(decoded.event.type, 'CommitmentRecorded');
  if (decoded.event.type !== 'CommitmentRecorded') return;
  t.equal(decoded.event.data.carriedOverKey, carriedOverKeyFor({ organisation: v1Data.organisation, normalisedText: v1Data.normalisedText }));
  t.equal(decoded.event.data.text, v1Data.text);
  t.same(decoded.metadata, metadata);
});

t.test('new events are written at the current version and decode to what was encoded', async (t) => {
  const event = { type: 'CommitmentWithdrawn', data: { commitmentId: 'c1', reason: 'dropped' } } as const;
  const toAppend = encodeEvent('00000000-0000-5000-8000-000000000002', event, metadata);
  t.equal(toAppend.schemaVersion, 1);
  const v2 = encodeEvent('00000000-0000-5000-8000-000000000003', { type: 'CommitmentRecorded', data: { ...v1Data, carriedOverKey: 'k' } }, metadata);
  t.equal(v2.schemaVersion, 2);
  const decoded = decodeRecordedEvent(recorded({ ...toAppend, type: toAppend.type, schemaVersion: 1 }));
  t.same(decoded.event, event);
});

t.test('records that are not valid events are refused with a reason', async (t) => {
  const reasonOf = (record: RecordedEvent): string => {
    try {
      decodeRecordedEvent(record);
      return 'decoded';
    } catch (error) {
      return error instanceof UndecodableEvent ? error.reason : 'other error';
    }
  };
  t.equal(reasonOf(recorded({ type: 'SomethingElse' })), 'unknown_type');
  t.equal(reasonOf(recorded({ schemaVersion: 3 })), 'unknown_version');
  t.equal(reasonOf(recorded({ schemaVersion: 0 })), 'unknown_version');
  t.equal(reasonOf(recorded({ data: { ...v1Data, planYear: 'next year' } })), 'invalid_data');
  t.equal(reasonOf(recorded({ schemaVersion: 2, data: { ...v1Data } })), 'invalid_data', 'a v2 record must carry carriedOverKey');
  t.equal(reasonOf(recorded({ metadata: { ...metadata, actor: { kind: 'robot' } } })), 'invalid_metadata');
});

t.test('chained events link to the previous hash and carry deterministic ids', async (t) => {
  const context = { actor: metadata.actor, correlationId: 'req-1', causationId: null, occurredAt: metadata.occurredAt, source: null };
  const events = [
    { type: 'CommitmentAssessed', data: { commitmentId: 'c1', status: 'achieved', rationale: 'done' } },
    { type: 'CommitmentWithdrawn', data: { commitmentId: 'c1', reason: 'dropped' } },
  ] as const;
  const first = chainEvents('commitment-c1', events, context, 'd'.repeat(64));
  t.equal(first[0]?.metadata.previousHash, 'd'.repeat(64));
  t.equal(first[1]?.metadata.previousHash, first[0]?.metadata.hash);
  t.not(first[0]?.metadata.hash, first[1]?.metadata.hash);
  const again = chainEvents('commitment-c1', events, { ...context, occurredAt: '2027-01-01T00:00:00.000Z' }, 'd'.repeat(64));
  t.same(again.map((event) => event.toAppend.id), first.map((event) => event.toAppend.id), 'ids do not depend on time');
  const otherRequest = chainEvents('commitment-c1', events, { ...context, correlationId: 'req-2' }, 'd'.repeat(64));
  t.not(otherRequest[0]?.toAppend.id, first[0]?.toAppend.id, 'another request gets other ids');
  t.match(first[0]?.toAppend.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
