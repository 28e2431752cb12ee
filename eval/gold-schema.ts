/**
 * The shapes of the hand-made gold files the scorer reads (only the fields it scores; helper fields pass unread).
 * `seeds.gold.json` annotates the sample reports; `pairs/<plan>__<summary>.gold.json` labels a plan's main targets.
 */
import { z } from 'zod';

export const goldSeedTargetSchema = z.object({
  text: z.string(),
  min: z.number(),
  max: z.number(),
  unit: z.string(),
  object: z.string().nullable().optional(),
  /** The seeds' gold does not label comparators; compared only where a gold file gives one. */
  comparator: z.enum(['at_least', 'at_most', 'about', 'range']).optional(),
});
export type GoldSeedTarget = z.infer<typeof goldSeedTargetSchema>;

export const goldCommitmentSchema = z.object({
  area: z.string().nullable(),
  marker: z.string().nullable(),
  startsWith: z.string().min(1),
  targets: z.array(goldSeedTargetSchema),
});
export type GoldCommitment = z.infer<typeof goldCommitmentSchema>;

export const goldSummaryQuantitySchema = z.object({
  text: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  qualifier: z.string().nullable(),
  /** A phrase around the quantity, sometimes followed by an annotator's note in parentheses. */
  context: z.string().optional(),
});
export type GoldSummaryQuantity = z.infer<typeof goldSummaryQuantitySchema>;

export const goldSeedDocumentSchema = z.object({
  file: z.string(),
  org: z.string(),
  /** `YYYY-MM-DD` or null. */
  publishedAt: z.string().nullable(),
  summaryYear: z.number().int().nullable(),
  planYear: z.number().int().nullable(),
  summaryHeading: z.string().nullable(),
  planHeading: z.string().nullable(),
  commitments: z.array(goldCommitmentSchema),
  summaryQuantities: z.array(goldSummaryQuantitySchema),
});
export type GoldSeedDocument = z.infer<typeof goldSeedDocumentSchema>;

export const goldSeedsFileSchema = z.object({ documents: z.array(goldSeedDocumentSchema) });

export const goldPairTargetSchema = z.object({
  id: z.string(),
  planText: z.string().min(1),
  /** Counted in Unicode code points, as Python strings do. */
  planCharOffset: z.number().int().nonnegative(),
  source: z.string(),
  metric: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(['at_least', 'at_most', 'about', 'range', 'qualitative']),
  direction: z.enum(['higher_better', 'lower_better']),
  status: z.string(),
});
export type GoldPairTarget = z.infer<typeof goldPairTargetSchema>;

export const goldPairSchema = z.object({
  org: z.string(),
  planYear: z.number().int(),
  planFile: z.string(),
  summaryFile: z.string(),
  planHeading: z.string(),
  summaryHeading: z.string(),
  targetParagraphCharOffset: z.number().int().nonnegative(),
  fiscalParagraphCharOffset: z.number().int().nonnegative().nullable(),
  targets: z.array(goldPairTargetSchema),
});
export type GoldPair = z.infer<typeof goldPairSchema>;

export const seedManifestSchema = z.object({
  reports: z.array(z.object({ file: z.string(), original: z.string() })),
});
export type SeedManifest = z.infer<typeof seedManifestSchema>;
