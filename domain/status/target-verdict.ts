/**
 * The verdict on one target given the figure the review reports for its metric.
 *
 * A target is a floor or a ceiling. Lower-is-better metrics (unemployment, prices, deficits) are ceilings whatever
 * word the plan used, and so is any target the plan itself caps (`以内`, `控制在`); other targets are floors.
 * `左右` (about) leaves 5% of slack on the side that counts: a floor is met at ≥ 0.95 × target, a ceiling at
 * ≤ 1.05 × target. A range is met at its lower end (floor) or upper end (ceiling).
 * A miss on a rate (`%`, `…率`) is `not_achieved`: a rate is met or missed. A count or amount under its floor is
 * `partially_achieved` (some of it was done), or `not_achieved` when nothing was; an amount over its ceiling is
 * `not_achieved`.
 */
import type { CommitmentStatus, RecordedTarget } from '../events/commitment-events.ts';
import type { Quantity } from '../reader/parsed-report.ts';
import { toBaseUnit } from '../matching/base-unit.ts';

export interface Verdict {
  status: CommitmentStatus;
  rule: string;
  reason: string;
}

const ABOUT_SLACK = 0.05;
/** Qualifiers saying the true figure lies just under / just over the number written. */
const BELOW_WRITTEN = new Set(['近', '不足', '以下']);
const ABOVE_WRITTEN = new Set(['超过', '多', '余', '以上']);

type Bound = { kind: 'floor' | 'ceiling'; limit: number; description: string };

/** A number for people: no float noise (`1.3699999999` → `1.37`). */
export function displayNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}

function isRate(target: RecordedTarget): boolean {
  return toBaseUnit(1, target.unit).unit === '%' || (target.object ?? '').includes('率');
}

function boundOf(target: RecordedTarget, scale: number): Bound {
  const min = target.min * scale;
  const max = target.max * scale;
  const written = (value: number): string => `${displayNumber(value / scale)}${target.unit}`;
  const isCeiling = target.direction === 'lower_better' || target.comparator === 'at_most';
  if (target.comparator === 'about') {
    return isCeiling
      ? { kind: 'ceiling', limit: max * (1 + ABOUT_SLACK), description: `about ${written(max)} (met at ≤ ${written(max * (1 + ABOUT_SLACK))})` }
      : { kind: 'floor', limit: min * (1 - ABOUT_SLACK), description: `about ${written(min)} (met at ≥ ${written(min * (1 - ABOUT_SLACK))})` };
  }
  if (isCeiling) {
    const label = target.comparator === 'range' ? `a range of ${written(min)}–${written(max)}` : `at most ${written(max)}`;
    return { kind: 'ceiling', limit: max, description: `${label} (a ceiling: met at ≤ ${written(max)})` };
  }
  const label = target.comparator === 'range' ? `a range of ${written(min)}–${written(max)}` : `at least ${written(min)}`;
  return { kind: 'floor', limit: min, description: `${label} (met at ≥ ${written(min)})` };
}

/** Whether a written figure meets the bound, reading `近`/`超过` as just under/over the number written. */
function meets(bound: Bound, value: number, qualifier: string | null): boolean {
  const tolerance = Math.abs(bound.limit) * 1e-9;
  if (bound.kind === 'floor') {
    return qualifier !== null && BELOW_WRITTEN.has(qualifier) ? value > bound.limit + tolerance : value >= bound.limit - tolerance;
  }
  return qualifier !== null && ABOVE_WRITTEN.has(qualifier) ? value < bound.limit - tolerance : value <= bound.limit + tolerance;
}

/** Judges `target` against the figure `actual` (a quantity in its base unit). */
export function judgeTargetFigure(target: RecordedTarget, actual: Quantity): Verdict {
  const scale = toBaseUnit(1, target.unit).value;
  const bound = boundOf(target, scale);
  const metric = target.object ?? target.text;
  const reported = `${actual.qualifier === '近' || actual.qualifier === '超过' || actual.qualifier === '不足' ? actual.qualifier : ''}${displayNumber(actual.value / scale)}${target.unit}${actual.qualifier === '余' || actual.qualifier === '多' || actual.qualifier === '以上' ? `(${actual.qualifier})` : ''}`;
  const comparison = `${metric}: reported ${reported} ("${actual.text}") against the target ${bound.description}`;
  if (meets(bound, actual.value, actual.qualifier)) {
    return { status: 'achieved', rule: bound.kind === 'floor' ? 'floor_met' : 'ceiling_met', reason: `${comparison}: met.` };
  }
  if (bound.kind === 'ceiling') {
    return isRate(target)
      ? { status: 'not_achieved', rule: 'rate_above_ceiling', reason: `${comparison}: above the ceiling; a rate is met or missed.` }
      : { status: 'not_achieved', rule: 'amount_above_ceiling', reason: `${comparison}: above the ceiling.` };
  }
  if (isRate(target)) {
    return { status: 'not_achieved', rule: 'rate_below_floor', reason: `${comparison}: below it; a rate is met or missed.` };
  }
  if (actual.value <= 0) {
    return { status: 'not_achieved', rule: 'count_none', reason: `${comparison}: nothing of it was reported done.` };
  }
  return { status: 'partially_achieved', rule: 'count_below_target', reason: `${comparison}: below it; part of the count or amount was reached.` };
}
