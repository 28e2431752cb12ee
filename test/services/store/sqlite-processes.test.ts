/**
 * Several processes on one embedded store file (an API and a CLI side by side): a race on the same expected
 * revision has exactly one winner, concurrent writers never corrupt the log, and a live subscription in this
 * process sees the other processes' appends.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import type { RecordedEvent } from '../../../services/store/event-store.ts';
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import { spawnAppendLoop } from './child-process.ts';
import { collect } from './store-fixtures.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ledger-processes-'));
t.teardown(() => fs.rmSync(folder, { recursive: true, force: true }));
const raceChild = path.join(path.dirname(fileURLToPath(import.meta.url)), 'children', 'race-append.ts');

function startRacer(file: string, stream: string): { ask: (line: string) => Promise<string>; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', raceChild, file, stream], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const step = await lines.next();
    if (step.done === true) throw new Error('racer exited');
    return step.value;
  };
  const ready = nextLine();
  return {
    ask: async (line) => {
      await ready;
      child.stdin.write(`${line}\n`);
      return nextLine();
    },
    stop: async () => {
      child.stdin.end();
      await new Promise((resolve) => child.on('exit', resolve));
    },
  };
}

t.test('two processes appending with the same expected revision: exactly one wins each round', async (t) => {
  const file = path.join(folder, 'race.sqlite');
  const stream = 'assessment-race';
  const store = openSqliteStore({ file });
  t.teardown(() => store.close());
  await store.appendToStream(stream, [{ id: '0b1f1d9e-3c55-4a57-9a43-1d7b2c1f5e01', type: 'AssessmentRecorded', schemaVersion: 1, data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
  const racers = [startRacer(file, stream), startRacer(file, stream)];
  const winners: string[] = [];
  let expected = 0;
  for (let round = 0; round < 20; round += 1) {
    const answers = await Promise.all(racers.map((racer) => racer.ask(`append ${expected}`)));
    const won = answers.filter((answer) => answer.startsWith('won '));
    const lost = answers.filter((answer) => answer.startsWith('lost '));
    t.equal(won.length, 1, `round ${round}: one winner (${answers.join(' | ')})`);
    t.equal(lost[0], `lost ${expected} ${expected + 2}`, `round ${round}: the loser saw WrongExpectedVersion with both revisions`);
    const [, next, ids] = (won[0] ?? '').split(' ');
    winners.push(...(ids ?? '').split(','));
    expected = Number(next);
  }
  await Promise.all(racers.map((racer) => racer.stop()));
  const events = await collect(store.readStream(stream, { fromRevision: 1 }));
  t.same(events.map((event) => event.id), winners, 'the stream holds each winner once, in order, and nothing of the losers');
  t.same(events.map((event) => event.revision), winners.map((_, index) => index + 1), 'no revision gap');
});

t.test('a live subscription here sees every append made by two other processes, once, in log order', async (t) => {
  const file = path.join(folder, 'live.sqlite');
  const store = openSqliteStore({ file, pollIntervalMs: 50 });
  t.teardown(() => store.close());
  const subscription = store.subscribeToAll();
  const appendsPerWriter = 60;
  // The append-loop child appends batches of 1, 2, 3, 4, 1, 2, … events.
  const expectedCount = 2 * Array.from({ length: appendsPerWriter }, (_, count) => 1 + (count % 4)).reduce((a, b) => a + b, 0);
  const received: RecordedEvent[] = [];
  const consumer = (async () => {
    for await (const event of subscription) {
      received.push(event);
      if (received.length === expectedCount) break;
    }
  })();
  const writers = [spawnAppendLoop(file, 'outcome-a', appendsPerWriter), spawnAppendLoop(file, 'outcome-b', appendsPerWriter)];
  const exits = await Promise.all(writers.map((writer) => writer.exited));
  const receivedWhileWriting = received.length;
  t.same(exits.map((exit) => exit.code), [0, 0], 'both writers finished');
  t.equal(writers.reduce((sum, writer) => sum + writer.acknowledged.length, 0), expectedCount, 'every append was acknowledged');
  await consumer;
  t.ok(receivedWhileWriting > 0, `the subscription was live: ${receivedWhileWriting} events arrived while the writers ran`);
  const log = await collect(store.readAll());
  t.equal(log.length, expectedCount, 'the log holds exactly the acknowledged events');
  t.same(received.map((event) => event.id), log.map((event) => event.id), 'the subscription delivered the log, in order, once');
  for (const writer of writers) {
    const own = log.filter((event) => event.id === writer.acknowledged[0])[0]?.stream;
    const streamEvents = log.filter((event) => event.stream === own);
    t.same(streamEvents.map((event) => event.id), writer.acknowledged, `${own}: every acknowledged event, in order`);
  }
});
