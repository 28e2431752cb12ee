/**
 * The human-readable report of an evaluation: one table per kind of case, totals against the aims, and (with
 * details) every missed or wrong item, which is what the reader's engineers work from.
 */
import type { AimCheck } from './aims.ts';
import type { EvalResult, PairReportResult, PairTargetResult } from './evaluate.ts';
import { metadataFields } from './score-metadata.ts';
import type { SeedDocumentScore } from './score-seed-document.ts';
import type { SpanScore } from './score-spans.ts';
import { describeTarget } from './target-agreement.ts';
import { ratio, type Tally } from './tally.ts';

export function formatTally(counted: Tally): string {
  const measured = ratio(counted);
  return `${measured === null ? '  n/a' : measured.toFixed(3)} ${counted.hits}/${counted.total}`;
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd();
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((cells) => (cells[index] ?? '').length)));
  return [row(header, widths), row(widths.map((width) => '-'.repeat(width)), widths), ...rows.map((cells) => row(cells, widths))];
}

function short(file: string): string {
  return file.replace(/\.txt$/, '');
}

interface SeedFigures {
  metadata: Tally;
  commitmentPrecision: Tally;
  commitmentRecall: Tally;
  sameArea: Tally;
  targetPrecision: Tally;
  targetRecall: Tally;
  quantitiesFound: Tally;
  quantitiesExact: Tally;
  spans: Tally;
}

function seedRow(name: string, figures: SeedFigures): string[] {
  return [
    name,
    formatTally(figures.metadata),
    formatTally(figures.commitmentPrecision),
    formatTally(figures.commitmentRecall),
    formatTally(figures.sameArea),
    formatTally(figures.targetPrecision),
    formatTally(figures.targetRecall),
    formatTally(figures.quantitiesFound),
    formatTally(figures.quantitiesExact),
    formatTally(figures.spans),
  ];
}

function seedTable(result: EvalResult): string[] {
  const header = ['seed document', 'metadata', 'commitment P', 'commitment R', 'same area', 'target P', 'target R', 'qty found', 'qty exact', 'spans exact'];
  const rows = result.seeds.documents.map((document) =>
    seedRow(short(document.file), {
      metadata: document.metadata.exact,
      commitmentPrecision: document.commitments.commitments.precision,
      commitmentRecall: document.commitments.commitments.recall,
      sameArea: document.commitments.sameArea,
      targetPrecision: document.commitments.targets.precision,
      targetRecall: document.commitments.targets.recall,
      quantitiesFound: document.quantities.found,
      quantitiesExact: document.quantities.exact,
      spans: document.spans.exact,
    }),
  );
  const totals = result.seeds.totals;
  rows.push(
    seedRow('TOTAL', {
      metadata: totals.metadata,
      commitmentPrecision: totals.commitments.precision,
      commitmentRecall: totals.commitments.recall,
      sameArea: totals.sameArea,
      targetPrecision: totals.targets.precision,
      targetRecall: totals.targets.recall,
      quantitiesFound: totals.quantitiesFound,
      quantitiesExact: totals.quantitiesExact,
      spans: totals.spans,
    }),
  );
  return table(header, rows);
}

function pairTargetTable(targets: readonly PairTargetResult[], total: { recall: Tally; precision: Tally }): string[] {
  const rows = targets.map((target) => [target.pair, formatTally(target.score.recall), formatTally(target.score.mainParagraphPrecision), String(target.score.qualitativeLabels)]);
  rows.push(['TOTAL', formatTally(total.recall), formatTally(total.precision), String(targets.reduce((sum, target) => sum + target.score.qualitativeLabels, 0))]);
  return table(['plan → summary pair', 'labelled target R', 'main-paragraph target P', 'qualitative (unscored)'], rows);
}

function pairReportTable(reports: readonly PairReportResult[], total: { metadata: Tally; spans: Tally }): string[] {
  const rows = reports.map((report) => {
    const cells = metadataFields.map((field) => {
      const found = report.metadata.checks.find((check) => check.field === field);
      if (found === undefined) return '-';
      return `${found.exact ? 'ok' : 'WRONG'}${report.derived.includes(field) ? '*' : ''}`;
    });
    return [short(report.file), ...cells, formatTally(report.metadata.exact), formatTally(report.spans.exact)];
  });
  rows.push(['TOTAL', ...metadataFields.map(() => ''), formatTally(total.metadata), formatTally(total.spans)]);
  return [...table(['pair report text', ...metadataFields, 'metadata exact', 'spans exact'], rows), '(- not labelled; * derived: a work report of year Y reviews Y-1 and plans Y)'];
}

function aimTable(aims: readonly AimCheck[]): string[] {
  return table(
    ['figure', 'measured', 'aim', ''],
    aims.map((aim) => [aim.name, formatTally(aim.figure), aim.aim === 1 ? 'exact' : `≥ ${aim.aim.toFixed(2)}`, aim.met === null ? 'n/a' : aim.met ? 'met' : 'below']),
  );
}

function quote(value: string | number | null): string {
  return value === null ? 'null' : typeof value === 'string' ? `«${value}»` : String(value);
}

function spanDetails(spans: SpanScore): string[] {
  return spans.mismatches.map((item) => `  ${item.kind} «${item.text.slice(0, 20)}» is not the source at [${item.span.join(', ')}): «${item.atSpan.slice(0, 20)}»`);
}

function seedDetails(document: SeedDocumentScore): string[] {
  const lines: string[] = [];
  if (document.readError !== null) lines.push(`  read failed: ${document.readError}`);
  for (const check of document.metadata.checks.filter((item) => !item.exact)) {
    lines.push(`  metadata ${check.field}: expected ${quote(check.expected)}, got ${quote(check.predicted)}`);
  }
  const commitments = document.commitments;
  for (const missed of commitments.missedCommitments) lines.push(`  missed commitment: «${missed}»`);
  for (const extra of commitments.extraCommitments) lines.push(`  extra commitment: «${extra}»`);
  for (const area of commitments.areaMismatches) lines.push(`  area of «${area.commitment}»: expected ${quote(area.expected)}, got ${quote(area.predicted)}`);
  for (const missed of commitments.missedTargets) {
    lines.push(`  missed target ${describeTarget(missed.target)} in «${missed.commitment}»${missed.commitmentFound ? '' : ' (commitment missed)'}`);
  }
  for (const extra of commitments.falseAlarmTargets) {
    lines.push(`  false-alarm target ${describeTarget(extra.target)} in «${extra.commitment}»${extra.commitmentMatched ? '' : ' (extra commitment)'}`);
  }
  lines.push(...spanDetails(document.spans));
  for (const check of document.quantities.checks.filter((item) => item.differences.length > 0)) {
    const got = check.predicted === null ? '' : ` (read «${check.predicted.text}» ${check.predicted.value} ${check.predicted.unit} ${check.predicted.qualifier ?? 'no qualifier'})`;
    lines.push(`  quantity «${check.gold.text}» at ${check.goldOffset ?? '?'}: ${check.differences.join(', ')}${got}`);
  }
  return lines.length === 0 ? [] : [`${document.file}:`, ...lines];
}

function pairTargetDetails(target: PairTargetResult): string[] {
  const lines: string[] = [];
  if (target.readError !== null) lines.push(`  read failed: ${target.readError}`);
  lines.push(`  main-paragraph commitment(s): ${target.score.mainParagraphCommitments.map((text) => `«${text}…»`).join(', ') || 'none'}`);
  for (const check of target.score.checks.filter((item) => item.found === null)) {
    const near = check.nearMisses.map((miss) => describeTarget(miss)).join('; ');
    lines.push(`  missed ${check.id} ${describeTarget(check.expected)} «${check.planText}»${near === '' ? ' (nothing read there)' : ` (read there: ${near})`}`);
  }
  for (const extra of target.score.mainParagraphFalseAlarms) lines.push(`  unlabelled target read in the main paragraph: ${describeTarget(extra)}`);
  return [`${target.pair}:`, ...lines];
}

function pairReportDetails(report: PairReportResult): string[] {
  const lines: string[] = [];
  if (report.readError !== null) lines.push(`  read failed: ${report.readError}`);
  for (const check of report.metadata.checks.filter((item) => !item.exact)) {
    lines.push(`  metadata ${check.field}: expected ${quote(check.expected)}, got ${quote(check.predicted)}`);
  }
  lines.push(...spanDetails(report.spans));
  return lines.length === 0 ? [] : [`${report.file}:`, ...lines];
}

export function formatEvalReport(result: EvalResult, aims: readonly AimCheck[], options: { details: boolean }): string[] {
  const lines = ['== Seeds: metadata, plan commitments and targets, summary quantities ==', ...seedTable(result), ''];
  lines.push('== Pairs: labelled plan targets (State Council 2022-2025, Beijing 2025-2026) ==');
  lines.push(...pairTargetTable(result.pairs.targets, { recall: result.pairs.totals.targetRecall, precision: result.pairs.totals.mainParagraphPrecision }), '');
  lines.push('== Pairs: metadata of each report text ==', ...pairReportTable(result.pairs.reports, result.pairs.totals), '');
  if (options.details) {
    lines.push('== Details: every miss ==');
    for (const document of result.seeds.documents) lines.push(...seedDetails(document));
    for (const target of result.pairs.targets) lines.push(...pairTargetDetails(target));
    for (const report of result.pairs.reports) lines.push(...pairReportDetails(report));
    lines.push('');
  }
  lines.push('== Totals against aims ==', ...aimTable(aims));
  return lines;
}
