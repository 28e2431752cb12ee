import t from 'tap';
import { currentEventSchemas } from '../../../domain/events/catalog.ts';
import { upcastToCurrent } from '../../../domain/events/upcasters.ts';
import { carriedOverKeyFor } from '../../../domain/ids.ts';

const v1 = {
  commitmentId: 'c1',
  reportId: 'r1',
  organisation: '国务院',
  planYear: 2024,
  area: null,
  marker: null,
  text: '城镇新增就业1200万人以上',
  normalisedText: '城镇新增就业1200万人以上',
  span: [0, 14],
  targets: [],
};

t.test('given a v1 CommitmentRecorded, when upcast, then v2 with the carried-over key derived', async (t) => {
  t.equal(currentEventSchemas.CommitmentRecorded.version, 2);
  const lifted = upcastToCurrent('CommitmentRecorded', 1, v1);
  t.ok(lifted.ok);
  const v2 = currentEventSchemas.CommitmentRecorded.schema.parse(lifted.ok ? lifted.data : null);
  t.equal(v2.carriedOverKey, carriedOverKeyFor({ organisation: '国务院', normalisedText: v1.normalisedText }));
  t.same({ ...v2, carriedOverKey: undefined }, { ...v1, carriedOverKey: undefined }, 'every v1 field is kept');
});

t.test('current versions pass through; unknown or malformed versions are refused with a reason', async (t) => {
  t.same(upcastToCurrent('CommitmentWithdrawn', 1, { commitmentId: 'c', reason: 'r' }), { ok: true, data: { commitmentId: 'c', reason: 'r' } });
  t.match(upcastToCurrent('CommitmentRecorded', 3, v1), { ok: false, reason: /no schema version 3/ });
  t.match(upcastToCurrent('CommitmentRecorded', 1, { ...v1, organisation: 7 }), { ok: false, reason: /v1 does not upcast/ });
});
