import t from 'tap';
import { pino } from 'pino';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import { openReadModelDb } from '../../../services/read-models/schema.ts';
import { startProjector } from '../../../services/projector/start-projector.ts';
import { rebuildReadModels } from '../../../services/projector/rebuild.ts';
import { canonicalDump } from '../../../services/read-models/canonical-dump.ts';
import { addReviewerDecisions, ingestSamples } from './real-log.ts';

t.test('a rebuild from the log yields exactly the rows the live projector built, table by table', async (t) => {
  const store = createMemoryStore({ clock: () => new Date('2026-01-01T00:00:00.000Z') });
  await ingestSamples(store);
  await addReviewerDecisions(store);

  const db = openReadModelDb(':memory:');
  const projector = startProjector({ store, db, logger: pino({ level: 'silent' }), batchSize: 7 });
  await projector.caughtUp();
  await projector.stop();
  const live = canonicalDump(db);

  const commitments = db.prepare('SELECT status, count(*) AS n FROM commitments GROUP BY status').all() as Array<{ status: string; n: number }>;
  const count = (status: string): number => commitments.find((row) => row.status === status)?.n ?? 0;
  t.ok(commitments.reduce((sum, row) => sum + row.n, 0) > 100, 'the sample log holds the commitments of every plan');
  t.ok(count('pending') > 0 && count('withdrawn') === 1 && count('in_progress') >= 1, 'pending plans, the withdrawal and the assessment are there');
  t.ok(
    commitments.some((row) => ['achieved', 'partially_achieved', 'not_achieved', 'no_evidence'].includes(row.status)),
    'plans whose review is in the log have verdicts',
  );
  t.ok((live.evidence ?? []).length > 0 && (live.scorecards ?? []).length > 0 && (live.timeline ?? []).length > 0);

  const result = await rebuildReadModels(store, db);
  t.ok(result.events > 400);
  const rebuilt = canonicalDump(db);
  for (const table of Object.keys(live)) t.same(rebuilt[table], live[table], `${table}: identical after the rebuild`);

  const fresh = openReadModelDb(':memory:');
  await rebuildReadModels(store, fresh, { batchSize: 1000 });
  t.same(canonicalDump(fresh), live, 'a rebuild in another database, in other batch sizes, is identical too');
});
