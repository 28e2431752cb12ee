/**
 * Table tests from the seeds' gold: every summary sample quantity (value, unit, qualifier) and every plan target
 * (min, max, unit) with the precision and recall of target extraction over the plan parts.
 */
import t from 'tap';
import { extractQuantities, extractTargets } from '../../../../domain/reader/quantities/index.ts';
import type { Target } from '../../../../domain/reader/parsed-report.ts';
import { lineAround, lineRange, loadSeedDocuments, type SeedDocument } from './gold-fixtures.ts';

const documents = loadSeedDocuments();

/** The gold's context may carry an annotation in parentheses after the quoted text. */
function contextInSource(document: SeedDocument, context: string): string {
  if (document.text.includes(context)) return context;
  const withoutNote = context.replace(/\s*\([^)]*\)\s*$/, '');
  if (document.text.includes(withoutNote)) return withoutNote;
  throw new Error(`context not in seed ${document.file}: ${context}`);
}

t.test('summary sample quantities: value, unit and qualifier from the gold context', async (t) => {
  let exact = 0;
  let total = 0;
  const misses: string[] = [];
  for (const document of documents) {
    for (const gold of document.summaryQuantities) {
      total++;
      const context = contextInSource(document, gold.context);
      const fromContext = extractQuantities(context, 0).find((quantity) => quantity.text === gold.text);
      const contextAt = document.text.indexOf(context);
      const [lineStart, lineEnd] = lineAround(document.text, contextAt);
      const goldStart = contextAt + context.indexOf(gold.text);
      const fromLine = extractQuantities(document.text.slice(lineStart, lineEnd), lineStart).find(
        (quantity) => quantity.span[0] === goldStart && quantity.span[1] === goldStart + gold.text.length,
      );
      const matches = [fromContext, fromLine].every(
        (quantity) =>
          quantity !== undefined &&
          quantity.value === gold.value &&
          quantity.unit === gold.unit &&
          quantity.qualifier === gold.qualifier,
      );
      if (matches) exact++;
      else misses.push(`${gold.text}: context ${JSON.stringify(fromContext)} line ${JSON.stringify(fromLine)}`);
    }
  }
  t.equal(total, 50, 'ten samples for each of the five seeds');
  t.ok(exact / total >= 0.95, `exact ${exact}/${total}`, { misses });
  t.same(misses, [], 'every sample read exactly');
});

interface LocatedCommitment {
  start: number;
  end: number;
  targets: SeedDocument['commitments'][number]['targets'];
}

/** Each commitment runs from its first words to the next commitment or the end of its line. */
function locateCommitments(document: SeedDocument): LocatedCommitment[] {
  if (document.planLines === null) return [];
  const [planStart, planEnd] = lineRange(document.text, document.planLines[0], document.planLines[1]);
  const starts: number[] = [];
  let from = planStart;
  for (const commitment of document.commitments) {
    const at = document.text.indexOf(commitment.startsWith, from);
    if (at === -1 || at >= planEnd) throw new Error(`commitment not found: ${commitment.startsWith}`);
    starts.push(at);
    from = at + 1;
  }
  return document.commitments.map((commitment, index) => {
    const start = starts[index] ?? 0;
    const lineEnd = lineAround(document.text, start)[1];
    const end = Math.min(starts[index + 1] ?? planEnd, lineEnd);
    return { start, end, targets: commitment.targets };
  });
}

function sameTarget(found: Target, gold: LocatedCommitment['targets'][number]): boolean {
  const textsOverlap = gold.text.includes(found.text) || found.text.includes(gold.text);
  return textsOverlap && found.min === gold.min && found.max === gold.max && found.unit === gold.unit;
}

t.test('plan targets of every commitment: precision and recall against the gold', async (t) => {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const errors: string[] = [];
  for (const document of documents) {
    for (const commitment of locateCommitments(document)) {
      const found = extractTargets(document.text.slice(commitment.start, commitment.end), commitment.start);
      for (const target of found) {
        t.equal(
          document.text.slice(target.span[0], target.span[1]),
          target.text,
          'span points at the text in the whole document',
        );
      }
      const unmatched = [...found];
      for (const gold of commitment.targets) {
        const at = unmatched.findIndex((target) => sameTarget(target, gold));
        if (at === -1) {
          falseNegatives++;
          errors.push(`missed ${gold.text}`);
        } else {
          truePositives++;
          unmatched.splice(at, 1);
        }
      }
      falsePositives += unmatched.length;
      errors.push(...unmatched.map((target) => `spurious ${target.text}`));
    }
  }
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  t.equal(truePositives + falseNegatives, 10, 'the gold lists ten targets');
  t.ok(precision >= 0.95, `precision ${precision.toFixed(3)}`, { errors });
  t.ok(recall >= 0.95, `recall ${recall.toFixed(3)}`, { errors });
});

t.test('whole plan parts, preamble and area headings included, hold no target the gold does not list', async (t) => {
  for (const document of documents) {
    if (document.planLines === null) continue;
    const [start, end] = lineRange(document.text, document.planLines[0], document.planLines[1]);
    const found = extractTargets(document.text.slice(start, end), start).map((target) => target.text);
    const gold = document.commitments.flatMap((commitment) => commitment.targets);
    const spurious = found.filter((text) => !gold.some((target) => target.text.includes(text)));
    t.same(spurious, [], `${document.file}: no spurious target`);
    t.equal(found.length, gold.length, `${document.file}: ${gold.length} targets`);
  }
});

t.test('plan targets carry what they count', async (t) => {
  const ningbo = documents.find((document) => document.file.startsWith('003_'));
  if (ningbo === undefined) throw new Error('Ningbo seed missing');
  const text = ningbo.text;
  const at = text.indexOf('2016年计划创建8-10个');
  const [target] = extractTargets(text.slice(at, text.indexOf('。', at)), at);
  t.equal(target?.object, '社区干部挂职基地');
  t.equal(target?.comparator, 'range');
  t.equal(target?.direction, 'higher_better');
});
