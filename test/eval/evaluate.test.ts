/**
 * The scorer end to end on the real gold fixtures, with readers built for the purpose: an oracle that answers
 * exactly what the gold says must score 1 everywhere; a reader that fails on every text must score 0 wherever
 * the gold expects something.
 */
import t from 'tap';
import { fileURLToPath } from 'node:url';
import { qualifierSchema, type ParsedReport, type ReadResult, type Target } from '../../domain/reader/parsed-report.ts';
import { aimChecks } from '../../eval/aims.ts';
import { evaluate } from '../../eval/evaluate.ts';
import { formatEvalReport } from '../../eval/format-report.ts';
import { loadGoldSet, type GoldSet } from '../../eval/load-gold.ts';
import { expectedPairReportMetadata } from '../../eval/pair-report-metadata.ts';
import { locateGoldQuantity } from '../../eval/score-quantities.ts';
import { locateGoldTargets, mainParagraphSpan } from '../../eval/score-pair-targets.ts';
import { ratio } from '../../eval/tally.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const loaded = await loadGoldSet(`${root}test/fixtures/gold`, `${root}seeds`);
if (!loaded.ok) throw new Error(loaded.message);
const gold = loaded.gold;

function oracleReports(goldSet: GoldSet): Map<string, ParsedReport> {
  const reports = new Map<string, ParsedReport>();
  for (const seed of goldSet.seeds) {
    const document = seed.gold;
    reports.set(seed.source, {
      organisation: { name: document.org, evidence: document.org },
      publishedAt: document.publishedAt === null ? null : `${document.publishedAt}T00:00:00+08:00`,
      title: null,
      summary:
        document.summaryYear === null
          ? null
          : {
              year: document.summaryYear,
              heading: document.summaryHeading,
              headingSpan: null,
              span: [0, seed.source.length],
              outcomes: document.summaryQuantities.map((quantity) => {
                const at = locateGoldQuantity(seed.source, quantity) ?? 0;
                return {
                  text: quantity.text,
                  span: [at, at + quantity.text.length] as [number, number],
                  area: null,
                  cue: null,
                  aboutSummaryYear: true,
                  quantities: [{ text: quantity.text, span: [at, at + quantity.text.length] as [number, number], value: quantity.value, unit: quantity.unit, qualifier: qualifierSchema.parse(quantity.qualifier), object: null, multiYear: false }],
                };
              }),
            },
      plan:
        document.planYear === null
          ? null
          : {
              year: document.planYear,
              heading: document.planHeading,
              headingSpan: null,
              span: [0, seed.source.length],
              commitments: document.commitments.map((commitment) => {
                const at = seed.source.indexOf(commitment.startsWith);
                return {
                  area: commitment.area,
                  marker: commitment.marker,
                  text: commitment.startsWith,
                  span: [at, at + commitment.startsWith.length] as [number, number],
                  targets: commitment.targets.map((target): Target => {
                    const targetAt = seed.source.indexOf(target.text, at);
                    return { ...target, span: [targetAt, targetAt + target.text.length], comparator: 'at_least', direction: 'higher_better', object: null, multiYear: false };
                  }),
                };
              }),
            },
    });
  }
  const metadata = new Map(expectedPairReportMetadata(goldSet.pairs.map((pair) => pair.gold)).map((item) => [item.file, item.expected]));
  for (const [file, text] of goldSet.pairTexts) {
    const expected = metadata.get(file);
    if (expected === undefined) continue;
    const pair = goldSet.pairs.find((candidate) => candidate.gold.planFile === file);
    const paragraph = pair === undefined ? null : mainParagraphSpan(pair.gold, text);
    reports.set(text, {
      organisation: { name: expected.organisation ?? '', evidence: '' },
      publishedAt: null,
      title: null,
      summary: { year: expected.summaryYear ?? 0, heading: expected.summaryHeading ?? null, headingSpan: null, span: [0, 1], outcomes: [] },
      plan: {
        year: expected.planYear ?? 0,
        heading: expected.planHeading ?? null,
        headingSpan: null,
        span: [0, text.length],
        commitments:
          pair === undefined || paragraph === null
            ? []
            : [
                {
                  area: null,
                  marker: null,
                  text: text.slice(...paragraph),
                  span: paragraph,
                  targets: locateGoldTargets(pair.gold, text).map((label): Target => ({
                    text: label.gold.planText,
                    span: label.span,
                    min: label.expected.min,
                    max: label.expected.max,
                    unit: label.expected.unit,
                    comparator: label.expected.comparator ?? 'at_least',
                    direction: label.gold.direction,
                    object: null,
                    multiYear: false,
                  })),
                },
              ],
      },
    });
  }
  return reports;
}

t.test('the fixtures hold five annotated seeds and four pairs over six report texts', async (t) => {
  t.equal(gold.seeds.length, 5);
  t.equal(gold.pairs.length, 4);
  t.equal(gold.pairTexts.size, 6);
});

t.test('every gold summary quantity is located in its seed text through its context', async (t) => {
  for (const seed of gold.seeds) {
    for (const quantity of seed.gold.summaryQuantities) {
      const at = locateGoldQuantity(seed.source, quantity);
      t.equal(at === null ? null : seed.source.slice(at, at + quantity.text.length), quantity.text, `${seed.file} ${quantity.text}`);
    }
  }
});

t.test('given an oracle reader that answers what the gold says, then every figure is 1', async (t) => {
  const oracle = oracleReports(gold);
  const result = evaluate(gold, (text): ReadResult => {
    const report = oracle.get(text);
    return report === undefined ? { ok: false, error: { reason: 'empty_text', message: 'unknown text' } } : { ok: true, report };
  });
  const aims = aimChecks(result);
  for (const aim of aims) t.equal(ratio(aim.figure), 1, aim.name);
  t.ok(aims.every((aim) => aim.met === true));
  t.equal(result.seeds.totals.commitments.recall.total, gold.seeds.reduce((sum, seed) => sum + seed.gold.commitments.length, 0));
  t.ok(result.pairs.totals.targetRecall.total > 0);
  t.equal(result.pairs.reports.length, 6);
});

t.test('given a reader that fails on every text, then nothing expected is found and the details say why', async (t) => {
  const result = evaluate(gold, (): ReadResult => ({ ok: false, error: { reason: 'no_parts_found', message: 'nothing here' } }));
  t.equal(result.seeds.totals.commitments.recall.hits, 0);
  t.equal(result.seeds.totals.quantitiesFound.hits, 0);
  t.equal(result.pairs.totals.targetRecall.hits, 0);
  t.equal(result.pairs.totals.metadata.hits, 0);
  // Only the gold nulls (e.g. the 2017 review has no plan, no date, no headings) are right when everything is null.
  t.ok(result.seeds.totals.metadata.hits > 0 && result.seeds.totals.metadata.hits < result.seeds.totals.metadata.total);
  const lines = formatEvalReport(result, aimChecks(result), { details: true });
  t.ok(lines.some((line) => line.includes('read failed: no_parts_found: nothing here')));
  t.ok(lines.some((line) => line.startsWith('TOTAL')));
});
