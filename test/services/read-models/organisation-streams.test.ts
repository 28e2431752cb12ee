import t from 'tap';
import { streamNames } from '../../../domain/ids.ts';
import { createBatchApplier } from '../../../services/projector/batch-applier.ts';
import { catchUp } from '../../../services/projector/catch-up.ts';
import { ORGANISATION_STREAM_QUERIES, organisationStreams } from '../../../services/read-models/organisation-streams.ts';
import { openReadModelDb } from '../../../services/read-models/schema.ts';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import { ingestSamples } from '../projector/real-log.ts';

t.test('given the sample log, then an organisation\'s streams are exactly the streams whose events name it', async (t) => {
  const store = createMemoryStore();
  await ingestSamples(store);
  const db = openReadModelDb(':memory:');
  await catchUp(store, createBatchApplier(db));
  const organisation = '国务院';
  const expected = new Set<string>();
  for await (const event of store.readAll()) {
    const data = event.data as { organisation?: string | { name: string }; commitmentId?: string };
    const named = typeof data.organisation === 'string' ? data.organisation : data.organisation?.name;
    if (named === organisation) expected.add(event.stream);
    if (named === undefined && data.commitmentId !== undefined && expected.has(streamNames.commitment(data.commitmentId))) expected.add(event.stream);
  }
  t.same(new Set(organisationStreams(db, organisation)), expected);
  t.ok(expected.size > 100, `${expected.size} streams`);
});

t.test('each query behind it is answered from an index, not a scan of the table', async (t) => {
  const db = openReadModelDb(':memory:');
  for (const [name, sql] of Object.entries(ORGANISATION_STREAM_QUERIES)) {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as Array<{ detail: string }>).map((row) => row.detail).join('; ');
    t.match(plan, /^SEARCH \w+ USING (COVERING )?INDEX \w+ \(organisation=\?\)/, `${name}: ${plan}`);
    t.notMatch(plan, /\bSCAN\b/, `${name} does not scan the table or an index`);
  }
});
