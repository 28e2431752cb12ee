/**
 * A part's lines as blocks: part headings (inner ones such as `三、2022年政府工作任务`, five-year sections), area
 * headings (`(一)健全社会救助保障体系。`, `一、社区建设工作深入推进`) and paragraphs with their leading marker.
 * Page furniture, blank lines and lines without Chinese (a bilingual page's English) are dropped.
 */
import type { HeadingAt, PartLayout } from './document-layout.ts';
import { isAreaKind, leadingMarker, type LeadingMarker } from './enumerators.ts';
import { isNoiseLine } from './noise.ts';
import type { PartHeading } from './part-headings.ts';
import type { TextLine } from './text-lines.ts';

export type Block =
  | { kind: 'part_heading'; heading: PartHeading; text: string }
  | { kind: 'area_heading'; text: string }
  | { kind: 'paragraph'; line: TextLine; marker: LeadingMarker | null };

const MAX_AREA_HEADING_BODY = 40;
/** A line with no Chinese at all (the English of a bilingual page, a bare link) is not part of the report's text. */
const HAS_CJK = /[\u4e00-\u9fff]/;

export function partBlocks(lines: readonly TextLine[], part: PartLayout, headings: readonly HeadingAt[]): Block[] {
  const blocks: Block[] = [];
  const headingByLine = new Map<number, HeadingAt>();
  for (const heading of headings) {
    if (heading.firstLine >= part.fromLine && heading.lastLine < part.toLine) headingByLine.set(heading.firstLine, heading);
  }
  for (let i = part.fromLine; i < part.toLine; i++) {
    const heading = headingByLine.get(i);
    if (heading !== undefined) {
      blocks.push({ kind: 'part_heading', heading: heading.heading, text: heading.text });
      i = heading.lastLine;
      continue;
    }
    const line = lines[i]!;
    if (line.text.length === 0 || isNoiseLine(line.text) || !HAS_CJK.test(line.text)) continue;
    const marker = leadingMarker(line.text);
    if (marker !== null && isAreaKind(marker.kind) && isHeadingText(line.text.slice(marker.text.length))) {
      blocks.push({ kind: 'area_heading', text: line.text });
    } else {
      blocks.push({ kind: 'paragraph', line, marker });
    }
  }
  return blocks;
}

/** A heading is a short phrase: no sentence stop except a final one. */
export function isHeadingText(body: string): boolean {
  const text = body.trim();
  if (text.length === 0 || text.length > MAX_AREA_HEADING_BODY) return false;
  const stop = text.search(/[。；;！!？?]/);
  return stop === -1 || stop === text.length - 1;
}
