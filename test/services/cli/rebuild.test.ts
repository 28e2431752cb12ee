import t from 'tap';
import path from 'node:path';
import { runCli } from '../../../services/cli/run-cli.ts';
import { openReadModelDb, READ_MODEL_FILE } from '../../../services/read-models/schema.ts';
import { canonicalDump } from '../../../services/read-models/canonical-dump.ts';
import { capture, dataDirWithSamples } from './read-side-data.ts';

t.test('rebuild drops the read models and rebuilds identical rows from the log', async (t) => {
  const { dataDir, cleanup } = await dataDirWithSamples();
  t.teardown(cleanup);
  t.equal(await runCli(['commitments', '--json', '--data-dir', dataDir], capture().io), 0, 'the matcher and projector ran');
  const file = path.join(dataDir, READ_MODEL_FILE);
  const db = openReadModelDb(file);
  const before = canonicalDump(db);
  db.prepare(`UPDATE commitments SET status = 'achieved'`).run();
  db.close();

  const rebuilt = capture();
  t.equal(await runCli(['rebuild', '--data-dir', dataDir], rebuilt.io), 0, rebuilt.err.join('\n'));
  t.match(rebuilt.out[0], /^rebuilt read models from \d+ event\(s\) in [\d.]+ s up to position [0-9a-f.]+$/);
  const after = openReadModelDb(file);
  t.same(canonicalDump(after), before, 'a damaged read model is back to the rows the log implies');
  after.close();

  const usage = capture();
  t.equal(await runCli(['rebuild', 'now', '--data-dir', dataDir], usage.io), 2);
});
