/**
 * Where a text quotes (`“四个意识”`, `”三社联动”`) or names a document (`《…办法》`): numbers there are names.
 * A forward cursor: questions must come in increasing position, so the whole scan stays linear with no tables.
 */
const QUOTE_MARKS = new Set(['“', '”', '"', '＂', '「', '」', '『', '』', '‘', '’']);
/** Longer "quotes" are taken to be stray or unbalanced marks rather than quoted names. */
const LONGEST_QUOTED_NAME = 32;

export class TextMarks {
  private readonly text: string;
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
    const limit = Math.min(this.text.length, this.lastQuote + LONGEST_QUOTED_NAME + 1);
    for (let index = end; index < limit; index++) {
      const char = this.text.charAt(index);
      if (char === '\n' || char === '\r') return false;
      if (QUOTE_MARKS.has(char)) return true;
    }
    return false;
  }

  /** True inside `《》` (a document or book title). `index` never decreases between calls. */
  isInTitle(index: number): boolean {
    this.advanceTo(index);
    return this.titleDepth > 0;
  }

  private advanceTo(index: number): void {
    for (; this.cursor < index && this.cursor < this.text.length; this.cursor++) {
      const char = this.text.charAt(this.cursor);
      if (char === '\n' || char === '\r') {
        this.quotesOnLine = 0;
        this.lastQuote = -1;
        this.titleDepth = 0;
      } else if (QUOTE_MARKS.has(char)) {
        this.quotesOnLine++;
        this.lastQuote = this.cursor;
      } else if (char === '《') {
        this.titleDepth++;
      } else if (char === '》') {
        this.titleDepth = Math.max(0, this.titleDepth - 1);
      }
    }
  }
}
