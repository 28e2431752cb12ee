import t from 'tap';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import { openReadModelDb } from '../../../services/read-models/schema.ts';
import { createBatchApplier } from '../../../services/projector/batch-applier.ts';
import { catchUp } from '../../../services/projector/catch-up.ts';
import { listChangesAfter, positionOfChangeCursor } from '../../../services/read-models/changes-queries.ts';
import { UnknownCursor } from '../../../services/read-models/cursor.ts';
import { appendAll, commitmentRecorded, reportIngested } from '../../projections/ledger-fixtures.ts';

t.test('the changes feed pages in log order, resumes after its cursor, and refuses cursors it did not issue', async (t) => {
  const store = createMemoryStore();
  const db = openReadModelDb(':memory:');
  const applier = createBatchApplier(db);
  const [first, second, summary] = await appendAll(store, [
    commitmentRecorded('c1', 2022, '在全区56个社区建立社会工作点'),
    commitmentRecorded('c2', 2022, '推动慈善事业发展', { spanStart: 40 }),
    reportIngested('r2022', { summaryYear: 2022 }),
  ]);
  await catchUp(store, applier);

  const seen: Array<[string, string, string]> = [];
  let cursor: string | undefined;
  for (;;) {
    const page = listChangesAfter(db, { limit: 1, ...(cursor === undefined ? {} : { cursor }) });
    seen.push(...page.items.map((change): [string, string, string] => [change.position, change.commitmentId, change.status]));
    if (page.nextCursor === null) {
      cursor = page.cursor ?? undefined;
      break;
    }
    cursor = page.nextCursor;
  }
  t.same(seen, [
    [first, 'c1', 'pending'],
    [second, 'c2', 'pending'],
    [summary, 'c1', 'no_evidence'],
    [summary, 'c2', 'no_evidence'],
  ]);
  t.equal(positionOfChangeCursor(cursor!), summary, 'the last cursor stands at the last change');
  t.same(listChangesAfter(db, { limit: 10, cursor: cursor! }).items, [], 'nothing new after it');

  await appendAll(store, [{ type: 'CommitmentWithdrawn', data: { commitmentId: 'c2', reason: '职能划转' } }]);
  await catchUp(store, applier);
  t.same(listChangesAfter(db, { limit: 10, cursor: cursor! }).items.map((change) => [change.commitmentId, change.status]), [['c2', 'withdrawn']]);

  for (const forged of ['', 'abc', Buffer.from(JSON.stringify(['commitments', 'x', 1, 2, 'y'])).toString('base64url')]) {
    t.throws(() => listChangesAfter(db, { limit: 1, cursor: forged }), UnknownCursor, JSON.stringify(forged));
  }
});
