/**
 * Plan → next-summary pairs: reads both report texts with the reader, runs the matcher and the status rules, and
 * scores them against the pair gold (test/fixtures/gold/pairs, RULES.md):
 * - outcome found, per target: precision and recall. A found figure is right when its value equals the gold
 *   outcome's value in the target's unit, or its span overlaps the gold outcome phrase;
 * - actual value exact: among right figures whose gold gives a value;
 * - status agreement with the gold status (`unclear` labels are not scored).
 * Gold targets are located among the reader's targets by `planCharOffset` against target spans; a gold target the
 * reader did not produce counts as not found (recall) and as a status disagreement. Gold `qualitative` targets are
 * scored only when the reader produced a target there.
 * Run alone: `node --import tsx eval/pairs-status.ts [--gold DIR] [--json]`.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { CommitmentRecordedV1 } from '../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../domain/events/outcome-events.ts';
import { proposeEvidence, type ProposedLink } from '../domain/matching/propose-evidence.ts';
import type { ParsedReport, Span } from '../domain/reader/parsed-report.ts';
import { readReport } from '../domain/reader/read-report.ts';
import { computeStatus } from '../domain/status/compute-status.ts';
import type { TargetStatus } from '../domain/status/status-result.ts';
import { codePointOffsetToIndex } from './code-points.ts';

const goldOutcomeSchema = z.object({
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  charOffset: z.number().int().nonnegative(),
});

const goldTargetSchema = z.object({
  id: z.string(),
  planText: z.string(),
  planCharOffset: z.number().int().nonnegative(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.string(),
  outcome: goldOutcomeSchema.nullable(),
  status: z.string(),
});
type GoldTarget = z.infer<typeof goldTargetSchema>;

export const goldPairFileSchema = z.object({
  org: z.string(),
  planYear: z.number().int(),
  planFile: z.string(),
  summaryFile: z.string(),
  targets: z.array(goldTargetSchema),
});
export type GoldPairFile = z.infer<typeof goldPairFileSchema>;

export const AIMS = { outcomePrecision: 0.9, outcomeRecall: 0.9, statusAgreement: 0.85 } as const;

export interface TargetOutcomeRow {
  goldId: string;
  planText: string;
  located: boolean;
  goldOutcome: string | null;
  goldValue: number | null;
  found: string | null;
  foundValue: number | null;
  outcomeRight: boolean;
  valueExact: boolean | null;
  goldStatus: string;
  status: string | null;
  statusScored: boolean;
  rule: string | null;
}

export interface PairCounts {
  /** Scorable gold targets (numeric, or qualitative ones the reader produced). */
  targets: number;
  located: number;
  goldOutcomes: number;
  found: number;
  right: number;
  valuesChecked: number;
  valuesExact: number;
  statusScored: number;
  statusAgreed: number;
}

export interface PairScore {
  name: string;
  counts: PairCounts;
  rows: TargetOutcomeRow[];
  /** Why the pair could not be scored (a reader failure, a missing part), or null. */
  problem: string | null;
}

const emptyCounts = (): PairCounts => ({ targets: 0, located: 0, goldOutcomes: 0, found: 0, right: 0, valuesChecked: 0, valuesExact: 0, statusScored: 0, statusAgreed: 0 });

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

interface ReaderTarget {
  commitmentIndex: number;
  targetId: string;
  span: Span;
  min: number;
  max: number;
}

/** Commitments and outcomes as the ledger would record them (ids local to this run). */
function recordsOf(plan: ParsedReport, summary: ParsedReport): { commitments: CommitmentRecordedV1[]; outcomes: OutcomeRecordedV1[] } {
  const commitments = (plan.plan?.commitments ?? []).map((commitment, index): CommitmentRecordedV1 => {
    const commitmentId = `c${String(index).padStart(4, '0')}`;
    return {
      commitmentId,
      reportId: 'plan',
      organisation: plan.organisation.name,
      planYear: plan.plan?.year ?? -1,
      area: commitment.area,
      marker: commitment.marker,
      text: commitment.text,
      normalisedText: commitment.text,
      span: commitment.span,
      targets: commitment.targets.map((target, targetIndex) => ({ ...target, targetId: `${commitmentId}.t${targetIndex}` })),
    };
  });
  const outcomes = (summary.summary?.outcomes ?? []).map((outcome, index): OutcomeRecordedV1 => ({
    outcomeId: `o${String(index).padStart(4, '0')}`,
    reportId: 'summary',
    organisation: summary.organisation.name,
    summaryYear: summary.summary?.year ?? -1,
    area: outcome.area,
    text: outcome.text,
    span: outcome.span,
    quantities: outcome.quantities,
    cue: outcome.cue,
    aboutSummaryYear: outcome.aboutSummaryYear,
  }));
  return { commitments, outcomes };
}

/** The reader's target at the gold phrase: overlapping its span, preferring the one with the gold's value. */
function locate(gold: GoldTarget, planText: string, targets: readonly ReaderTarget[]): ReaderTarget | null {
  const start = codePointOffsetToIndex(planText, gold.planCharOffset);
  const phrase: Span = [start, start + gold.planText.length];
  const inside = targets.filter((target) => overlaps(target.span, phrase));
  return inside.find((target) => gold.min !== null && sameNumber(target.min, gold.min) && gold.max !== null && sameNumber(target.max, gold.max)) ?? inside[0] ?? null;
}

/** Scores one pair from its gold and the two report texts. Pure. */
export function scorePair(name: string, gold: GoldPairFile, planSource: string, summarySource: string): PairScore {
  const planRead = readReport(planSource);
  const summaryRead = readReport(summarySource);
  if (!planRead.ok || !summaryRead.ok) {
    const failure = !planRead.ok ? `plan: ${planRead.error.message}` : !summaryRead.ok ? `summary: ${summaryRead.error.message}` : '';
    return scoreWithoutPrediction(name, gold, failure);
  }
  if (planRead.report.plan === null || summaryRead.report.summary === null) {
    return scoreWithoutPrediction(name, gold, planRead.report.plan === null ? 'no plan part read' : 'no summary part read');
  }
  const { commitments, outcomes } = recordsOf(planRead.report, summaryRead.report);
  const links = proposeEvidence({ organisation: planRead.report.organisation.name, year: planRead.report.plan.year, commitments, outcomes });
  const outcomeById = new Map(outcomes.map((outcome) => [outcome.outcomeId, outcome]));
  const judged = new Map<string, TargetStatus>();
  const linkOfTarget = new Map<string, ProposedLink>();
  for (const link of links) if (link.targetId !== null) linkOfTarget.set(link.targetId, link);
  for (const commitment of commitments) {
    const result = computeStatus({
      planYear: commitment.planYear,
      commitment: { text: commitment.text, span: commitment.span },
      targets: commitment.targets,
      withdrawn: null,
      assessment: null,
      summaryAvailable: summaryRead.report.summary.year === commitment.planYear && summaryRead.report.organisation.name === commitment.organisation,
      evidence: links
        .filter((link) => link.commitmentId === commitment.commitmentId)
        .flatMap((link) => {
          const outcome = outcomeById.get(link.outcomeId);
          return outcome === undefined ? [] : [{ linkId: link.linkId, targetId: link.targetId, score: link.score, state: 'proposed' as const, outcome }];
        }),
    });
    for (const target of result.targets) judged.set(target.targetId, target);
  }
  const readerTargets: ReaderTarget[] = commitments.flatMap((commitment, commitmentIndex) =>
    commitment.targets.map((target) => ({ commitmentIndex, targetId: target.targetId, span: target.span, min: target.min, max: target.max })),
  );
  const rows = gold.targets.flatMap((goldTarget) => {
    const located = locate(goldTarget, planSource, readerTargets);
    const verdict = located === null ? undefined : judged.get(located.targetId);
    return isScorable(goldTarget, located !== null) ? [scoreRow(goldTarget, summarySource, located !== null, verdict ?? null)] : [];
  });
  return { name, counts: tally(rows), rows, problem: null };
}

function scoreRow(gold: GoldTarget, summarySource: string, located: boolean, verdict: TargetStatus | null): TargetOutcomeRow {
  const actual = verdict?.actual ?? null;
  let outcomeRight = false;
  let valueExact: boolean | null = null;
  if (actual !== null && gold.outcome !== null) {
    const start = codePointOffsetToIndex(summarySource, gold.outcome.charOffset);
    const valueMatches = gold.outcome.value !== null && sameNumber(actual.value, gold.outcome.value);
    outcomeRight = valueMatches || overlaps(actual.span, [start, start + gold.outcome.text.length]);
    if (outcomeRight && gold.outcome.value !== null) valueExact = valueMatches;
  }
  return {
    goldId: gold.id,
    planText: gold.planText,
    located,
    goldOutcome: gold.outcome?.text ?? null,
    goldValue: gold.outcome?.value ?? null,
    found: actual?.text ?? null,
    foundValue: actual?.value ?? null,
    outcomeRight,
    valueExact,
    goldStatus: gold.status,
    status: verdict?.status ?? null,
    statusScored: gold.status !== 'unclear',
    rule: verdict?.rule ?? null,
  };
}

/** Numeric gold targets are always scored; qualitative ones only when the reader produced a target there. */
function isScorable(gold: GoldTarget, located: boolean): boolean {
  return gold.comparator !== 'qualitative' || located;
}

function tally(rows: readonly TargetOutcomeRow[]): PairCounts {
  const counts = emptyCounts();
  for (const row of rows) {
    counts.targets++;
    if (row.located) counts.located++;
    if (row.goldOutcome !== null) counts.goldOutcomes++;
    if (row.found !== null) counts.found++;
    if (row.outcomeRight) counts.right++;
    if (row.valueExact !== null) {
      counts.valuesChecked++;
      if (row.valueExact) counts.valuesExact++;
    }
    if (row.statusScored) {
      counts.statusScored++;
      if (row.status === row.goldStatus) counts.statusAgreed++;
    }
  }
  return counts;
}

function scoreWithoutPrediction(name: string, gold: GoldPairFile, problem: string): PairScore {
  const rows = gold.targets.filter((target) => isScorable(target, false)).map((target) => scoreRow(target, '', false, null));
  return { name, counts: tally(rows), rows, problem };
}

export function addCounts(a: PairCounts, b: PairCounts): PairCounts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as Array<keyof PairCounts>) sum[key] = a[key] + b[key];
  return sum;
}

export interface Ratios {
  outcomePrecision: number | null;
  outcomeRecall: number | null;
  valuesExact: number | null;
  statusAgreement: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function ratiosOf(counts: PairCounts): Ratios {
  return {
    outcomePrecision: ratio(counts.right, counts.found),
    outcomeRecall: ratio(counts.right, counts.goldOutcomes),
    valuesExact: ratio(counts.valuesExact, counts.valuesChecked),
    statusAgreement: ratio(counts.statusAgreed, counts.statusScored),
  };
}

export interface PairsStatusReport {
  pairs: PairScore[];
  total: PairCounts;
  ratios: Ratios;
}

/** Reads every `<plan>__<summary>.gold.json` of `pairsDir` with the texts beside them, and scores them. */
export async function evaluatePairsStatus(pairsDir: string): Promise<PairsStatusReport> {
  const names = (await readdir(pairsDir)).filter((name) => name.endsWith('.gold.json')).sort();
  const pairs: PairScore[] = [];
  for (const file of names) {
    const gold = goldPairFileSchema.parse(JSON.parse(await readFile(join(pairsDir, file), 'utf8')));
    const planSource = await readFile(join(pairsDir, gold.planFile), 'utf8');
    const summarySource = await readFile(join(pairsDir, gold.summaryFile), 'utf8');
    pairs.push(scorePair(file.slice(0, -'.gold.json'.length), gold, planSource, summarySource));
  }
  const total = pairs.reduce((sum, pair) => addCounts(sum, pair.counts), emptyCounts());
  return { pairs, total, ratios: ratiosOf(total) };
}

const shown = (value: number | null): string => (value === null ? '  n/a' : value.toFixed(3));

function line(label: string, counts: PairCounts): string {
  const r = ratiosOf(counts);
  return `${label.padEnd(58)} targets ${String(counts.targets).padStart(3)} located ${String(counts.located).padStart(3)}  outcome P ${shown(r.outcomePrecision)} (${counts.right}/${counts.found}) R ${shown(r.outcomeRecall)} (${counts.right}/${counts.goldOutcomes})  value exact ${shown(r.valuesExact)} (${counts.valuesExact}/${counts.valuesChecked})  status ${shown(r.statusAgreement)} (${counts.statusAgreed}/${counts.statusScored})`;
}

/** The readable table: one line per pair, the misses under it, the total and the aims. */
export function formatPairsStatus(report: PairsStatusReport): string[] {
  const lines = ['Pairs: target outcomes and status (matcher term-overlap; gold test/fixtures/gold/pairs)'];
  for (const pair of report.pairs) {
    lines.push(line(pair.name, pair.counts));
    if (pair.problem !== null) lines.push(`    cannot score: ${pair.problem}`);
    for (const row of pair.rows) {
      const outcomeWrong = (row.found !== null && !row.outcomeRight) || (row.goldOutcome !== null && !row.outcomeRight);
      const statusWrong = row.statusScored && row.status !== row.goldStatus;
      if (!outcomeWrong && !statusWrong && row.valueExact !== false) continue;
      lines.push(
        `    ${row.goldId} ${row.planText}: ${row.located ? '' : '[not read as a target] '}found ${row.found ?? '-'} (${row.foundValue ?? '-'}) gold ${row.goldOutcome ?? '-'} (${row.goldValue ?? '-'}); status ${row.status ?? '-'} [${row.rule ?? '-'}] gold ${row.goldStatus}`,
      );
    }
  }
  lines.push(line('TOTAL', report.total));
  lines.push(`aims: outcome recall ≥ ${AIMS.outcomeRecall} at precision ≥ ${AIMS.outcomePrecision}; status agreement ≥ ${AIMS.statusAgreement}`);
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const goldAt = argv.indexOf('--gold');
  const goldDir = goldAt === -1 ? 'test/fixtures/gold' : argv[goldAt + 1];
  if (goldDir === undefined) {
    process.stderr.write('pairs-status: --gold needs a directory\n');
    return 2;
  }
  let report: PairsStatusReport;
  try {
    report = await evaluatePairsStatus(join(goldDir, 'pairs'));
  } catch (error) {
    process.stderr.write(`pairs-status: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return 1;
  }
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${formatPairsStatus(report).join('\n')}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}

/** For `npm run eval` (eval/run.ts): the pairs table after the reader's figures; a failure is one line, not a crash. */
export async function printPairsStatus(goldDir: string, write: (text: string) => void): Promise<void> {
  try {
    write(`\n${formatPairsStatus(await evaluatePairsStatus(join(goldDir, 'pairs'))).join('\n')}\n`);
  } catch (error) {
    write(`\npairs status: not scored: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  }
}
