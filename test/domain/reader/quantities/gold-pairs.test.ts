/**
 * Table tests from the plan → summary pairs (State Council 2022-2025, Beijing 2025-2026): every numeric target
 * (min, max, unit, comparator, direction) read from its plan text and from its whole paragraph, the precision over
 * the labelled paragraphs, and every numeric outcome read back in the target's unit.
 */
import t from 'tap';
import {
  extractQuantities,
  extractTargets,
  sameBaseUnit,
  toBaseUnit,
} from '../../../../domain/reader/quantities/index.ts';
import type { Target } from '../../../../domain/reader/parsed-report.ts';
import { codePointToIndex, lineAround, loadPairs, type PairTarget } from './gold-fixtures.ts';

const pairs = loadPairs();

function sameAsGold(found: Target, gold: PairTarget): boolean {
  return (
    found.min === gold.min &&
    found.max === gold.max &&
    found.unit === gold.unit?.replaceAll('％', '%') &&
    found.comparator === gold.comparator &&
    found.direction === gold.direction
  );
}

t.test('every numeric target of the pairs, from its plan text and from its paragraph', async (t) => {
  let found = 0;
  let total = 0;
  const misses: string[] = [];
  for (const pair of pairs) {
    for (const gold of pair.targets.filter((target) => target.min !== null)) {
      total++;
      const offset = codePointToIndex(pair.planText, gold.planCharOffset);
      t.equal(pair.planText.slice(offset, offset + gold.planText.length), gold.planText, `${gold.id} located`);
      const fromPlanText = extractTargets(gold.planText, offset).filter((target) => sameAsGold(target, gold));
      const [lineStart, lineEnd] = lineAround(pair.planText, offset);
      const fromParagraph = extractTargets(pair.planText.slice(lineStart, lineEnd), lineStart).filter(
        (target) =>
          sameAsGold(target, gold) && target.span[0] >= offset && target.span[1] <= offset + gold.planText.length,
      );
      if (fromPlanText.length > 0 && fromParagraph.length > 0) found++;
      else misses.push(`${gold.id} ${gold.planText}: ${JSON.stringify(extractTargets(gold.planText, 0))}`);
    }
  }
  t.equal(total, 31, 'the pairs label 31 numeric targets');
  t.ok(found / total >= 0.95, `recall ${found}/${total}`, { misses });
  t.same(misses, [], 'every numeric target read with its comparator and direction');
});

t.test('labelled paragraphs hold no figure outside a labelled target', async (t) => {
  for (const pair of pairs) {
    const labelled = pair.targets.map((target) => {
      const start = codePointToIndex(pair.planText, target.planCharOffset);
      return [start, start + target.planText.length] as const;
    });
    for (const paragraphOffset of [pair.targetParagraphCharOffset, pair.fiscalParagraphCharOffset]) {
      if (paragraphOffset === null) continue;
      const [start, end] = lineAround(pair.planText, codePointToIndex(pair.planText, paragraphOffset));
      const spurious = extractTargets(pair.planText.slice(start, end), start)
        .filter((target) => !labelled.some(([from, to]) => target.span[0] >= from && target.span[1] <= to))
        .map((target) => target.text);
      // Comparisons with last year's budget (`比上年增加1000亿元`) and the five-year energy rule are not targets.
      t.same(spurious, [], `${pair.name} paragraph at ${paragraphOffset}`);
    }
  }
});

t.test('every numeric outcome reads back in the target unit, as a figure for the plan year', async (t) => {
  let exact = 0;
  let total = 0;
  const misses: string[] = [];
  for (const pair of pairs) {
    for (const gold of pair.targets) {
      const outcome = gold.outcome;
      if (outcome === null || outcome.value === null || outcome.unit === null) continue;
      total++;
      const expected = toBaseUnit(outcome.value, outcome.unit);
      const offset = codePointToIndex(pair.summaryText, outcome.charOffset);
      const [lineStart, lineEnd] = lineAround(pair.summaryText, offset);
      const inLine = extractQuantities(pair.summaryText.slice(lineStart, lineEnd), lineStart).filter(
        (quantity) => quantity.span[0] >= offset && quantity.span[1] <= offset + outcome.text.length,
      );
      const matches = [extractQuantities(outcome.text, offset), inLine].every((quantities) =>
        quantities.some(
          (quantity) =>
            quantity.value === expected.value && sameBaseUnit(quantity.unit, outcome.unit ?? '') && !quantity.multiYear,
        ),
      );
      if (matches) exact++;
      else misses.push(`${gold.id} ${outcome.text}: ${JSON.stringify(inLine)}`);
    }
  }
  t.ok(total >= 20, `${total} numeric outcomes`);
  t.ok(exact / total >= 0.95, `exact ${exact}/${total}`, { misses });
  t.same(misses, []);
});

t.test('five-year figures of a review are marked multi-year', async (t) => {
  const pair = pairs[0];
  if (pair === undefined) throw new Error('no pair');
  const at = pair.summaryText.indexOf('年均增长5.1%');
  t.ok(at > 0, 'the 2023 review states a five-year average');
  const [start, end] = lineAround(pair.summaryText, at);
  const average = extractQuantities(pair.summaryText.slice(start, end), start).find(
    (quantity) => quantity.span[0] === at + '年均增长'.length,
  );
  t.equal(average?.value, 5.1);
  t.equal(average?.multiYear, true);
});
