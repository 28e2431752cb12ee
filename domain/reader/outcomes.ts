/**
 * The outcome statements of a summary part: every leaf of its enumeration, and every other paragraph of
 * substance, each in its area and marked as about the summary year or not: a review that also covers five years
 * (`过去五年…`, `五年来…`, a `“十四五”时期` section) speaks about the period, not the year, until it returns to the year.
 */
import type { Block } from './part-blocks.ts';
import { paragraphLeaves } from './segments.ts';

export interface OutcomeDraft {
  area: string | null;
  span: [number, number];
  aboutSummaryYear: boolean;
}

const FIVE_YEAR_OPENING = /^(?:过去五年|五年来|这五年|近五年|五年间|“?十[一二三四五六七八九]五”?(?:时期|期间|以来))/;
const ONE_YEAR_OPENING = /^(?:过去一年|一年来|去年|今年以来|本年度|(?:19|20)\d{2}年)/;
const FIVE_YEAR_HEADING = /五年|十[一二三四五六七八九]五|时期/;
/** Salutations (`各位代表！`) and fragments of broken lines are not statements. */
const MIN_STATEMENT_LENGTH = 8;
const SALUTATION = /^各位代表/;

export function findOutcomes(document: string, blocks: readonly Block[]): OutcomeDraft[] {
  const outcomes: OutcomeDraft[] = [];
  let area: string | null = null;
  let multiYear = false;
  for (const block of blocks) {
    if (block.kind === 'part_heading' || block.kind === 'area_heading') {
      area = block.text;
      if (block.kind === 'part_heading') multiYear = block.heading.kind === 'multi_year';
      else if (FIVE_YEAR_HEADING.test(block.text)) multiYear = true;
      continue;
    }
    const { line, marker } = block;
    const opening = marker === null ? line.text : line.text.slice(marker.text.length).trimStart();
    if (FIVE_YEAR_OPENING.test(opening)) multiYear = true;
    else if (ONE_YEAR_OPENING.test(opening)) multiYear = false;
    if (marker === null && (line.text.length < MIN_STATEMENT_LENGTH || SALUTATION.test(line.text))) continue;
    const { leaves } = paragraphLeaves(document, line, marker);
    for (const leaf of leaves) outcomes.push({ area, span: leaf.span, aboutSummaryYear: !multiYear });
  }
  return outcomes;
}
