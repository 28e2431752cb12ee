/**
 * Reads a gold directory (`seeds.gold.json` and `pairs/`) and the report texts it annotates. The seeds' texts come
 * from the project's `seeds/` folder, whose manifest maps the gold file names to the seed file names.
 * Errors are returned as one-line messages.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { goldPairSchema, goldSeedsFileSchema, seedManifestSchema, type GoldPair, type GoldSeedDocument } from './gold-schema.ts';

export interface SeedCase {
  gold: GoldSeedDocument;
  /** The seed file name the text was read from. */
  file: string;
  source: string;
}

export interface PairCase {
  /** The gold file name without `.gold.json`. */
  name: string;
  gold: GoldPair;
  planSource: string;
  summarySource: string;
}

export interface GoldSet {
  seeds: SeedCase[];
  pairs: PairCase[];
  /** Every report text of `pairs/` by file name. */
  pairTexts: Map<string, string>;
}

export type GoldLoad = { ok: true; gold: GoldSet } | { ok: false; message: string };

class GoldLoadError extends Error {
  override readonly name = 'GoldLoadError';
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new GoldLoadError(`cannot read ${what}: ${path}`);
  }
}

async function readJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readText(path, 'gold file'));
  } catch (error) {
    throw error instanceof GoldLoadError ? error : new GoldLoadError(`not valid JSON: ${path}`);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new GoldLoadError(`unexpected shape in ${path}${issue === undefined ? '' : ` at ${issue.path.join('.')}: ${issue.message}`}`);
  }
  return result.data;
}

async function loadSeedCases(goldDir: string, seedsDir: string): Promise<SeedCase[]> {
  const goldPath = join(goldDir, 'seeds.gold.json');
  const { documents } = await readJson(goldPath, goldSeedsFileSchema);
  const manifest = await readJson(join(seedsDir, 'manifest.json'), seedManifestSchema);
  const seedNameFor = new Map(manifest.reports.map((report) => [report.original, report.file]));
  const cases: SeedCase[] = [];
  for (const gold of documents) {
    const file = seedNameFor.get(gold.file) ?? gold.file;
    cases.push({ gold, file, source: await readText(join(seedsDir, file), `the seed text of ${gold.file}`) });
  }
  return cases;
}

async function loadPairCases(pairsDir: string): Promise<{ pairs: PairCase[]; pairTexts: Map<string, string> }> {
  const pairTexts = new Map<string, string>();
  if (!(await isDirectory(pairsDir))) return { pairs: [], pairTexts };
  const names = (await readdir(pairsDir)).sort();
  for (const name of names.filter((entry) => entry.endsWith('.txt'))) {
    pairTexts.set(name, await readText(join(pairsDir, name), 'pair report text'));
  }
  const pairs: PairCase[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.gold.json'))) {
    const gold = await readJson(join(pairsDir, name), goldPairSchema);
    const planSource = pairTexts.get(gold.planFile);
    const summarySource = pairTexts.get(gold.summaryFile);
    if (planSource === undefined || summarySource === undefined) {
      throw new GoldLoadError(`${name} names a report text missing from ${pairsDir}: ${planSource === undefined ? gold.planFile : gold.summaryFile}`);
    }
    pairs.push({ name: name.slice(0, -'.gold.json'.length), gold, planSource, summarySource });
  }
  return { pairs, pairTexts };
}

export async function loadGoldSet(goldDir: string, seedsDir: string): Promise<GoldLoad> {
  if (!(await isDirectory(goldDir))) return { ok: false, message: `gold directory not found: ${goldDir}` };
  try {
    const seeds = await loadSeedCases(goldDir, seedsDir);
    const { pairs, pairTexts } = await loadPairCases(join(goldDir, 'pairs'));
    return { ok: true, gold: { seeds, pairs, pairTexts } };
  } catch (error) {
    if (error instanceof GoldLoadError) return { ok: false, message: error.message };
    throw error;
  }
}
