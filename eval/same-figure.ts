/**
 * Equality rules for figures read from reports: numbers equal up to floating-point noise (904.1082 × 1e4 is not
 * exactly 9041082 in binary), units equal once full-width signs and surrounding space are folded.
 */
export function sameNumber(left: number, right: number): boolean {
  return Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
}

export function normaliseUnit(unit: string): string {
  return unit.replace(/％/g, '%').replace(/\s+/g, '');
}

export function sameUnit(left: string, right: string): boolean {
  return normaliseUnit(left) === normaliseUnit(right);
}

/** Headings and area lines are compared trimmed: the gold keeps a paragraph's leading ideographic spaces. */
export function sameLine(left: string | null, right: string | null): boolean {
  if (left === null || right === null) return left === right;
  return left.trim() === right.trim();
}
