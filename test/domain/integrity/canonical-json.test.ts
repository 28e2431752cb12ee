import fc from 'fast-check';
import t from 'tap';
import { canonicalJson } from '../../../domain/integrity/canonical-json.ts';

/** Rebuilds an object with its keys in reverse order, recursively. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reverseKeys(member)]));
  }
  return value;
}

const json = fc.jsonValue({ maxDepth: 4, noUnicodeString: false });

t.test('canonical JSON does not depend on key order and parses back to the same value', async () => {
  fc.assert(
    fc.property(json, (value) => {
      const canonical = canonicalJson(value);
      return canonicalJson(reverseKeys(value)) === canonical && canonicalJson(JSON.parse(canonical)) === canonical && canonicalJson(JSON.parse(JSON.stringify(value))) === canonical;
    }),
  );
});

t.test('canonical JSON sorts keys and drops undefined members', async (t) => {
  t.equal(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 0, y: -1.5 } }), '{"a":[true,null,"x"],"b":1,"d":{"y":-1.5,"z":0}}');
  t.throws(() => canonicalJson({ n: Number.NaN }), RangeError);
});
