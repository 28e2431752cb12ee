/**
 * Where things are in a report: its title, the header before the body, the lines that open the summary and plan
 * parts (headings may be split over two lines), where each part starts and ends, and the years they cover.
 */
import { leadingMarker } from './enumerators.ts';
import { isNoiseLine } from './noise.ts';
import { classifyPartHeading, type PartHeading, type PartKind } from './part-headings.ts';
import type { TextLine } from './text-lines.ts';

export interface HeadingAt {
  heading: PartHeading;
  /** The heading text (two lines joined when the source split it). */
  text: string;
  span: [number, number];
  /** First and last line index the heading occupies. */
  firstLine: number;
  lastLine: number;
}

export interface PartLayout {
  kind: Exclude<PartKind, 'multi_year'>;
  heading: HeadingAt | null;
  /** Line indexes [from, to) of the part's body (after its heading). */
  fromLine: number;
  toLine: number;
  /** The part has no heading and was found where this year's main targets are stated. */
  opensAtMainTargets?: boolean;
}

export interface DocumentLayout {
  title: string | null;
  titleLine: number | null;
  /** Index of the first line of the body; lines before it are the page header. */
  bodyStart: number;
  /** One past the last body line; lines after it are the page footer. */
  bodyEnd: number;
  /** Every part heading in the body, in order (inner plan headings and five-year sections included). */
  headings: HeadingAt[];
  summary: PartLayout | null;
  plan: PartLayout | null;
}

const MAX_TITLE_LENGTH = 60;
const MAX_HEADING_HALF = 25;

export function layOut(lines: readonly TextLine[]): DocumentLayout {
  const noise = lines.map((line) => isNoiseLine(line.text));
  const content = (i: number): boolean => lines[i]!.text.length > 0 && !noise[i];
  const { title, titleLine } = findTitle(lines, content);
  let bodyEnd = lines.length;
  while (bodyEnd > 0 && !content(bodyEnd - 1)) bodyEnd--;
  let bodyStart = titleLine === null ? 0 : titleLine + 1;
  while (bodyStart < bodyEnd && !content(bodyStart)) bodyStart++;
  const headings = reviewsBeforeLaterPlans(withoutContentsEntries(findPartHeadings(lines, content, bodyStart, bodyEnd)));
  const summaryHeading = headings.find((h) => h.heading.kind === 'summary') ?? null;
  const planHeading =
    headings.find((h) => h.heading.kind === 'plan' && (summaryHeading === null || h.firstLine > summaryHeading.lastLine)) ?? null;
  let summary: PartLayout | null = null;
  let plan: PartLayout | null = null;
  if (planHeading !== null) plan = { kind: 'plan', heading: planHeading, fromLine: planHeading.lastLine + 1, toLine: bodyEnd };
  const summaryEnd = planHeading === null ? bodyEnd : planHeading.firstLine;
  if (summaryHeading !== null) {
    summary = { kind: 'summary', heading: summaryHeading, fromLine: summaryHeading.lastLine + 1, toLine: summaryEnd };
    const targetsLine = planHeading === null ? mainTargetsLine(lines, content, summary.fromLine, summary.toLine) : null;
    if (targetsLine !== null) {
      plan = { kind: 'plan', heading: null, fromLine: targetsLine, toLine: bodyEnd, opensAtMainTargets: true };
      summary = { ...summary, toLine: targetsLine };
    }
  } else if (planHeading !== null) {
    const before = firstContentFrom(bodyStart, summaryEnd, content, lines);
    if (before !== null) summary = { kind: 'summary', heading: null, fromLine: before, toLine: summaryEnd };
  } else if (bodyStart < bodyEnd) {
    const wholePage: PartLayout = { kind: 'summary', heading: null, fromLine: bodyStart, toLine: bodyEnd };
    if (title !== null && isPlanTitle(title)) plan = { ...wholePage, kind: 'plan' };
    else summary = wholePage;
  }
  return { title, titleLine, bodyStart, bodyEnd, headings, summary, plan };
}

/**
 * This year's main targets (`今年全市经济社会发展的主要预期目标是：…`) are never part of a review: when no heading
 * opens the plan (an excerpt, an unusual wording), the plan starts at them.
 */
const THIS_YEARS_TARGETS = /(?:今年|本年)[^。；;]{0,20}?主要(?:预期)?目标(?:是|为)/;

function mainTargetsLine(lines: readonly TextLine[], content: (i: number) => boolean, from: number, to: number): number | null {
  for (let i = from; i < to; i++) if (content(i) && THIS_YEARS_TARGETS.test(lines[i]!.text)) return i;
  return null;
}

/** The first content line of [from, to) that begins the report proper (not a speaker's salutation or dateline). */
function firstContentFrom(from: number, to: number, content: (i: number) => boolean, lines: readonly TextLine[]): number | null {
  for (let i = from; i < to; i++) if (content(i) && lines[i]!.text.length >= 8) return i;
  return null;
}

function findTitle(lines: readonly TextLine[], content: (i: number) => boolean): { title: string | null; titleLine: number | null } {
  for (let i = 0; i < lines.length; i++) {
    if (!content(i)) continue;
    const text = lines[i]!.text;
    const looksLikeTitle = text.length <= MAX_TITLE_LENGTH && !/[。；;，,：:！!]/.test(text) && leadingMarker(text) === null;
    return looksLikeTitle ? { title: text, titleLine: i } : { title: null, titleLine: null };
  }
  return { title: null, titleLine: null };
}

function isPlanTitle(title: string): boolean {
  return /思路|计划|安排|打算|要点/.test(title) && !/总结|回顾|报告|情况/.test(title);
}

function findPartHeadings(lines: readonly TextLine[], content: (i: number) => boolean, from: number, to: number): HeadingAt[] {
  const found: HeadingAt[] = [];
  for (let i = from; i < to; i++) {
    if (!content(i)) continue;
    const line = lines[i]!;
    const single = classifyPartHeading(line.text);
    if (single !== null) {
      found.push({ heading: single, text: line.text, span: [line.textStart, line.textStart + line.text.length], firstLine: i, lastLine: i });
      continue;
    }
    const next = nextContentLine(i + 1, to, content);
    if (next === null || line.text.length > MAX_HEADING_HALF) continue;
    const continuation = lines[next]!;
    if (continuation.text.length > MAX_HEADING_HALF || leadingMarker(continuation.text) !== null || /[。；;，,]./.test(continuation.text)) continue;
    const joined = classifyPartHeading(line.text + continuation.text);
    if (joined === null) continue;
    found.push({
      heading: joined,
      text: line.text + continuation.text,
      span: [line.textStart, continuation.textStart + continuation.text.length],
      firstLine: i,
      lastLine: next,
    });
    i = next;
  }
  return found;
}

/**
 * A heading written again further down (`一、2023年工作回顾；` in a list of the report's parts, then the section
 * itself) is an entry of the contents the first time: the part opens where it is written last.
 */
function withoutContentsEntries(headings: HeadingAt[]): HeadingAt[] {
  const key = (heading: HeadingAt): string => heading.text.replace(/[\s；;。:：,，]+$/u, '').replace(/\s+/gu, '');
  const lastIndex = new Map<string, number>();
  headings.forEach((heading, index) => lastIndex.set(key(heading), index));
  return headings.filter((heading, index) => lastIndex.get(key(heading)) === index);
}

/**
 * A plan heading for year Y that comes before any review and is followed by a plan heading for a later year
 * (`二、2023年主要工作` … `四、2024年工作计划`) reviews Y: a report plans only the year after the one it reviews.
 */
function reviewsBeforeLaterPlans(headings: HeadingAt[]): HeadingAt[] {
  const firstSummary = headings.findIndex((h) => h.heading.kind === 'summary');
  return headings.map((h, index) => {
    if (h.heading.kind !== 'plan' || h.heading.year === null || (firstSummary !== -1 && firstSummary < index)) return h;
    const year = h.heading.year;
    const laterPlan = headings.slice(index + 1).some((later) => later.heading.kind === 'plan' && later.heading.year !== null && later.heading.year > year);
    return laterPlan ? { ...h, heading: { ...h.heading, kind: 'summary' } } : h;
  });
}

function nextContentLine(from: number, to: number, content: (i: number) => boolean): number | null {
  for (let i = from; i < to; i++) if (content(i)) return i;
  return null;
}
