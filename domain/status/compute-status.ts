/**
 * Plan-versus-actual status of one commitment, from events only (pure).
 *
 * Order of the rules:
 * 1. withdrawn → `withdrawn`;
 * 2. the summary of the plan year is not ingested → `pending`;
 * 3. each target is judged on the figure of its best usable link (target-verdict.ts); without a figure, on the
 *    wording of a linked statement that gives a verdict; else it has `no_evidence`;
 * 4. a commitment with judged targets rolls up from them: all achieved → achieved; at least one achieved and the
 *    rest missed or unreported → partially_achieved; none achieved → partially_achieved if any count was partly
 *    reached, else not_achieved;
 * 5. a commitment with no judged target is judged on the wording of the statements linked to its task
 *    (wording-verdict.ts), and has `no_evidence` when none is linked;
 * 6. a reviewer's assessment overrides the status; `computedStatus` keeps what the rules said.
 */
import type { CommitmentStatus, RecordedTarget } from '../events/commitment-events.ts';
import { toBaseUnit } from '../matching/base-unit.ts';
import { chooseFigure, figuresOf, targetMetricWords } from '../matching/select-actual.ts';
import { termsOf } from '../matching/text-terms.ts';
import type { StatusInput, StatusResult, TargetStatus } from './status-result.ts';
import { judgeTargetFigure, type Verdict } from './target-verdict.ts';
import { usableEvidence, type EvidenceItem } from './usable-evidence.ts';
import { judgeByWording } from './wording-verdict.ts';

const JUDGED: ReadonlySet<CommitmentStatus> = new Set(['achieved', 'partially_achieved', 'not_achieved']);

interface JudgedTarget {
  status: TargetStatus;
  linkIds: string[];
}

function uniformTargets(targets: readonly RecordedTarget[], verdict: Verdict): TargetStatus[] {
  return targets.map((target) => ({ targetId: target.targetId, status: verdict.status, actual: null, rule: verdict.rule, reason: verdict.reason }));
}

/**
 * A target's metric words and their terms, by target object, for the commitment text they were read from. A
 * commitment is re-judged whenever a link, an outcome or a summary arrives; its targets' words only change with
 * its text, so they are read once per text. Invisible to callers: the same input gives the same answer.
 */
const metricWordsByTarget = new WeakMap<RecordedTarget, { text: string | null; words: string; terms: ReadonlySet<string> }>();

function metricWordsOfTarget(target: RecordedTarget, input: StatusInput): { words: string; terms: ReadonlySet<string> } {
  const commitment = input.commitment ?? null;
  const text = commitment === null ? null : `${commitment.span[0]}:${commitment.text}`;
  let read = metricWordsByTarget.get(target);
  if (read === undefined || read.text !== text) {
    const words = targetMetricWords(target, commitment);
    read = { text, words, terms: termsOf(words) };
    metricWordsByTarget.set(target, read);
  }
  return read;
}

function judgeTarget(target: RecordedTarget, input: StatusInput): JudgedTarget {
  const links = usableEvidence(input.evidence, target.targetId);
  const { words, terms } = metricWordsOfTarget(target, input);
  for (const link of links) {
    const choice = chooseFigure(target, words, terms, figuresOf(link.outcome));
    if (choice === null) continue;
    const verdict = judgeTargetFigure(target, choice.quantity);
    const { quantity } = choice;
    return {
      status: {
        targetId: target.targetId,
        ...verdict,
        // toPrecision drops the float noise of the division (1.37e12 / 1e12 must read 1.37).
        actual: { value: Number((quantity.value / scaleOf(target)).toPrecision(12)), unit: target.unit, text: quantity.text, span: quantity.span },
      },
      linkIds: [link.linkId],
    };
  }
  const worded = judgeByWording(links.filter((link) => link.outcome.cue !== null));
  if (worded !== null) {
    return {
      status: { targetId: target.targetId, ...worded, rule: `verdict_without_figure/${worded.rule}`, actual: null },
      linkIds: links.filter((link) => link.outcome.cue !== null).map((link) => link.linkId),
    };
  }
  return {
    status: {
      targetId: target.targetId,
      status: 'no_evidence',
      actual: null,
      rule: 'no_figure_reported',
      reason: `${target.object ?? target.text}: the review of ${input.planYear} reports no figure for this metric (target ${target.text}).`,
    },
    linkIds: [],
  };
}

/** How many base units one unit as written holds (`万人` → 10 000), to state the actual in the target's unit. */
function scaleOf(target: RecordedTarget): number {
  return toBaseUnit(1, target.unit).value;
}

function rollUp(judged: readonly TargetStatus[]): Verdict | null {
  const assessed = judged.filter((target) => JUDGED.has(target.status));
  if (assessed.length === 0) return null;
  const count = (status: CommitmentStatus): number => judged.filter((target) => target.status === status).length;
  const achieved = count('achieved');
  const partly = count('partially_achieved');
  const missed = count('not_achieved');
  const unreported = judged.length - assessed.length;
  const tally = `${achieved} of ${judged.length} targets achieved, ${partly} partly, ${missed} missed, ${unreported} without a reported figure`;
  if (achieved === judged.length) return { status: 'achieved', rule: 'all_targets_achieved', reason: `All ${judged.length} targets achieved.` };
  if (achieved > 0) {
    return { status: 'partially_achieved', rule: missed + partly > 0 ? 'targets_mixed' : 'targets_achieved_others_unreported', reason: `${tally}.` };
  }
  if (partly > 0) return { status: 'partially_achieved', rule: 'targets_partly_reached', reason: `${tally}.` };
  return { status: 'not_achieved', rule: 'no_target_achieved', reason: `${tally}.` };
}

interface Computed {
  verdict: Verdict;
  targets: TargetStatus[];
  linkIds: string[];
}

function compute(input: StatusInput): Computed {
  if (input.withdrawn !== null) {
    const verdict: Verdict = { status: 'withdrawn', rule: 'withdrawn', reason: `Withdrawn: ${input.withdrawn.reason}` };
    return { verdict, targets: uniformTargets(input.targets, verdict), linkIds: [] };
  }
  if (!input.summaryAvailable) {
    const verdict: Verdict = { status: 'pending', rule: 'summary_not_ingested', reason: `The review of ${input.planYear} has not been ingested yet.` };
    return { verdict, targets: uniformTargets(input.targets, verdict), linkIds: [] };
  }
  const judgedTargets = input.targets.map((target) => judgeTarget(target, input));
  const targets = judgedTargets.map((judged) => judged.status);
  const fromTargets = rollUp(targets);
  if (fromTargets !== null) {
    return { verdict: fromTargets, targets, linkIds: judgedTargets.flatMap((judged) => judged.linkIds) };
  }
  const taskLinks: EvidenceItem[] = usableEvidence(input.evidence, null);
  const worded = judgeByWording(taskLinks);
  if (worded !== null) {
    const unreported = input.targets.length > 0 ? ` No figure was reported for its ${input.targets.length} target(s).` : '';
    return { verdict: { ...worded, reason: `${worded.reason}${unreported}` }, targets, linkIds: taskLinks.map((link) => link.linkId) };
  }
  return {
    verdict: { status: 'no_evidence', rule: 'nothing_in_summary', reason: `Nothing in the review of ${input.planYear} speaks to this commitment.` },
    targets,
    linkIds: [],
  };
}

export function computeStatus(input: StatusInput): StatusResult {
  const { verdict, targets, linkIds } = compute(input);
  const base = { computedStatus: verdict.status, targets, evidenceLinkIds: [...new Set(linkIds)] };
  if (input.assessment !== null && verdict.status !== 'withdrawn') {
    return {
      ...base,
      status: input.assessment.status,
      rule: 'reviewer_assessment',
      reason: `A reviewer assessed it ${input.assessment.status}: ${input.assessment.rationale} (the rules computed ${verdict.status}: ${verdict.reason})`,
    };
  }
  return { ...base, status: verdict.status, rule: verdict.rule, reason: verdict.reason };
}
