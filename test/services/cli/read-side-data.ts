/** A data directory holding the seeds and the State Council 2022 → 2023 pair, ingested into the embedded store. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestReport } from '../../../services/ingestion/ingest-report.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../services/store/sqlite-store.ts';
import type { Position } from '../../../services/store/position.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function seedAndPairFiles(): string[] {
  const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(root, 'seeds', name));
  const pairs = ['stateCouncil_2022_report.txt', 'stateCouncil_2023_report.txt'].map((name) => path.join(root, 'test/fixtures/gold/pairs', name));
  return [...seeds, ...pairs];
}

/** Ingests the files into a fresh data directory; returns it with the head position after the seeds alone. */
export async function dataDirWithSamples(): Promise<{ dataDir: string; afterSeeds: Position; cleanup: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-side-cli-'));
  const store = openSqliteStore({ file: path.join(dataDir, SQLITE_FILE_NAME) });
  let afterSeeds: Position | null = null;
  for (const file of seedAndPairFiles()) {
    if (afterSeeds === null && !file.includes(`${path.sep}seeds${path.sep}`)) afterSeeds = await store.headPosition();
    const result = await ingestReport({ store, clock: () => new Date() }, { type: 'IngestReport', text: fs.readFileSync(file, 'utf8') });
    if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  }
  await store.close();
  if (afterSeeds === null) throw new Error('no seeds ingested');
  return { dataDir, afterSeeds, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line) }, out, err };
}
