import fc from 'fast-check';
import t from 'tap';
import {
  carriedOverKeyFor,
  commitmentIdFor,
  evidenceLinkIdFor,
  nameBasedUuid,
  nameBasedUuidOfParts,
  normaliseCommitmentText,
  outcomeIdFor,
  reportIdFor,
  sha256Hex,
} from '../../../domain/ids.ts';

t.test('normalised commitment text ignores whitespace, width and trailing punctuation, and is idempotent', async (t) => {
  t.equal(normaliseCommitmentText(' 在全区５６个社区\n建立社会工作点。'), '在全区56个社区建立社会工作点');
  t.equal(normaliseCommitmentText('推进养老服务；'), '推进养老服务');
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-composite' }), fc.constantFrom(' ', '\n', '\t', '\u3000'), fc.nat(), (text, space, at) => {
      const normalised = normaliseCommitmentText(text);
      t.equal(normaliseCommitmentText(normalised), normalised);
      const position = text.length === 0 ? 0 : at % text.length;
      return normaliseCommitmentText(text.slice(0, position) + space + text.slice(position)) === normalised;
    }),
  );
});

t.test('ids are deterministic and keep their inputs apart', async (t) => {
  const identity = { organisation: '国务院', planYear: 2024, normalisedText: '城镇新增就业1200万人以上' };
  t.equal(commitmentIdFor(identity), commitmentIdFor({ ...identity }));
  t.match(commitmentIdFor(identity), /^[0-9a-f]{24}$/);
  t.not(commitmentIdFor(identity), commitmentIdFor({ ...identity, planYear: 2025 }));
  t.not(commitmentIdFor(identity), commitmentIdFor({ ...identity, organisation: '北京市人民政府' }));
  t.equal(carriedOverKeyFor(identity), carriedOverKeyFor({ organisation: '国务院', normalisedText: identity.normalisedText }), 'the carried-over key has no year');
  t.not(outcomeIdFor('r', [1, 23]), outcomeIdFor('r', [12, 3]), 'span ends are separated');
  t.not(evidenceLinkIdFor({ commitmentId: 'c', outcomeId: 'o', targetId: null }), evidenceLinkIdFor({ commitmentId: 'c', outcomeId: 'o', targetId: 'c.t0' }));
  t.equal(reportIdFor(sha256Hex('正文')), sha256Hex('正文'));
  t.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

t.test('name-based UUIDs are valid version-5 UUIDs, one per name', async (t) => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (a, b) => {
      const uuid = nameBasedUuid(a);
      t.equal(nameBasedUuid(a), uuid);
      if (a !== b && nameBasedUuid(b) === uuid) return false;
      return /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid);
    }),
    { numRuns: 200 },
  );
});

t.test('ids stay the SHA-256 of their parts however many are derived (remembered results are bounded)', async (t) => {
  const definition = (...parts: Array<string | number>): string => sha256Hex(parts.join('\u0000')).slice(0, 24);
  const identities = Array.from({ length: 9000 }, (_, index) => ({ organisation: `机构${index % 7}`, planYear: 2020 + (index % 5), normalisedText: `任务${index}` }));
  for (let pass = 0; pass < 2; pass++) {
    const wrong = identities.filter((identity) => commitmentIdFor(identity) !== definition('commitment', identity.organisation, identity.planYear, identity.normalisedText));
    t.equal(wrong.length, 0, `pass ${pass}: every commitment id matches its definition`);
  }
  const texts = identities.map((identity) => ` ${identity.normalisedText}。`);
  t.same(texts.map(normaliseCommitmentText), identities.map((identity) => identity.normalisedText));
  t.same(texts.map(normaliseCommitmentText), identities.map((identity) => identity.normalisedText), 'again, past the bound');
});

t.test('a name-based UUID of parts is the UUID of their concatenation', async (t) => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme' })), (parts) => nameBasedUuidOfParts(parts) === nameBasedUuid(parts.join(''))),
    { numRuns: 200 },
  );
  t.pass();
});
