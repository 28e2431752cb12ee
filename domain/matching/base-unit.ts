/**
 * Units for comparing a target (unit as written: `万人`, `万亿斤`, `%`) with an outcome quantity (already in its
 * base unit: `人`, `斤`, `%`). Delegates to the quantities module's helpers so the reader and the matcher agree.
 */
export { measureOf, sameBaseUnit, toBaseUnit } from '../reader/quantities/index.ts';
