/**
 * The verdict on a commitment (or a target without a figure) from the wording of the statements linked to it.
 * The reader marks each statement's cue: done (`完成`, `建成`), under way (`推进`, `启动`), not done (`未完成`, `未能`).
 * - every cued statement says done → achieved;
 * - some say not done: with others saying done → partially_achieved, else → not_achieved;
 * - otherwise, a statement says under way → in_progress;
 * - linked statements with no cue at all → in_progress: the review speaks to the task (it reports work on it) but
 *   never says it was finished, and these reports announce what they finished; calling it achieved would take
 *   the organisation's silence for a claim.
 */
import type { EvidenceItem } from './usable-evidence.ts';
import type { Verdict } from './target-verdict.ts';

function quoted(items: readonly EvidenceItem[]): string {
  const shown = items.slice(0, 3).map((item) => `"${item.outcome.text.length > 60 ? `${item.outcome.text.slice(0, 60)}…` : item.outcome.text}"`);
  return `${shown.join('; ')}${items.length > 3 ? ` and ${items.length - 3} more` : ''}`;
}

export function judgeByWording(items: readonly EvidenceItem[]): Verdict | null {
  if (items.length === 0) return null;
  const done = items.filter((item) => item.outcome.cue === 'done');
  const underWay = items.filter((item) => item.outcome.cue === 'under_way');
  const notDone = items.filter((item) => item.outcome.cue === 'not_done');
  if (notDone.length > 0 && done.length > 0) {
    return { status: 'partially_achieved', rule: 'wording_mixed', reason: `The review says part is done (${quoted(done)}) and part is not (${quoted(notDone)}).` };
  }
  if (notDone.length > 0) {
    return { status: 'not_achieved', rule: 'wording_not_done', reason: `The review says it was not done: ${quoted(notDone)}.` };
  }
  if (done.length > 0 && underWay.length === 0) {
    return { status: 'achieved', rule: 'wording_done', reason: `The review says it was done: ${quoted(done)}.` };
  }
  if (underWay.length > 0) {
    return { status: 'in_progress', rule: 'wording_under_way', reason: `The review says work is under way: ${quoted(underWay)}.` };
  }
  return {
    status: 'in_progress',
    rule: 'linked_without_cue',
    reason: `The review speaks to this task without saying it was finished: ${quoted(items)}.`,
  };
}
