/**
 * A plan → next-summary pair the matcher was not developed against: the Beijing 2024 report's main targets
 * (test/fixtures/unseen, PDF fragments) against the Beijing 2025 report's review of 2024. Verdicts checked by hand:
 * GDP 5.2% against about 5% is met; budget revenue 3.1% against 5% is missed (a rate below its floor); surveyed
 * unemployment about 4.1% is within 5%; consumer prices up 0.1% stay under about 3%.
 */
import { readFileSync } from 'node:fs';
import t from 'tap';
import type { CommitmentRecordedV1 } from '../../../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../../../domain/events/outcome-events.ts';
import { proposeEvidence } from '../../../domain/matching/propose-evidence.ts';
import { readReport } from '../../../domain/reader/read-report.ts';
import { computeStatus } from '../../../domain/status/compute-status.ts';

function reportOf(path: string) {
  const result = readReport(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.error.reason}`);
  return result.report;
}

t.test('given the Beijing 2024 plan and the Beijing 2025 review of 2024, when matched and judged, then each main target gets the hand-checked verdict', async (t) => {
  const plan = reportOf('../../fixtures/unseen/beijing-city-2024-report-pdf-fragments.txt');
  const summary = reportOf('../../fixtures/gold/pairs/beijing_gov_2025_report.txt');
  t.equal(plan.plan?.year, 2024);
  t.equal(summary.summary?.year, 2024, 'the next report reviews the plan year');
  t.equal(summary.organisation.name, plan.organisation.name);
  const commitments: CommitmentRecordedV1[] = plan.plan!.commitments.map((c, i) => ({
    commitmentId: `c${i}`,
    reportId: 'plan',
    organisation: plan.organisation.name,
    planYear: plan.plan!.year,
    area: c.area,
    marker: c.marker,
    text: c.text,
    normalisedText: c.text,
    span: c.span,
    targets: c.targets.map((target, j) => ({ ...target, targetId: `c${i}.t${j}` })),
  }));
  const outcomes: OutcomeRecordedV1[] = summary.summary!.outcomes.map((o, i) => ({
    outcomeId: `o${i}`,
    reportId: 'summary',
    organisation: summary.organisation.name,
    summaryYear: summary.summary!.year,
    area: o.area,
    text: o.text,
    span: o.span,
    quantities: o.quantities,
    cue: o.cue,
    aboutSummaryYear: o.aboutSummaryYear,
  }));
  const links = proposeEvidence({ organisation: plan.organisation.name, year: 2024, commitments, outcomes });
  const byId = new Map(outcomes.map((o) => [o.outcomeId, o]));
  const verdicts: Array<[number, string, number | null]> = [];
  for (const commitment of commitments) {
    if (commitment.targets.length === 0) continue;
    const result = computeStatus({
      planYear: 2024,
      commitment: { text: commitment.text, span: commitment.span },
      targets: commitment.targets,
      withdrawn: null,
      assessment: null,
      summaryAvailable: true,
      evidence: links
        .filter((link) => link.commitmentId === commitment.commitmentId)
        .flatMap((link) => {
          const outcome = byId.get(link.outcomeId);
          return outcome === undefined ? [] : [{ linkId: link.linkId, targetId: link.targetId, score: link.score, state: 'proposed' as const, outcome }];
        }),
    });
    for (const target of commitment.targets) {
      const verdict = result.targets.find((judged) => judged.targetId === target.targetId);
      verdicts.push([target.min, verdict?.status ?? 'missing', verdict?.actual?.value ?? null]);
    }
  }
  t.same(verdicts, [
    [5, 'achieved', 5.2],
    [5, 'not_achieved', 3.1],
    [5, 'achieved', 4.1],
    [3, 'achieved', 0.1],
  ]);
});
