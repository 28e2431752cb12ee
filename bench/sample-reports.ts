/**
 * The sample report texts every benchmark reads: the seeds and the pair reports, in a fixed order. (Not a
 * benchmark itself: `npm run bench` runs only `*.bench.ts`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Paths of the seed and pair report texts, folder by folder, each sorted by name. */
export function sampleReportFiles(): string[] {
  return [join(projectRoot, 'seeds'), join(projectRoot, 'test/fixtures/gold/pairs')].flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => join(folder, name)),
  );
}

export function sampleTexts(): string[] {
  return sampleReportFiles().map((file) => readFileSync(file, 'utf8'));
}
