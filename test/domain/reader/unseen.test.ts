/**
 * Reports the reader was not developed against (test/fixtures/unseen, SOURCES.md there): the facts below were
 * checked by reading each text.
 */
import { readFileSync } from 'node:fs';
import t, { type Test } from 'tap';
import { parsedReportSchema, type ParsedReport } from '../../../domain/reader/parsed-report.ts';
import { readReport } from '../../../domain/reader/read-report.ts';

const FIXTURES = new URL('../../fixtures/unseen/', import.meta.url);

function textOf(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function read(t: Test, name: string): { text: string; report: ParsedReport } {
  const text = textOf(name);
  const result = readReport(text);
  if (!result.ok) throw new Error(`${name}: expected a report, got ${result.error.reason}`);
  t.ok(parsedReportSchema.safeParse(result.report).success, 'the report satisfies the contract schema');
  for (const commitment of result.report.plan?.commitments ?? []) t.equal(text.slice(...commitment.span), commitment.text, 'commitment span quotes the text');
  for (const outcome of result.report.summary?.outcomes ?? []) t.equal(text.slice(...outcome.span), outcome.text, 'outcome span quotes the text');
  return { text, report: result.report };
}

t.test('Beijing 2024 report, PDF fragments: no plan heading, the main targets open the plan', async (t) => {
  const { report } = read(t, 'beijing-city-2024-report-pdf-fragments.txt');
  t.equal(report.organisation.name, '北京市人民政府');
  t.equal(report.publishedAt, null, 'the fragments carry no dateline');
  t.equal(report.summary?.year, 2023);
  t.equal(report.summary?.heading, '一、2023年工作回顾');
  t.equal(report.plan?.year, 2024);
  t.equal(report.plan?.heading, null);
  const targets = report.plan!.commitments.flatMap((c) => c.targets.map((target) => [target.min, target.unit, target.comparator, target.direction]));
  t.same(
    targets,
    [
      [5, '%', 'about', 'higher_better'],
      [5, '%', 'at_least', 'higher_better'],
      [5, '%', 'at_most', 'lower_better'],
      [3, '%', 'about', 'lower_better'],
    ],
    'GDP 5% about, revenue 5%, unemployment within 5%, CPI about 3%; the announced eleven areas are no target',
  );
  t.same(report.plan!.commitments[0]!.targets.map((target) => target.object), ['地区生产总值增长', '一般公共预算收入增长']);
});
