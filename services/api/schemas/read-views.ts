/**
 * The read side's views as zod schemas, for the OpenAPI description and for tests that check responses. The
 * read models declare their views as TypeScript types; the `Agrees` checks below fail to compile if the two
 * drift apart, so the description cannot silently lie.
 */
import { z } from 'zod';
import { actorSchema } from '../../../domain/events/metadata.ts';
import { commitmentStatusSchema, recordedTargetSchema } from '../../../domain/events/commitment-events.ts';
import { spanSchema } from '../../../domain/reader/parsed-report.ts';
import { actualSchema, evidenceStateSchema, statusResultSchema } from '../../../domain/status/status-result.ts';
import type { TimelineRow } from '../../../projections/rows.ts';
import type { ChangeView } from '../../read-models/changes-queries.ts';
import type { CommitmentView } from '../../read-models/commitment-queries.ts';
import type { OrganisationView, ReportView } from '../../read-models/report-queries.ts';
import type { ScorecardTotal, ScorecardView } from '../../read-models/scorecard-queries.ts';

export const targetViewSchema = recordedTargetSchema.extend({
  status: commitmentStatusSchema,
  actual: actualSchema.nullable(),
});

export const evidenceViewSchema = z.object({
  linkId: z.string(),
  outcomeId: z.string(),
  targetId: z.string().nullable(),
  outcomeText: z.string(),
  span: spanSchema.describe('The outcome’s [start, end) in its report text (UTF-16 code units)'),
  reportId: z.string(),
  score: z.number(),
  method: z.string().describe('name@version of the matcher, or the reviewer'),
  matchedTerms: z.array(z.string()),
  state: evidenceStateSchema,
  stateReason: z.string().nullable(),
});

export const commitmentViewSchema = z.object({
  id: z.string(),
  organisation: z.string(),
  planYear: z.number().int(),
  area: z.string().nullable(),
  marker: z.string().nullable(),
  text: z.string(),
  originalText: z.string().nullable(),
  reportId: z.string(),
  span: spanSchema,
  status: commitmentStatusSchema,
  computedStatus: commitmentStatusSchema,
  reason: statusResultSchema.nullable(),
  carriedOver: z.boolean(),
  assessment: z.object({ status: commitmentStatusSchema, rationale: z.string() }).nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.string().describe('Global position of the last change; the ETag is this value quoted'),
  targets: z.array(targetViewSchema),
  evidence: z.array(evidenceViewSchema),
});
z.globalRegistry.add(commitmentViewSchema, { id: 'Commitment' });

export const commitmentPageSchema = z.object({
  items: z.array(commitmentViewSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});

export const timelineEntrySchema = z.object({
  commitmentId: z.string(),
  position: z.string(),
  kind: z.string(),
  recordedAt: z.string(),
  actor: actorSchema,
  summary: z.string(),
  status: commitmentStatusSchema.nullable(),
});

const reportPartSchema = z.object({
  part: z.enum(['summary', 'plan']),
  year: z.number().int(),
  heading: z.string().nullable(),
  headingSpan: spanSchema.nullable(),
  span: spanSchema,
  itemCount: z.number().int(),
});

export const reportViewSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  organisation: z.string(),
  organisationEvidence: z.string(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  source: z.string().nullable(),
  readerVersion: z.string(),
  textLength: z.number().int(),
  recordedAt: z.string(),
  version: z.string(),
  parts: z.array(reportPartSchema),
});
z.globalRegistry.add(reportViewSchema, { id: 'Report' });

export const organisationViewSchema = z.object({
  name: z.string(),
  summaryYears: z.array(z.number().int()),
  planYears: z.array(z.number().int()),
  reportCount: z.number().int(),
});

const statusCountsSchema = z.record(commitmentStatusSchema, z.number().int());
const scorecardLineSchema = z.object({
  organisation: z.string(),
  year: z.number().int(),
  counts: statusCountsSchema,
  total: z.number().int(),
  assessable: z.number().int(),
  followThroughRate: z.number().nullable(),
});

export const scorecardViewSchema = z.object({
  organisation: z.string(),
  year: z.number().int(),
  areas: z.array(scorecardLineSchema.extend({ area: z.string().nullable() })),
  total: scorecardLineSchema,
});
z.globalRegistry.add(scorecardViewSchema, { id: 'Scorecard' });

export const scorecardTotalsSchema = z.object({
  items: z.array(scorecardLineSchema).describe('One total per organisation and plan year, ordered by organisation, then year'),
});
z.globalRegistry.add(scorecardTotalsSchema, { id: 'ScorecardTotals' });

export const changeViewSchema = z.object({
  commitmentId: z.string(),
  position: z.string(),
  status: commitmentStatusSchema,
});

/** Compiles only when the read side's type fits the schema's output in both directions. */
type Agrees<Schema extends z.ZodType, View> = [View] extends [z.output<Schema>] ? ([z.output<Schema>] extends [View] ? true : false) : false;
const agreements: [
  Agrees<typeof commitmentViewSchema, CommitmentView>,
  Agrees<typeof timelineEntrySchema, TimelineRow>,
  Agrees<typeof reportViewSchema, ReportView>,
  Agrees<typeof organisationViewSchema, OrganisationView>,
  Agrees<typeof scorecardViewSchema, ScorecardView>,
  Agrees<typeof changeViewSchema, ChangeView>,
] = [true, true, true, true, true, true];
void agreements;
const totalsAgree: Agrees<typeof scorecardLineSchema, ScorecardTotal> = true;
void totalsAgree;
