/**
 * Child process of the crash and multi-process tests. It opens the embedded store file given as argv[2] and,
 * for stream argv[3], keeps appending small batches at the stream's exact next revision. After each append
 * returns it prints `ack <revision> <id,id,...>`: a line on stdout means the store acknowledged those events.
 * With argv[4] = a number, it stops after that many appends.
 */
import { randomUUID } from 'node:crypto';
import { openSqliteStore } from '../../../../services/store/sqlite-store.ts';

const [file, stream, limit] = process.argv.slice(2);
if (file === undefined || stream === undefined) throw new Error('usage: append-loop <file> <stream> [appends]');

const store = openSqliteStore({ file });
let revision = -1;
for await (const last of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) revision = last.revision;
const appends = limit === undefined ? Number.POSITIVE_INFINITY : Number(limit);
process.stdout.write('ready\n');

for (let count = 0; count < appends; count += 1) {
  const size = 1 + (count % 4);
  const events = Array.from({ length: size }, (_, index) => ({
    id: randomUUID(),
    type: 'OutcomeRecorded',
    schemaVersion: 1,
    data: { stream, count, index, text: '全年新增城镇就业1256万人'.repeat(1 + (count % 5)) },
    metadata: { actor: 'crash-test', pid: process.pid },
  }));
  const result = await store.appendToStream(stream, events, { expectedRevision: revision === -1 ? 'no_stream' : revision });
  revision = result.nextExpectedRevision;
  process.stdout.write(`ack ${revision} ${events.map((event) => event.id).join(',')}\n`);
}
await store.close();
