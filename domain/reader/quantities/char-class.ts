/**
 * Sets of UTF-16 code units tested by code (`text.charCodeAt(i)`) rather than by one-character strings: `charAt` of a
 * CJK character allocates a new string on every call, and the scanners test nearly every character of a report.
 */
export class CharClass {
  private readonly bits = new Uint32Array(2048);

  /** Every code unit of `chars` is a member. */
  constructor(chars: string) {
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      this.bits[code >>> 5]! |= 1 << (code & 31);
    }
  }

  /** False for NaN, which is what `charCodeAt` returns past either end of a text. */
  has(code: number): boolean {
    return code < 65536 && ((this.bits[code >>> 5]! >>> (code & 31)) & 1) === 1;
  }
}

/**
 * Words grouped by their first code unit, each group in the order of `words`: the first word of a group that matches
 * at a position is the first word of the whole list that matches there.
 */
export function wordsByFirstCode(words: readonly string[]): ReadonlyMap<number, readonly string[]> {
  return wordsGroupedBy(words, (word) => word.charCodeAt(0));
}

/** Words grouped by their last code unit, each group in the order of `words`. */
export function wordsByLastCode(words: readonly string[]): ReadonlyMap<number, readonly string[]> {
  return wordsGroupedBy(words, (word) => word.charCodeAt(word.length - 1));
}

function wordsGroupedBy(words: readonly string[], codeOf: (word: string) => number): ReadonlyMap<number, readonly string[]> {
  const groups = new Map<number, string[]>();
  for (const word of words) {
    const code = codeOf(word);
    const group = groups.get(code);
    if (group === undefined) groups.set(code, [word]);
    else group.push(word);
  }
  return groups;
}

/** The first of `words` (in their order) that `text` holds at `index`, or null. */
export function firstWordAt(groups: ReadonlyMap<number, readonly string[]>, text: string, index: number): string | null {
  const group = groups.get(text.charCodeAt(index));
  if (group === undefined) return null;
  for (const word of group) if (text.startsWith(word, index)) return word;
  return null;
}
