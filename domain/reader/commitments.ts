/**
 * The commitments of a plan part: every leaf of its enumeration inside its area heading. A numbered item with
 * `一是/二是` sub-items contributes the sub-items (also when they follow a numbered title line such as `1.加强党建`);
 * plain paragraphs after an enumerated item belong to it (`（一）大力推进…。` followed by its tasks' paragraphs);
 * an area with no enumeration is one commitment made of its
 * paragraphs; the paragraph of main expected targets (`今年发展主要预期目标是：…`) is one commitment, and so is a
 * lead-in paragraph that sets figures (`今年赤字率拟按3%安排…`); other lead-in paragraphs
 * (`2018年,我区民政工作总体思路是：…`) are not commitments.
 */
import { isAreaKind } from './enumerators.ts';
import { isHeadingText, type Block } from './part-blocks.ts';
import { paragraphLeaves } from './segments.ts';
import type { TextLine } from './text-lines.ts';
import { trimSpan } from './text-lines.ts';

export interface CommitmentDraft {
  area: string | null;
  marker: string | null;
  span: [number, number];
}

const MAIN_TARGETS = /主要预期目标|主要目标是|主要目标为/;
const FIVE_YEAR = /五年|十[一二三四五六七八九]五|年均/;
/** A paragraph explaining targets already set (`提出上述预期目标，综合考虑了…`) sets none of its own. */
const REFERS_BACK = /^(?:[^。，,]{0,4}(?:上述|以上|这一|这些)|[^。]{0,12}目标的(?:设定|提出|确定))/;
/** A line announcing the list that follows (`着力做好以下十一个方面工作：`) counts its items, it sets no target. */
const ANNOUNCES_LIST = /(?:以下|如下)[^。；;]{0,16}[：:]$/;

/** Whether a span of the document states at least one quantitative target. */
export type SetsTargets = (span: [number, number]) => boolean;

export function findCommitments(document: string, blocks: readonly Block[], setsTargets: SetsTargets): CommitmentDraft[] {
  const commitments: CommitmentDraft[] = [];
  let area: string | null = null;
  let areaHasLeaves = false;
  let unmarked: TextLine[] = [];
  /** The last enumerated item: plain paragraphs that follow it continue it. */
  let titled: CommitmentDraft | null = null;
  /** Whether `titled` is only a title line, so sub-items that follow replace it. */
  let titleOnly = false;
  const flushTitled = (): void => {
    if (titled !== null) commitments.push(titled);
    titled = null;
  };
  const closeArea = (): void => {
    flushTitled();
    if (area !== null && !areaHasLeaves) {
      for (const run of adjacentRuns(document, unmarked)) {
        const first = run[0]!;
        const last = run[run.length - 1]!;
        commitments.push({ area, marker: null, span: trimSpan(document, first.textStart, last.textStart + last.text.length) });
      }
    }
    unmarked = [];
    areaHasLeaves = false;
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind === 'part_heading') {
      closeArea();
      area = null;
      continue;
    }
    if (block.kind === 'area_heading') {
      closeArea();
      area = block.text;
      continue;
    }
    const { line, marker } = block;
    const mainTargets = marker === null ? mainTargetsSpan(document, line) : null;
    if (mainTargets !== null) {
      flushTitled();
      // `主要预期目标是：` followed by its targets one per line (`——地区生产总值增长6%左右；`): one commitment.
      let listEnd = index;
      if (/[：:]$/.test(line.text)) {
        for (let next = blocks[index + 1]; next?.kind === 'paragraph' && next.marker !== null && !isAreaKind(next.marker.kind); next = blocks[listEnd + 1]) listEnd++;
      }
      const lastItem = blocks[listEnd];
      const end = listEnd > index && lastItem?.kind === 'paragraph' ? trimSpan(document, lastItem.line.textStart, lastItem.line.textStart + lastItem.line.text.length)[1] : mainTargets[1];
      commitments.push({ area, marker: null, span: [mainTargets[0], end] });
      index = listEnd;
      continue;
    }
    const { leaves, sublist } = paragraphLeaves(document, line, marker);
    if (marker === null && titled !== null) {
      if (sublist) {
        // A title line is the parent of these sub-items, not a commitment itself.
        if (titleOnly) titled = null;
        else flushTitled();
        for (const leaf of leaves) commitments.push({ area, marker: leaf.marker, span: leaf.span });
      } else {
        titled.span = [titled.span[0], trimSpan(document, line.textStart, line.textStart + line.text.length)[1]];
      }
      continue;
    }
    flushTitled();
    const only = leaves[0];
    if (marker !== null && !sublist && leaves.length === 1 && only !== undefined) {
      titled = { area, marker: only.marker, span: only.span };
      titleOnly = isHeadingText(line.text.slice(marker.text.length));
      areaHasLeaves = true;
      continue;
    }
    if (marker === null && !sublist) {
      if (area !== null) unmarked.push(line);
      else {
        const span = trimSpan(document, line.textStart, line.textStart + line.text.length);
        if (!REFERS_BACK.test(line.text) && !ANNOUNCES_LIST.test(line.text) && setsTargets(span)) commitments.push({ area, marker: null, span });
      }
      continue;
    }
    for (const leaf of leaves) commitments.push({ area, marker: leaf.marker, span: leaf.span });
    if (leaves.length > 0) areaHasLeaves = true;
  }
  closeArea();
  return commitments;
}

/**
 * An area's plain paragraphs as runs of adjacent lines: text the reader skipped between two of them (the English of
 * a bilingual page) is not part of the commitment, so it ends one run and the next paragraph starts another.
 */
function adjacentRuns(document: string, lines: readonly TextLine[]): TextLine[][] {
  const runs: TextLine[][] = [];
  let previous: TextLine | null = null;
  for (const line of lines) {
    const between = previous === null ? '' : document.slice(previous.textStart + previous.text.length, line.textStart);
    if (previous === null || between.trim().length > 0) runs.push([line]);
    else runs[runs.length - 1]!.push(line);
    previous = line;
  }
  return runs;
}

/** The sentence listing the year's main expected targets, up to its full stop. */
function mainTargetsSpan(document: string, line: TextLine): [number, number] | null {
  const cue = line.text.search(MAIN_TARGETS);
  if (cue === -1) return null;
  const start = line.text.lastIndexOf('。', cue) + 1;
  const stop = line.text.indexOf('。', cue);
  const end = stop === -1 ? line.text.length : stop + 1;
  if (FIVE_YEAR.test(line.text.slice(start, cue + 8))) return null;
  return trimSpan(document, line.textStart + start, line.textStart + end);
}
