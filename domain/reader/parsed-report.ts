/**
 * What the report reader returns. This is the contract of `plan-ledger parse --json`, of ingestion and
 * of the accuracy scorer: change it only by adding optional fields.
 * Spans are [start, end) indexes into the original text as JavaScript strings (UTF-16 code units).
 */
import { z } from 'zod';

export const spanSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof spanSchema>;

/** `at_least` when no word qualifies the number (a count or growth with no qualifier reads as a floor). */
export const comparatorSchema = z.enum(['at_least', 'at_most', 'about', 'range']);
export type Comparator = z.infer<typeof comparatorSchema>;

/** Whether more of the metric is better, or the target is a ceiling (unemployment, prices, deficit, energy use). */
export const directionSchema = z.enum(['higher_better', 'lower_better']);
export type Direction = z.infer<typeof directionSchema>;

export const qualifierSchema = z.enum(['约', '近', '余', '多', '超过', '以上', '左右', '不足', '以内', '以下']).nullable();
export type Qualifier = z.infer<typeof qualifierSchema>;

export const quantitySchema = z.object({
  /** The exact number phrase, e.g. `2.4万余人次`. */
  text: z.string(),
  span: spanSchema,
  /** Normalised to the base unit: 万 ×1e4, 亿 ×1e8, 千 ×1e3; percentages stay percent numbers. */
  value: z.number(),
  /** Base unit after normalisation (`元`, `人次`, `%`, `个`, …); `万人` becomes `人`. */
  unit: z.string(),
  qualifier: qualifierSchema,
  /** A short description of what is counted, when the text says (`低保金`, `城镇新增就业`). */
  object: z.string().nullable(),
  /** True for multi-year averages and cumulative figures (`年均`, `累计`, `五年来`). */
  multiYear: z.boolean(),
});
export type Quantity = z.infer<typeof quantitySchema>;

export const outcomeCueSchema = z.enum(['done', 'under_way', 'not_done']).nullable();

export const outcomeSchema = z.object({
  text: z.string(),
  span: spanSchema,
  /** The area heading the statement sits under, or null. */
  area: z.string().nullable(),
  quantities: z.array(quantitySchema),
  /** Cue words of completion (`完成`, `实现`, `建成`), progress (`推进`, `启动`) or failure (`未完成`, `未能`). */
  cue: outcomeCueSchema,
  /** False when the statement is about a multi-year period (a five-year review), not the summary year. */
  aboutSummaryYear: z.boolean(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const targetSchema = z.object({
  /** The exact number phrase, e.g. `8-10个`, `5%左右`, `1200万人以上`. */
  text: z.string(),
  span: spanSchema,
  /** Range ends in the unit as written (min = max for a single value); `8-10个` → 8, 10. */
  min: z.number(),
  max: z.number(),
  /** The unit as written, including its multiplier (`万人`, `%`, `个`, `万亿斤`). */
  unit: z.string(),
  comparator: comparatorSchema,
  direction: directionSchema,
  /** What is counted (`社区`, `城镇新增就业`), or null. */
  object: z.string().nullable(),
  /** True for multi-year targets (五年规划, 年均增长, 累计). */
  multiYear: z.boolean(),
});
export type Target = z.infer<typeof targetSchema>;

export const commitmentSchema = z.object({
  /** The enclosing area heading line, trimmed, or null when the plan has no areas. */
  area: z.string().nullable(),
  /** The enumerator literally in the source (`一是`, `1、`, `(三)`, `——`), or null when a typo dropped it. */
  marker: z.string().nullable(),
  /** The task text after the marker. */
  text: z.string(),
  span: spanSchema,
  targets: z.array(targetSchema),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const partHeadingSchema = z.object({ text: z.string(), span: spanSchema });

export const summaryPartSchema = z.object({
  year: z.number().int(),
  /** The line that opens the part, or null when the page starts straight with the review. */
  heading: z.string().nullable(),
  headingSpan: spanSchema.nullable(),
  /** [start, end) of the whole part. */
  span: spanSchema,
  outcomes: z.array(outcomeSchema),
});
export type SummaryPart = z.infer<typeof summaryPartSchema>;

export const planPartSchema = z.object({
  year: z.number().int(),
  heading: z.string().nullable(),
  headingSpan: spanSchema.nullable(),
  span: spanSchema,
  commitments: z.array(commitmentSchema),
});
export type PlanPart = z.infer<typeof planPartSchema>;

export const parsedReportSchema = z.object({
  organisation: z.object({
    /** Canonical full name, e.g. `深圳市龙华区民政局`, `国务院`, `北京市人民政府`. */
    name: z.string(),
    /** The text that told us, quoted from the document. */
    evidence: z.string(),
  }),
  /** ISO date-time with offset (Asia/Shanghai) or null when the page gives none. */
  publishedAt: z.string().nullable(),
  title: z.string().nullable(),
  summary: summaryPartSchema.nullable(),
  plan: planPartSchema.nullable(),
});
export type ParsedReport = z.infer<typeof parsedReportSchema>;

/** Why a text could not be read. */
export const readFailureSchema = z.object({
  reason: z.enum(['empty_text', 'no_parts_found', 'no_organisation_found']),
  message: z.string(),
});
export type ReadFailure = z.infer<typeof readFailureSchema>;

export type ReadResult = { ok: true; report: ParsedReport } | { ok: false; error: ReadFailure };
