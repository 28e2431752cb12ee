/**
 * When a predicted target is the gold one: same range ends and unit, and the same comparator where the gold
 * labels one (the seeds' gold does not).
 */
import type { Comparator, Target } from '../domain/reader/parsed-report.ts';
import { sameNumber, sameUnit } from './same-figure.ts';

export interface ExpectedTarget {
  min: number;
  max: number;
  unit: string;
  comparator?: Comparator | undefined;
}

export function targetAgrees(gold: ExpectedTarget, predicted: Target): boolean {
  return (
    sameNumber(gold.min, predicted.min) &&
    sameNumber(gold.max, predicted.max) &&
    sameUnit(gold.unit, predicted.unit) &&
    (gold.comparator === undefined || gold.comparator === predicted.comparator)
  );
}

export function describeTarget(target: ExpectedTarget & { text?: string }): string {
  const range = target.min === target.max ? `${target.min}` : `${target.min}-${target.max}`;
  const comparator = target.comparator === undefined ? '' : ` ${target.comparator}`;
  const text = target.text === undefined ? '' : ` «${target.text}»`;
  return `${range} ${target.unit}${comparator}${text}`;
}
