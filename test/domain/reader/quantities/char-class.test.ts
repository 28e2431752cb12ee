/**
 * The code-unit lookups the scanners use in place of one-character strings must answer exactly as the string
 * operations they replace: membership as `Set.has(charAt(i))`, word lookup as `words.find(startsWith)`.
 */
import t from 'tap';
import fc from 'fast-check';
import {
  CharClass,
  firstWordAt,
  wordsByFirstCode,
  wordsByLastCode,
} from '../../../../domain/reader/quantities/char-class.ts';

const ALPHABET = [...'0123456789０９.．,，-—“”"《》\n\r \u3000一二十百万亿个人次元以上下内约近超过不少于', '\ud83d', '\ude00'];
const someText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((chars) => chars.join('')),
);
const someWords = fc.array(fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 4 }).map((chars) => chars.join('')), {
  maxLength: 12,
});

t.test('given any characters, when a class is built, then it holds exactly their code units', async (t) => {
  fc.assert(
    fc.property(someText, someText, (members, probe) => {
      const chars = new CharClass(members);
      const asSet = new Set(members.split(''));
      for (let i = -1; i <= probe.length; i++) {
        if (chars.has(probe.charCodeAt(i)) !== asSet.has(probe.charAt(i))) return false;
      }
      return true;
    }),
  );
  t.equal(new CharClass('\0a').has(NaN), false, 'past either end of a text (NaN) is never a member');
  t.equal(new CharClass('\uffff').has(0xffff), true, 'the last code unit can be a member');
});

t.test('given words grouped by first code unit, when looked up at a position, then the first matching word of the list is found', async (t) => {
  fc.assert(
    fc.property(someWords, someText, (words, text) => {
      const groups = wordsByFirstCode(words);
      for (let index = 0; index <= text.length; index++) {
        const expected = words.find((word) => text.startsWith(word, index)) ?? null;
        if (firstWordAt(groups, text, index) !== expected) return false;
      }
      return true;
    }),
  );
  t.equal(firstWordAt(wordsByFirstCode(['以', '以上']), '3个以上', 2), '以', 'list order wins, as with find');
});

t.test('given words grouped by last code unit, when a position is looked up, then the group keeps the list order', async (t) => {
  fc.assert(
    fc.property(someWords, someText, (words, text) => {
      const groups = wordsByLastCode(words);
      for (let end = 0; end <= text.length; end++) {
        const expected = words.filter((word) => end >= word.length && text.startsWith(word, end - word.length));
        const candidates = groups.get(text.charCodeAt(end - 1)) ?? [];
        const found = candidates.filter((word) => end >= word.length && text.startsWith(word, end - word.length));
        if (JSON.stringify(found) !== JSON.stringify(expected)) return false;
      }
      return true;
    }),
  );
  t.same(wordsByLastCode(['不超过', '超', '超过', '过']).get('过'.charCodeAt(0)), ['不超过', '超过', '过']);
});
