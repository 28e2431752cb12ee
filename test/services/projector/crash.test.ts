/**
 * The checkpoint commits with the rows it covers: a projector killed with SIGKILL at random moments resumes
 * without skipping or double-applying, and ends with exactly the rows of a clean rebuild.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import { openReadModelDb } from '../../../services/read-models/schema.ts';
import { createBatchApplier } from '../../../services/projector/batch-applier.ts';
import { rebuildReadModels } from '../../../services/projector/rebuild.ts';
import { canonicalDump } from '../../../services/read-models/canonical-dump.ts';
import { addReviewerDecisions, ingestSamples } from './real-log.ts';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');
const KILLS = Number(process.env.PROJECTOR_CRASH_KILLS ?? 8);

/** Runs the child; kills it `killAfterMs` after it said `ready` (null: let it finish). Resolves with whether it finished. */
function runChild(storeFile: string, readModelFile: string, killAfterMs: number | null): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, storeFile, readModelFile, '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      const before = output;
      output += chunk.toString();
      if (killAfterMs !== null && !before.includes('ready') && output.includes('ready')) {
        setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve(output.includes('done'));
      if (code === 0 && output.includes('done')) return resolve(true);
      reject(new Error(`crash child exited with ${code}: ${errors}`));
    });
  });
}

function checkpointOf(readModelFile: string): string | null {
  const db = openReadModelDb(readModelFile);
  try {
    return createBatchApplier(db).checkpoint();
  } finally {
    db.close();
  }
}

t.test('SIGKILL at random moments: the projector resumes from its checkpoint and ends identical to a clean rebuild', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'projector-crash-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const storeFile = path.join(dir, 'events.sqlite');
  const readModelFile = path.join(dir, 'read-models.sqlite');
  const store = openSqliteStore({ file: storeFile, clock: () => new Date('2026-01-01T00:00:00.000Z') });
  await ingestSamples(store);
  await addReviewerDecisions(store);
  const head = await store.headPosition();

  const checkpoints: Array<string | null> = [];
  let finished = false;
  let kills = 0;
  while (!finished && kills < KILLS) {
    finished = await runChild(storeFile, readModelFile, Math.floor(Math.random() * 150));
    if (!finished) kills++;
    checkpoints.push(checkpointOf(readModelFile));
  }
  const midway = checkpoints.filter((checkpoint) => checkpoint !== null && head !== null && checkpoint < head).length;
  t.ok(kills >= 3 && midway >= 2, `killed ${kills} times, ${midway} times between batches before the head`);
  for (let i = 1; i < checkpoints.length; i++) {
    t.ok((checkpoints[i] ?? '') >= (checkpoints[i - 1] ?? ''), `the checkpoint never goes back (${i})`);
  }
  if (!finished) t.ok(await runChild(storeFile, readModelFile, null), 'a last run reaches the head');
  t.equal(checkpointOf(readModelFile), head);

  const survived = openReadModelDb(readModelFile);
  const clean = openReadModelDb(':memory:');
  await rebuildReadModels(store, clean);
  const survivedDump = canonicalDump(survived);
  const cleanDump = canonicalDump(clean);
  for (const table of Object.keys(cleanDump)) t.same(survivedDump[table], cleanDump[table], `${table}: identical to a clean rebuild`);
  survived.close();
  clean.close();
  await store.close();
});
