/**
 * The year a summary part reviews and the year a plan part plans. Headings usually say it (`一、2021年工作总结`);
 * otherwise it follows from the other part (`二、下一步工作思路` after a 2021 review plans 2022), from the plan's
 * first sentence (`2022年,我局将…`), the title, the publication date (`今年` in a work report delivered in 2023),
 * or, for a page that is one year's review, the year its statements mention most.
 */
import type { DocumentLayout, PartLayout } from './document-layout.ts';
import type { TextLine } from './text-lines.ts';

export interface PartYears {
  summaryYear: number | null;
  planYear: number | null;
}

const TITLE_PLAN_YEAR = /((?:19|20)\d{2})年[^\d]{0,12}?(?:思路|计划|安排|打算|要点|任务)/;
const TITLE_SUMMARY_YEAR = /((?:19|20)\d{2})年[^\d]{0,12}?(?:总结|回顾|情况)/;
const OPENING_YEAR = /^((?:19|20)\d{2})年/;
const ANY_YEAR = /((?:19|20)\d{2})年/g;
const OPENING_PARAGRAPHS = 2;

export function partYears(layout: DocumentLayout, lines: readonly TextLine[], publishedYear: number | null): PartYears {
  const title = layout.title ?? '';
  const reportYear = publishedYear ?? firstYear(title);
  const summaryHeading = layout.summary?.heading?.heading ?? null;
  let planYear: number | null = null;
  if (layout.plan !== null) {
    const heading = layout.plan.heading?.heading ?? null;
    planYear =
      heading?.year ??
      (heading?.relative === 'this' ? reportYear : null) ??
      openingYear(layout.plan, lines) ??
      yearIn(TITLE_PLAN_YEAR, title) ??
      (summaryHeading?.year === null || summaryHeading?.year === undefined ? null : summaryHeading.year + 1);
  }
  let summaryYear: number | null = null;
  if (layout.summary !== null) {
    summaryYear =
      summaryHeading?.year ??
      lastYearBefore(summaryHeading?.relative === 'last' ? (planYear ?? reportYear) : null) ??
      yearIn(TITLE_SUMMARY_YEAR, title) ??
      (planYear === null ? null : planYear - 1) ??
      mostMentionedYear(layout.summary, lines, reportYear) ??
      reportYear;
  }
  if (layout.plan !== null && planYear === null) planYear = summaryYear === null ? reportYear : summaryYear + 1;
  return { summaryYear, planYear };
}

/** `过去一年` in a report written in year Y (whose plan is for Y) is Y − 1. */
function lastYearBefore(year: number | null): number | null {
  return year === null ? null : year - 1;
}

function firstYear(text: string): number | null {
  const match = /((?:19|20)\d{2})年/.exec(text);
  return match ? Number(match[1]) : null;
}

function yearIn(pattern: RegExp, text: string): number | null {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : null;
}

function openingYear(part: PartLayout, lines: readonly TextLine[]): number | null {
  let seen = 0;
  for (let i = part.fromLine; i < part.toLine && seen < OPENING_PARAGRAPHS; i++) {
    const text = lines[i]!.text;
    if (text.length === 0) continue;
    seen++;
    const match = OPENING_YEAR.exec(text);
    if (match) return Number(match[1]);
  }
  return null;
}

function mostMentionedYear(part: PartLayout, lines: readonly TextLine[], notAfter: number | null): number | null {
  const counts = new Map<number, number>();
  for (let i = part.fromLine; i < part.toLine; i++) {
    const text = lines[i]!.text;
    ANY_YEAR.lastIndex = 0;
    for (let match = ANY_YEAR.exec(text); match !== null; match = ANY_YEAR.exec(text)) {
      const year = Number(match[1]);
      if (notAfter !== null && year > notAfter) continue;
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}
