/**
 * Numbers, quantities and targets in report text. Pure functions: the reader calls `extractQuantities` on outcome
 * statements and `extractTargets` on plan commitments; the matcher compares them with `toBaseUnit`/`sameBaseUnit`.
 */
export { extractQuantities } from './extract-quantities.ts';
export { extractTargets } from './extract-targets.ts';
export { measureOf, toBaseUnit, sameBaseUnit } from './units.ts';
export { parseChineseNumber } from './chinese-number.ts';
export { metricDirection } from './metric-direction.ts';
