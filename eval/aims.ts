/**
 * The figures the reader aims for, printed next to the measured ones. They are a measurement, not a gate:
 * the scorer exits 0 whatever they say.
 */
import type { EvalResult } from './evaluate.ts';
import { addTallies, ratio, type Tally } from './tally.ts';

export interface AimCheck {
  name: string;
  figure: Tally;
  aim: number;
  /** null when there was nothing to measure. */
  met: boolean | null;
}

function check(name: string, figure: Tally, aim: number): AimCheck {
  const measured = ratio(figure);
  return { name, figure, aim, met: measured === null ? null : measured >= aim - 1e-12 };
}

export function aimChecks(result: EvalResult): AimCheck[] {
  const seeds = result.seeds.totals;
  const pairs = result.pairs.totals;
  return [
    check('seeds metadata exact', seeds.metadata, 1),
    check('seeds commitment precision', seeds.commitments.precision, 0.95),
    check('seeds commitment recall', seeds.commitments.recall, 0.95),
    check('seeds target precision', seeds.targets.precision, 0.95),
    check('seeds target recall', seeds.targets.recall, 0.95),
    check('seeds quantity values exact', seeds.quantitiesExact, 0.95),
    check('pairs target recall', pairs.targetRecall, 0.95),
    check('pairs main-paragraph target precision', pairs.mainParagraphPrecision, 0.95),
    check('pairs report metadata exact', pairs.metadata, 1),
    check('quoted text equals source at span', addTallies(seeds.spans, pairs.spans), 1),
  ];
}
