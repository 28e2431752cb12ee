/**
 * Where a text quotes (`“四个意识”`, `”三社联动”`) or names a document (`《…办法》`): numbers there are names.
 * A forward cursor: questions must come in increasing position, so the whole scan stays linear with no per-text tables.
 * The scanner walks the text through `nextFlagged`, so each character is read once for both the marks and the numbers.
 */
const NOT_A_MARK = 0;
const LINE_BREAK = 1;
const QUOTE_MARK = 2;
const TITLE_OPEN = 3;
const TITLE_CLOSE = 4;

/** The kind of mark of each UTF-16 code unit (NOT_A_MARK for nearly all of them). */
const MARK_KINDS: Uint8Array = markKinds();

function markKinds(): Uint8Array {
  const kinds = new Uint8Array(65536);
  const set = (chars: string, kind: number): void => {
    for (let i = 0; i < chars.length; i++) kinds[chars.charCodeAt(i)] = kind;
  };
  set('\n\r', LINE_BREAK);
  set('“”"＂「」『』‘’', QUOTE_MARK);
  set('《', TITLE_OPEN);
  set('》', TITLE_CLOSE);
  return kinds;
}

/** Longer "quotes" are taken to be stray or unbalanced marks rather than quoted names. */
const LONGEST_QUOTED_NAME = 32;

export class TextMarks {
  private readonly text: string;
  /** The marks of every character before `cursor` have been read. */
  private cursor = 0;
  private quotesOnLine = 0;
  private lastQuote = -1;
  private titleDepth = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** True when [start, end) sits between a pair of quote marks on one line. `start` never decreases between calls. */
  isQuoted(start: number, end: number): boolean {
    this.advanceTo(start);
    if (this.quotesOnLine % 2 === 0 || this.lastQuote < 0) return false;
    const text = this.text;
    const limit = Math.min(text.length, this.lastQuote + LONGEST_QUOTED_NAME + 1);
    for (let index = end; index < limit; index++) {
      const kind = MARK_KINDS[text.charCodeAt(index)];
      if (kind === LINE_BREAK) return false;
      if (kind === QUOTE_MARK) return true;
    }
    return false;
  }

  /** True inside `《》` (a document or book title). `index` never decreases between calls. */
  isInTitle(index: number): boolean {
    this.advanceTo(index);
    return this.titleDepth > 0;
  }

  /**
   * The first index at or after `from` whose code unit `flags` marks (non-zero), or the text's length; the marks are
   * read up to that index and no further, so questions about it may follow. `from` never decreases between calls.
   */
  nextFlagged(from: number, flags: Uint8Array): number {
    this.advanceTo(from);
    const text = this.text;
    const length = text.length;
    let at = this.cursor;
    while (at < length) {
      const code = text.charCodeAt(at);
      if (flags[code] !== 0) break;
      const kind = MARK_KINDS[code];
      if (kind !== NOT_A_MARK) this.readMark(kind, at);
      at++;
    }
    this.cursor = at;
    return at;
  }

  private advanceTo(index: number): void {
    const text = this.text;
    const stop = Math.min(index, text.length);
    let at = this.cursor;
    for (; at < stop; at++) {
      const kind = MARK_KINDS[text.charCodeAt(at)];
      if (kind !== NOT_A_MARK) this.readMark(kind, at);
    }
    if (at > this.cursor) this.cursor = at;
  }

  private readMark(kind: number | undefined, at: number): void {
    if (kind === LINE_BREAK) {
      this.quotesOnLine = 0;
      this.lastQuote = -1;
      this.titleDepth = 0;
    } else if (kind === QUOTE_MARK) {
      this.quotesOnLine++;
      this.lastQuote = at;
    } else if (kind === TITLE_OPEN) {
      this.titleDepth++;
    } else if (kind === TITLE_CLOSE) {
      this.titleDepth = Math.max(0, this.titleDepth - 1);
    }
  }
}
