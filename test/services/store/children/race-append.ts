/**
 * Child process of the two-process race: for each stdin line `append <expected revision>` it appends two
 * events to stream argv[3] of store file argv[2] and answers `won <next revision> <ids>` or
 * `lost <expected> <actual>` when the store refuses with WrongExpectedVersion.
 */
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { WrongExpectedVersion } from '../../../../services/store/errors.ts';
import { openSqliteStore } from '../../../../services/store/sqlite-store.ts';

const [file, stream] = process.argv.slice(2);
if (file === undefined || stream === undefined) throw new Error('usage: race-append <file> <stream>');
const store = openSqliteStore({ file });
process.stdout.write('ready\n');

for await (const line of readline.createInterface({ input: process.stdin })) {
  const expected = Number(line.split(' ')[1]);
  const events = [0, 1].map((index) => ({
    id: randomUUID(),
    type: 'AssessmentRecorded',
    schemaVersion: 1,
    data: { pid: process.pid, index },
    metadata: {},
  }));
  try {
    const result = await store.appendToStream(stream, events, { expectedRevision: expected });
    process.stdout.write(`won ${result.nextExpectedRevision} ${events.map((event) => event.id).join(',')}\n`);
  } catch (error) {
    if (!(error instanceof WrongExpectedVersion)) throw error;
    process.stdout.write(`lost ${String(error.expected)} ${String(error.actual)}\n`);
  }
}
await store.close();
