import fc from 'fast-check';
import t from 'tap';
import { parseApiTokens, roleSchema, type ApiToken } from '../../../../services/api/auth/api-tokens.ts';
import { createTokenVerifier, sha256Hex } from '../../../../services/api/auth/authenticate.ts';

const tokenArbitrary: fc.Arbitrary<ApiToken> = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/),
  sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  roles: fc.uniqueArray(fc.constantFrom(...roleSchema.options), { minLength: 1, maxLength: 4 }),
});

t.test('a configured token list reads back as the tokens written', async (t) => {
  fc.assert(
    fc.property(fc.uniqueArray(tokenArbitrary, { selector: (token) => token.name, maxLength: 5 }), (tokens) => {
      const text = tokens.map((token) => `${token.name}:${token.sha256}:${token.roles.join('+')}`).join(', ');
      const parsed = parseApiTokens(text);
      return parsed.ok && JSON.stringify(parsed.tokens) === JSON.stringify(tokens);
    }),
  );
});

t.test('a malformed entry is refused with a message naming it', async (t) => {
  const hash = 'a'.repeat(64);
  for (const [text, fragment] of [
    [`alice:${hash}`, "entry 'alice' must be"],
    ['alice:nothex:reader', 'sha256'],
    [`alice:${hash}:superuser`, 'roles'],
    [`alice:${hash}:reader,alice:${hash}:admin`, 'configured twice'],
  ] as const) {
    const parsed = parseApiTokens(text);
    t.equal(parsed.ok, false, text);
    if (!parsed.ok) t.match(parsed.message, fragment);
  }
});

t.test('the verifier recognises a token only by the hash of its secret', async (t) => {
  const verifier = createTokenVerifier([{ name: 'bob', sha256: sha256Hex('open-sesame'), roles: ['reviewer'] }]);
  t.equal(verifier.authenticate('Bearer open-sesame!').kind, 'rejected', 'a different secret is refused');
  t.equal(verifier.authenticate(`Bearer ${sha256Hex('open-sesame')}`).kind, 'rejected', 'the hash itself is not a credential');
  const ok = verifier.authenticate('Bearer open-sesame');
  t.equal(ok.kind, 'authenticated');
  if (ok.kind === 'authenticated') t.same([...ok.principal.roles], ['reviewer']);
  t.equal(verifier.authenticate(undefined).kind, 'anonymous');
  t.equal(verifier.authenticate('Basic Ym9iOnB3').kind, 'rejected', 'other schemes are refused, not ignored');
});
