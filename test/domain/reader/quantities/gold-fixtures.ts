/** Loads the gold annotations and the texts they describe (seeds and pair reports) for the quantities tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const goldDir = `${root}test/fixtures/gold/`;

const manifestSchema = z.object({ reports: z.array(z.object({ file: z.string(), original: z.string() })) });

const seedTargetSchema = z.object({
  text: z.string(), min: z.number(), max: z.number(), unit: z.string(), object: z.string(),
});
const seedCommitmentSchema = z.object({ startsWith: z.string(), targets: z.array(seedTargetSchema) });
const seedQuantitySchema = z.object({
  text: z.string(), value: z.number(), unit: z.string(), qualifier: z.string().nullable(), context: z.string(),
});
const seedDocumentSchema = z.object({
  file: z.string(),
  planLines: z.tuple([z.number(), z.number()]).nullable(),
  summaryLines: z.tuple([z.number(), z.number()]).nullable(),
  commitments: z.array(seedCommitmentSchema),
  summaryQuantities: z.array(seedQuantitySchema),
});
const seedsGoldSchema = z.object({ documents: z.array(seedDocumentSchema) });

export type SeedDocument = z.infer<typeof seedDocumentSchema> & { text: string };

export function loadSeedDocuments(): SeedDocument[] {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(`${root}seeds/manifest.json`, 'utf8')));
  const gold = seedsGoldSchema.parse(JSON.parse(readFileSync(`${goldDir}seeds.gold.json`, 'utf8')));
  return gold.documents.map((document) => {
    const entry = manifest.reports.find((report) => report.original === document.file);
    if (entry === undefined) throw new Error(`no seed for ${document.file}`);
    return { ...document, text: readFileSync(`${root}seeds/${entry.file}`, 'utf8') };
  });
}

/** [start, end) of 1-based inclusive lines `first`..`last` of `text`. */
export function lineRange(text: string, first: number, last: number): [number, number] {
  let start = 0;
  for (let line = 1; line < first; line++) start = text.indexOf('\n', start) + 1;
  let end = start;
  for (let line = first; line <= last; line++) {
    const next = text.indexOf('\n', end);
    end = next === -1 ? text.length : next + 1;
  }
  return [start, end];
}

/** [start, end) of the line holding `index`. */
export function lineAround(text: string, index: number): [number, number] {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const next = text.indexOf('\n', index);
  return [start, next === -1 ? text.length : next];
}

const pairOutcomeSchema = z.object({
  text: z.string(), value: z.number().nullable(), unit: z.string().nullable(), charOffset: z.number(),
});
const pairTargetSchema = z.object({
  id: z.string(),
  planText: z.string(),
  planCharOffset: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(['about', 'at_least', 'at_most', 'range', 'qualitative']),
  direction: z.enum(['higher_better', 'lower_better']),
  outcome: pairOutcomeSchema.nullable(),
});
const pairGoldSchema = z.object({
  planFile: z.string(),
  summaryFile: z.string(),
  targetParagraphCharOffset: z.number(),
  fiscalParagraphCharOffset: z.number().nullable(),
  targets: z.array(pairTargetSchema),
});
export type PairTarget = z.infer<typeof pairTargetSchema>;
export interface PairGold extends z.infer<typeof pairGoldSchema> {
  name: string;
  planText: string;
  summaryText: string;
}

export const PAIR_GOLD_FILES = [
  'stateCouncil_2022_report__stateCouncil_2023_report.gold.json',
  'stateCouncil_2023_report__stateCouncil_2024_report.gold.json',
  'stateCouncil_2024_report__stateCouncil_2025_report.gold.json',
  'beijing_gov_2025_report__beijing_gov_2026_report.gold.json',
];

export function loadPairs(): PairGold[] {
  return PAIR_GOLD_FILES.map((name) => {
    const gold = pairGoldSchema.parse(JSON.parse(readFileSync(`${goldDir}pairs/${name}`, 'utf8')));
    return {
      ...gold,
      name,
      planText: readFileSync(`${goldDir}pairs/${gold.planFile}`, 'utf8'),
      summaryText: readFileSync(`${goldDir}pairs/${gold.summaryFile}`, 'utf8'),
    };
  });
}

/** The gold counts offsets in code points; JavaScript strings index UTF-16 code units. */
export function codePointToIndex(text: string, codePointOffset: number): number {
  let index = 0;
  for (let seen = 0; seen < codePointOffset && index < text.length; seen++) {
    index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  }
  return index;
}
