import fc from 'fast-check';
import t from 'tap';
import { comparePositions, parsePosition, positionOf, positionOfSequence, positionParts } from '../../../services/store/position.ts';

const sequence = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const part = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

t.test('a position round-trips through its parts and parses back from its text', async (t) => {
  fc.assert(
    fc.property(part, part, (commit, prepare) => {
      const position = positionOf(commit, prepare);
      const parts = positionParts(position);
      return parts.commit === commit && parts.prepare === prepare && parsePosition(position) === position;
    }),
  );
  t.pass('property held for 100 random (commit, prepare) pairs');
});

t.test('positions compare as their (commit, prepare) pairs do, as plain strings too', async (t) => {
  fc.assert(
    fc.property(part, part, part, part, (c1, p1, c2, p2) => {
      const expected = c1 === c2 ? Math.sign(Number(p1 - p2)) : c1 < c2 ? -1 : 1;
      const a = positionOf(c1, p1);
      const b = positionOf(c2, p2);
      return comparePositions(a, b) === expected && (a < b ? -1 : a > b ? 1 : 0) === expected;
    }),
  );
  t.pass('property held');
});

t.test('the sequence fast path equals positionOf(n, n)', async (t) => {
  fc.assert(fc.property(sequence, (n) => positionOfSequence(n) === positionOf(BigInt(n))));
  t.throws(() => positionOfSequence(-1), RangeError);
  t.throws(() => positionOfSequence(0.5), RangeError);
});

t.test('untrusted tokens that are not positions are refused', async (t) => {
  for (const token of ['', '12', 'ZZZZZZZZZZZZZZZZ.0000000000000000', '0000000000000001.000000000000000', `${'0'.repeat(16)}.${'0'.repeat(16)}x`]) {
    t.equal(parsePosition(token), null, JSON.stringify(token));
  }
});
