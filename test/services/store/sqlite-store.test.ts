import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { openSqliteStore } from '../../../services/store/sqlite-store.ts';
import { eventStoreContract } from './contract.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ledger-sqlite-contract-'));
t.teardown(() => fs.rmSync(folder, { recursive: true, force: true }));
let opened = 0;

eventStoreContract(
  t,
  async ({ clock }) => openSqliteStore({ file: path.join(folder, `store-${(opened += 1)}.sqlite`), readPageSize: 4, ...(clock === undefined ? {} : { clock }) }),
  { stampsWithInjectedClock: true, refusesReusedEventIds: true },
);
