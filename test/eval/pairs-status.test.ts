import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { formatPairsStatus, goldPairFileSchema, ratiosOf, scorePair, type GoldPairFile } from '../../eval/pairs-status.ts';

const pairs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/gold/pairs');
const read = (name: string): string => readFileSync(path.join(pairs, name), 'utf8');
const gold: GoldPairFile = goldPairFileSchema.parse(JSON.parse(read('stateCouncil_2022_report__stateCouncil_2023_report.gold.json')));
const planSource = read(gold.planFile);
const summarySource = read(gold.summaryFile);

/** The gold with one target changed. */
function withTarget(id: string, change: (target: GoldPairFile['targets'][number]) => GoldPairFile['targets'][number]): GoldPairFile {
  return { ...gold, targets: gold.targets.map((target) => (target.id === id ? change(target) : target)) };
}

const reference = scorePair('reference', gold, planSource, summarySource);

t.test('qualitative gold targets the reader did not produce are left out; numeric ones are all scored', async (t) => {
  const numeric = gold.targets.filter((target) => target.comparator !== 'qualitative').length;
  t.equal(reference.counts.targets, numeric);
  t.equal(reference.rows.find((row) => row.goldId === 'p08-t06'), undefined, '进出口保稳提质 is qualitative');
});

t.test('given a gold outcome elsewhere with another value, then the found figure is wrong: precision and recall drop by one', async (t) => {
  const moved = withTarget('p08-t01', (target) => ({ ...target, outcome: { text: '货物进出口总额增长7.7%', value: 7.7, unit: '%', charOffset: 584 } }));
  const scored = scorePair('moved', moved, planSource, summarySource);
  t.equal(scored.counts.right, reference.counts.right - 1);
  t.equal(scored.counts.found, reference.counts.found);
  const ratios = ratiosOf(scored.counts);
  t.equal(ratios.outcomePrecision, (reference.counts.right - 1) / reference.counts.found);
  t.equal(ratios.outcomeRecall, (reference.counts.right - 1) / reference.counts.goldOutcomes);
});

t.test('given a gold outcome at the same place with another value, then the figure is right by its span but its value is not exact', async (t) => {
  const misvalued = withTarget('p08-t01', (target) => ({ ...target, outcome: target.outcome === null ? null : { ...target.outcome, value: 3.1 } }));
  const scored = scorePair('misvalued', misvalued, planSource, summarySource);
  t.equal(scored.counts.right, reference.counts.right);
  t.equal(scored.counts.valuesExact, reference.counts.valuesExact - 1);
});

t.test('given a gold target where the reader has none, then it counts as not found and as a status disagreement', async (t) => {
  const nowhere = withTarget('p08-t02', (target) => ({ ...target, planCharOffset: 10 }));
  const scored = scorePair('nowhere', nowhere, planSource, summarySource);
  t.equal(scored.counts.located, reference.counts.located - 1);
  t.equal(scored.counts.right, reference.counts.right - 1);
  t.equal(scored.counts.statusAgreed, reference.counts.statusAgreed - 1);
});

t.test('given a gold status of unclear, then the status is not scored', async (t) => {
  const unclear = withTarget('p08-t01', (target) => ({ ...target, status: 'unclear' }));
  t.equal(scorePair('unclear', unclear, planSource, summarySource).counts.statusScored, reference.counts.statusScored - 1);
});

t.test('given a wrong gold status, then agreement drops and the table shows the row', async (t) => {
  const wrong = withTarget('p08-t02', (target) => ({ ...target, status: 'not_achieved' }));
  const scored = scorePair('wrong', wrong, planSource, summarySource);
  t.equal(scored.counts.statusAgreed, reference.counts.statusAgreed - 1);
  const table = formatPairsStatus({ pairs: [scored], total: scored.counts, ratios: ratiosOf(scored.counts) });
  t.ok(table.some((line) => line.includes('p08-t02') && line.includes('gold not_achieved')));
});

t.test('given a text the reader cannot read, then the pair scores nothing found and says why', async (t) => {
  const scored = scorePair('unreadable', gold, '', summarySource);
  t.equal(scored.counts.found, 0);
  t.match(scored.problem, /plan/);
});
