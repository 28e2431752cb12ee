import t from 'tap';
import { pino } from 'pino';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import { openReadModelDb } from '../../../services/read-models/schema.ts';
import { startProjector } from '../../../services/projector/start-projector.ts';
import type { BatchResult } from '../../../services/projector/batch-applier.ts';
import { getCommitment } from '../../../services/read-models/commitment-queries.ts';
import { appendAll, commitmentRecorded, reportIngested } from '../../projections/ledger-fixtures.ts';

const logger = pino({ level: 'silent' });

t.test('the live projector catches up, follows new events, tells listeners, and resumes from its checkpoint', async (t) => {
  const store = createMemoryStore();
  const db = openReadModelDb(':memory:');
  await appendAll(store, [commitmentRecorded('c1', 2022, '在全区56个社区建立社会工作点')]);
  const projector = startProjector({ store, db, logger, batchSize: 2 });
  const changes: BatchResult[] = [];
  projector.onChange((change) => changes.push(change));
  await projector.caughtUp();
  t.equal(getCommitment(db, 'c1')?.status, 'pending', 'caughtUp resolves after the events that were in the log');

  const [, summaryPosition] = await appendAll(store, [
    commitmentRecorded('c2', 2022, '推动慈善事业发展', { spanStart: 40 }),
    reportIngested('r2022', { summaryYear: 2022 }),
  ]);
  await projector.caughtUp();
  t.equal(getCommitment(db, 'c2')?.status, 'no_evidence', 'live events are projected');
  const last = changes[changes.length - 1];
  t.equal(last?.position, summaryPosition);
  t.ok(changes.some((change) => change.changedCommitmentIds.includes('c1')), 'listeners hear which commitments changed');
  await projector.stop();

  await appendAll(store, [commitmentRecorded('c3', 2022, '加强养老服务体系建设', { spanStart: 80 })]);
  const resumed = startProjector({ store, db, logger });
  await resumed.caughtUp();
  t.equal(getCommitment(db, 'c3')?.status, 'no_evidence', 'a restarted projector goes on from its checkpoint');
  await resumed.stop();
});

t.test('caughtUp on an empty log resolves at once', async (t) => {
  const projector = startProjector({ store: createMemoryStore(), db: openReadModelDb(':memory:'), logger });
  await projector.caughtUp();
  await projector.stop();
  t.pass('resolved');
});
