/**
 * The reader against the hand-made gold annotations: every metadata field of the seeds exact, commitment precision
 * and recall ≥ 0.95 (matched by `startsWith`) with the gold area; for the pair reports, organisation, years and
 * headings, and the main-targets sentence as one commitment carrying the labelled figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { readReport } from '../../../domain/reader/read-report.ts';
import type { ParsedReport } from '../../../domain/reader/parsed-report.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const goldDir = join(root, 'test/fixtures/gold');

interface GoldCommitment {
  area: string | null;
  marker: string | null;
  startsWith: string;
}
interface GoldDocument {
  file: string;
  title: string | null;
  org: string;
  publishedAt: string | null;
  summaryYear: number | null;
  planYear: number | null;
  summaryHeading: string | null;
  planHeading: string | null;
  commitments: GoldCommitment[];
}
interface GoldPair {
  org: string;
  planYear: number;
  planFile: string;
  summaryFile: string;
  planHeading: string;
  summaryHeading: string;
  targetParagraphCharOffset: number;
  targets: Array<{ planText: string; planCharOffset: number; min: number | null; unit: string | null; source: string }>;
}

const manifest = JSON.parse(readFileSync(join(root, 'seeds/manifest.json'), 'utf8')) as { reports: Array<{ file: string; original: string }> };
const seedFile = new Map(manifest.reports.map((report) => [report.original, report.file]));
const gold = JSON.parse(readFileSync(join(goldDir, 'seeds.gold.json'), 'utf8')) as { documents: GoldDocument[] };

function readOk(text: string): ParsedReport {
  const result = readReport(text);
  if (!result.ok) throw new Error(`unreadable: ${result.error.reason}`);
  return result.report;
}

let matched = 0;
let predictedCount = 0;
let goldCount = 0;
for (const document of gold.documents) {
  const file = seedFile.get(document.file);
  if (file === undefined) throw new Error(`seed for ${document.file} missing from the manifest`);
  const report = readOk(readFileSync(join(root, 'seeds', file), 'utf8'));
  t.test(`seed ${file}`, async (t) => {
    t.equal(report.organisation.name, document.org, 'organisation');
    t.equal(report.publishedAt?.slice(0, 10) ?? null, document.publishedAt, 'publication date');
    t.equal(report.title, document.title, 'title');
    t.equal(report.summary?.year ?? null, document.summaryYear, 'summary year');
    t.equal(report.plan?.year ?? null, document.planYear, 'plan year');
    t.equal(report.summary?.heading ?? null, document.summaryHeading, 'summary heading');
    t.equal(report.plan?.heading ?? null, document.planHeading, 'plan heading');
    const predicted = [...(report.plan?.commitments ?? [])];
    for (const expected of document.commitments) {
      const index = predicted.findIndex((commitment) => commitment.text.startsWith(expected.startsWith));
      const found = index === -1 ? undefined : predicted.splice(index, 1)[0];
      t.ok(found, `commitment ${expected.startsWith} found`);
      if (found === undefined) continue;
      matched++;
      t.equal(found.area, expected.area, `area of ${expected.startsWith}`);
      t.equal(found.marker, expected.marker, `marker of ${expected.startsWith}`);
    }
    predictedCount += report.plan?.commitments.length ?? 0;
    goldCount += document.commitments.length;
  });
}

t.test('commitment precision and recall over the seeds', async (t) => {
  t.ok(goldCount > 0, 'the gold has commitments');
  t.ok(matched / predictedCount >= 0.95, `precision ${matched}/${predictedCount}`);
  t.ok(matched / goldCount >= 0.95, `recall ${matched}/${goldCount}`);
});

const pairFiles = [
  'stateCouncil_2022_report__stateCouncil_2023_report.gold.json',
  'stateCouncil_2023_report__stateCouncil_2024_report.gold.json',
  'stateCouncil_2024_report__stateCouncil_2025_report.gold.json',
  'beijing_gov_2025_report__beijing_gov_2026_report.gold.json',
];
for (const pairFile of pairFiles) {
  const pair = JSON.parse(readFileSync(join(goldDir, 'pairs', pairFile), 'utf8')) as GoldPair;
  const organisation = pair.org === '国务院' ? pair.org : `${pair.org}人民政府`;
  t.test(`pair ${pairFile}`, async (t) => {
    const planText = readFileSync(join(goldDir, 'pairs', pair.planFile), 'utf8');
    const plan = readOk(planText);
    t.equal(plan.organisation.name, organisation, 'plan report organisation');
    t.equal(plan.plan?.year, pair.planYear, 'plan year');
    t.equal(plan.plan?.heading, pair.planHeading.trim(), 'plan heading');
    const summary = readOk(readFileSync(join(goldDir, 'pairs', pair.summaryFile), 'utf8'));
    t.equal(summary.organisation.name, organisation, 'summary report organisation');
    t.equal(summary.summary?.year, pair.planYear, 'summary year');
    t.equal(summary.summary?.heading, pair.summaryHeading.trim(), 'summary heading');
    // The gold offset is the paragraph's line start, indentation included; the commitment starts at its text.
    const paragraphEnd = planText.indexOf('\n', pair.targetParagraphCharOffset);
    const mainTargets =
      plan.plan?.commitments.filter((c) => c.span[0] >= pair.targetParagraphCharOffset && c.span[0] < paragraphEnd && c.text.includes('主要预期目标')) ?? [];
    t.equal(mainTargets.length, 1, 'the main-targets paragraph is one commitment');
    const labelled = pair.targets.filter((target) => target.source === 'targets_paragraph' && target.min !== null);
    for (const label of labelled) {
      t.equal(planText.slice(label.planCharOffset, label.planCharOffset + label.planText.length), label.planText, 'labels index the text');
      const carried = mainTargets[0]?.targets.some(
        (target) => target.span[0] < label.planCharOffset + label.planText.length && label.planCharOffset < target.span[1] && target.min === label.min,
      );
      t.ok(carried, `the commitment carries ${label.planText}`);
    }
  });
}
