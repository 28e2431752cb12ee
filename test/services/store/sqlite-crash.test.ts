/**
 * Crash safety of the embedded store: children append in a loop and are killed with SIGKILL at random
 * moments. After every kill the file opens, each acknowledged event is there exactly once, and the whole log
 * reads cleanly (contiguous revisions, increasing positions, parseable bodies). Two children share the file,
 * each in its own stream, so kills also land while the other process holds the write lock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import type { RecordedEvent } from '../../../services/store/event-store.ts';
import { comparePositions } from '../../../services/store/position.ts';
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import { spawnAppendLoop } from './child-process.ts';
import { collect } from './store-fixtures.ts';

const KILLS_PER_LANE = 26;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ledger-crash-'));
const file = path.join(folder, 'events.sqlite');
t.teardown(() => fs.rmSync(folder, { recursive: true, force: true }));

function logProblems(log: readonly RecordedEvent[]): string[] {
  const problems: string[] = [];
  const nextRevision = new Map<string, number>();
  const ids = new Set<string>();
  log.forEach((event, index) => {
    const previous = log[index - 1];
    if (previous !== undefined && comparePositions(previous.position, event.position) >= 0) problems.push(`position order broken at ${index}`);
    const expected = nextRevision.get(event.stream) ?? 0;
    if (event.revision !== expected) problems.push(`${event.stream}: revision ${event.revision} where ${expected} was next`);
    nextRevision.set(event.stream, event.revision + 1);
    if (ids.has(event.id)) problems.push(`id ${event.id} recorded twice`);
    ids.add(event.id);
    if (typeof event.data['text'] !== 'string') problems.push(`event ${event.id} has a damaged body`);
  });
  return problems;
}

async function verify(lane: string, acknowledged: readonly string[]): Promise<{ problems: string[]; missing: number }> {
  const store = openSqliteStore({ file });
  try {
    const log = await collect(store.readAll());
    const present = new Set(log.map((event) => event.id));
    const missing = acknowledged.filter((id) => !present.has(id)).length;
    const problems = logProblems(log);
    const ownCount = log.filter((event) => event.stream === lane).length;
    if (ownCount < acknowledged.length) problems.push(`${lane}: ${ownCount} events but ${acknowledged.length} acknowledged`);
    return { problems, missing };
  } finally {
    await store.close();
  }
}

interface LaneReport {
  lane: string;
  cleanChecks: number;
  acknowledged: number;
  failure?: string;
}

async function killRepeatedly(lane: string): Promise<LaneReport> {
  const acknowledged: string[] = [];
  let cleanChecks = 0;
  for (let kill = 0; kill < KILLS_PER_LANE; kill += 1) {
    const child = spawnAppendLoop(file, lane);
    const exited = child.exited.then(() => 'exited' as const);
    if ((await Promise.race([child.firstAck.then(() => 'acked' as const), exited])) === 'exited') {
      return { lane, cleanChecks, acknowledged: acknowledged.length, failure: `child exited before appending: ${child.stderr()}` };
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
    child.process.kill('SIGKILL');
    const { signal } = await child.exited;
    if (signal !== 'SIGKILL') {
      return { lane, cleanChecks, acknowledged: acknowledged.length, failure: `child ended by ${String(signal)}, not by the kill: ${child.stderr()}` };
    }
    acknowledged.push(...child.acknowledged);
    const { problems, missing } = await verify(lane, acknowledged);
    if (problems.length > 0 || missing > 0) {
      const failure = `after kill ${kill + 1}: ${missing} acknowledged events missing; ${problems.slice(0, 5).join('; ')}`;
      return { lane, cleanChecks, acknowledged: acknowledged.length, failure };
    }
    cleanChecks += 1;
  }
  return { lane, cleanChecks, acknowledged: acknowledged.length };
}

t.test('acknowledged appends survive SIGKILL, and the log is never half-written', async (t) => {
  const lanes = await Promise.all([killRepeatedly('crash-a'), killRepeatedly('crash-b')]);
  for (const report of lanes) {
    t.equal(report.failure, undefined, `${report.lane}: no lost, duplicated or damaged event`);
    t.equal(report.cleanChecks, KILLS_PER_LANE, `${report.lane}: the log was whole after each of ${KILLS_PER_LANE} kills`);
    t.ok(report.acknowledged > KILLS_PER_LANE, `${report.lane}: ${report.acknowledged} acknowledged events checked`);
  }
  const store = openSqliteStore({ file });
  t.teardown(() => store.close());
  t.ok((await collect(store.readAll())).length > 0, 'the file holds the surviving log');
  t.equal((await store.appendToStream('crash-c', [{ id: 'f6c5e0a4-8d1e-4d5c-9d2a-6a0f3c1b2e7d', type: 'OutcomeRecorded', schemaVersion: 1, data: { text: 'after' }, metadata: {} }], { expectedRevision: 'no_stream' })).nextExpectedRevision, 0, 'the store accepts appends after the crashes');
});
