/**
 * The machine-readable summary printed by `npm run eval -- --json`: every score, with each tally carrying its ratio.
 */
import type { AimCheck } from './aims.ts';
import type { EvalResult } from './evaluate.ts';
import { ratio, type Tally } from './tally.ts';

function isTally(value: unknown): value is Tally {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('hits') && keys.includes('total');
}

function withRatios(_key: string, value: unknown): unknown {
  return isTally(value) ? { ...value, ratio: ratio(value) } : value;
}

export function evalJson(goldDir: string, result: EvalResult, aims: readonly AimCheck[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ gold: goldDir, ...result, ...extra, aims }, withRatios, 2);
}
