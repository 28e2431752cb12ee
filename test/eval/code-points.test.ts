import t from 'tap';
import fc from 'fast-check';
import { codePointOffsetToIndex } from '../../eval/code-points.ts';

t.test('in Basic Multilingual Plane text a code-point offset is the string index', async (t) => {
  t.equal(codePointOffsetToIndex('今年发展主要预期目标', 4), 4);
});

t.test('a character outside the BMP counts once as a code point and twice as an index', async (t) => {
  t.equal(codePointOffsetToIndex('a𠮷b', 2), 3);
});

t.test('the index found points at the same character Python would', async (t) => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, wanted) => {
      const codePoints = [...text];
      const offset = wanted % (codePoints.length + 1);
      return codePointOffsetToIndex(text, offset) === codePoints.slice(0, offset).join('').length;
    }),
  );
});
