/**
 * The document as lines, each with its offsets in the original text, so every later step can report exact spans
 * whatever the line endings (`\n`, `\r\n`, `\r`) and indentation (ASCII, ideographic or no-break spaces).
 */
export interface TextLine {
  /** 0-based line number. */
  index: number;
  /** [start, end) of the line without its line break. */
  start: number;
  end: number;
  /** The line without surrounding whitespace. */
  text: string;
  /** Offset of `text` in the original document. */
  textStart: number;
}

export function isBlankCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x200b || code === 0x0b || code === 0x0c;
}

export function splitLines(document: string): TextLine[] {
  const lines: TextLine[] = [];
  const hasCarriageReturns = document.includes('\r');
  let lineStart = 0;
  for (;;) {
    const end = hasCarriageReturns ? nextBreak(document, lineStart) : document.indexOf('\n', lineStart);
    if (end === -1) {
      lines.push(makeLine(document, lines.length, lineStart, document.length));
      return lines;
    }
    lines.push(makeLine(document, lines.length, lineStart, end));
    lineStart = document.charCodeAt(end) === 0x0d && document.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
  }
}

function nextBreak(document: string, from: number): number {
  const newline = document.indexOf('\n', from);
  const carriageReturn = document.indexOf('\r', from);
  if (newline === -1) return carriageReturn;
  if (carriageReturn === -1) return newline;
  return Math.min(newline, carriageReturn);
}

function makeLine(document: string, index: number, start: number, end: number): TextLine {
  let from = start;
  let to = end;
  while (from < to && isBlankCode(document.charCodeAt(from))) from++;
  while (to > from && isBlankCode(document.charCodeAt(to - 1))) to--;
  return { index, start, end, text: document.slice(from, to), textStart: from };
}

/** [start, end) of `document.slice(start, end)` without surrounding whitespace (line breaks included). */
export function trimSpan(document: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && isTrimmable(document.charCodeAt(from))) from++;
  while (to > from && isTrimmable(document.charCodeAt(to - 1))) to--;
  return [from, to];
}

function isTrimmable(code: number): boolean {
  return isBlankCode(code) || code === 0x0a || code === 0x0d;
}
