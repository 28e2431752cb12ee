/**
 * Cuts a paragraph into its enumerated leaves: the `一是/二是…` (or inline `1、2、`) tasks when it has them,
 * otherwise the paragraph after its leading marker. Spans index the original document.
 */
import type { LeadingMarker } from './enumerators.ts';
import { inlineMarkers } from './enumerators.ts';
import type { TextLine } from './text-lines.ts';
import { trimSpan } from './text-lines.ts';

export interface Leaf {
  marker: string | null;
  span: [number, number];
}

/** Separators that end a listed clause but are not part of its statement. */
const TRAILING_SEPARATORS = new Set(['，', ',', '；', ';', '、']);

/**
 * `sublist` is true when the paragraph holds inline tasks; its lead-in before the first task is not a leaf.
 */
export function paragraphLeaves(document: string, line: TextLine, marker: LeadingMarker | null): { leaves: Leaf[]; sublist: boolean } {
  const bodyStart = line.textStart + (marker === null ? 0 : marker.text.length);
  const bodyEnd = line.textStart + line.text.length;
  const body = document.slice(bodyStart, bodyEnd);
  const markers = inlineMarkers(body);
  if (markers.length === 0) {
    const span = cleanSpan(document, bodyStart, bodyEnd);
    return { leaves: span === null ? [] : [{ marker: marker?.text ?? null, span }], sublist: false };
  }
  const leaves: Leaf[] = [];
  for (let i = 0; i < markers.length; i++) {
    const current = markers[i]!;
    const end = markers[i + 1]?.at ?? body.length;
    const span = cleanSpan(document, bodyStart + current.textAt, bodyStart + end);
    if (span !== null) leaves.push({ marker: current.text, span });
  }
  return { leaves, sublist: true };
}

function cleanSpan(document: string, start: number, end: number): [number, number] | null {
  let [from, to] = trimSpan(document, start, end);
  while (to > from && TRAILING_SEPARATORS.has(document[to - 1]!)) to--;
  [from, to] = trimSpan(document, from, to);
  return to > from ? [from, to] : null;
}
