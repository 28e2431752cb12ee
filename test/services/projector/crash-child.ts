/**
 * Child process of the projector crash test: projects the embedded store at argv[2] into the read models at
 * argv[3] in small batches, saying `ready` when it starts and `done` when it reached the head.
 */
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import { openReadModelDb } from '../../../services/read-models/schema.ts';
import { createBatchApplier } from '../../../services/projector/batch-applier.ts';
import { catchUp } from '../../../services/projector/catch-up.ts';

const [storeFile, readModelFile, batchSize] = process.argv.slice(2);
if (storeFile === undefined || readModelFile === undefined) throw new Error('usage: crash-child <store file> <read-model file> [batch size]');
const store = openSqliteStore({ file: storeFile });
const db = openReadModelDb(readModelFile);
process.stdout.write('ready\n');
await catchUp(store, createBatchApplier(db), { batchSize: Number(batchSize ?? 5) });
db.close();
await store.close();
process.stdout.write('done\n');
