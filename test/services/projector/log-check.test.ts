import t from 'tap';
import { pino } from 'pino';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import type { EventStore } from '../../../services/store/event-store.ts';
import { openReadModelDb, type ReadModelDb } from '../../../services/read-models/schema.ts';
import { canonicalDump } from '../../../services/read-models/canonical-dump.ts';
import { startProjector } from '../../../services/projector/start-projector.ts';
import { resetReadModelsOfAnotherLog } from '../../../services/projector/log-check.ts';
import { appendAll, commitmentRecorded, reportIngested } from '../../projections/ledger-fixtures.ts';

const logger = pino({ level: 'silent' });

async function projectAll(store: EventStore, db: ReadModelDb): Promise<void> {
  const projector = startProjector({ store, db, logger });
  await projector.caughtUp();
  await projector.stop();
}

/** Two logs of the same shape and length whose events differ: positions alone cannot tell them apart. */
async function logOf(commitmentId: string, text: string): Promise<EventStore> {
  const store = createMemoryStore();
  await appendAll(store, [commitmentRecorded(commitmentId, 2022, text), reportIngested('r2022', { summaryYear: 2022 })]);
  return store;
}

t.test('given read models of one log, when the projector starts on another as long, then it rebuilds them from the beginning', async (t) => {
  const db = openReadModelDb(':memory:');
  await projectAll(await logOf('c-first', '在全区56个社区建立社会工作点'), db);
  t.ok(canonicalDump(db).commitments?.some((row) => row.includes('c-first')));

  const other = await logOf('c-other', '推动慈善事业发展');
  const first = await logOf('c-first', '在全区56个社区建立社会工作点');
  t.equal(await other.headPosition(), await first.headPosition(), 'both logs end at the same position');
  await projectAll(other, db);
  const fresh = openReadModelDb(':memory:');
  await projectAll(other, fresh);
  t.same(canonicalDump(db), canonicalDump(fresh), 'the rows are exactly those of the other log, and none of the first');
});

t.test('given read models of this log, then the check leaves them alone', async (t) => {
  const store = await logOf('c1', '在全区56个社区建立社会工作点');
  const db = openReadModelDb(':memory:');
  await projectAll(store, db);
  const before = canonicalDump(db);
  t.equal(await resetReadModelsOfAnotherLog(store, db, logger), false);
  t.same(canonicalDump(db), before);

  const emptied = createMemoryStore();
  t.equal(await resetReadModelsOfAnotherLog(emptied, db, logger), true, 'an emptied log does not hold their last event');
  t.same(canonicalDump(db).commitments, [], 'so they are dropped');
});
