/**
 * Recognises the line that opens a report's summary part (`一、2021年工作总结`, `一、过去一年工作回顾`) or plan part
 * (`二、2018年工作思路`, `二、下一步工作思路`, `2016年重点工作安排`, `二、对今年政府工作的建议`), and five-year sections
 * (`二、“十四五”时期发展成就和“十五五”时期主要目标任务`) that belong to neither year.
 */
import { leadingMarker } from './enumerators.ts';

export type PartKind = 'summary' | 'plan' | 'multi_year';
/** Which year a heading names without a number: the past one, the current one, or the coming one. */
export type RelativeYear = 'last' | 'this' | 'next';

export interface PartHeading {
  kind: PartKind;
  year: number | null;
  relative: RelativeYear | null;
}

const MAX_HEADING_LENGTH = 45;
const SUMMARY_WORDS = /总结|回顾|情况|主要成绩|取得的成绩|主要成效|工作成效|主要做法|工作进展|(?:过去一年|一年来)(?:的)?(?:主要)?工作/;
const PLAN_WORDS = /思路|计划|安排|打算|要点|任务|建议|总体要求|政策取向|重点工作|工作重点|下一步|展望|主要目标|目标和重点|工作部署|工作谋划|工作举措/;
/**
 * A heading that names only a year's work (`二、2024年主要工作`, `二、今年工作`, `三、扎实做好2024年各项工作`): the
 * first section reviews, a later one plans, unless it says the year is past (`过去一年`) or to come (`今年`, `做好`).
 */
const YEAR_WORK_ONLY = /^(?:关于|全面|扎实|切实|奋力|努力)?(?:做好)?(?:(?:19|20)\d{2}年|今年|明年|本年|去年|上年)(?:的)?(?:主要|重点|各项|政府)?工作$/;
/** A heading that ends by saying how the work went is a review even when it names tasks (`2023年目标任务完成情况`). */
const REVIEW_ENDING = /(?:完成|落实|推进|执行|开展)情况$|回顾$|总结$/;
/**
 * Words that open a part by themselves; the others (`落实情况`, `重点任务`, `计划`) could head an area of a review
 * (`三、精心安排慰问活动`), so they need a year, or for a review its first section (`一、工作开展情况`).
 */
const PART_WORDS_WITHOUT_YEAR = /总结|回顾|思路|打算|总体要求|政策取向|下一步|展望|工作计划|工作安排|工作要点|工作的建议|工作建议/;
const FIRST_SECTION = /^(?:一[、.．]|第一部分)/;
const MULTI_YEAR_WORDS = /五年|十[一二三四五六七八九]五|时期/;
const ONE_YEAR_WORDS = /(?:19|20)\d{2}年|一年|今年|明年|去年|本年|上年/;
const BARE_START = /^(?:(?:19|20)\d{2}年|今年|明年|来年|下一步|下一年|过去一年|本年|上年|去年)/;
const YEAR = /((?:19|20)\d{2})年/;

export function classifyPartHeading(line: string): PartHeading | null {
  if (line.length === 0 || line.length > MAX_HEADING_LENGTH) return null;
  const marker = leadingMarker(line);
  if (marker !== null && marker.kind !== 'section' && marker.kind !== 'part') return null;
  const body = marker === null ? line : line.slice(marker.text.length).trim();
  if (marker === null && !BARE_START.test(body)) return null;
  const stop = body.search(/[。；;！!]/);
  if (stop !== -1 && stop !== body.length - 1) return null;
  const yearMatch = YEAR.exec(body);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  const relative = relativeYear(body);
  const summaryAt = body.search(SUMMARY_WORDS);
  const planAt = body.search(PLAN_WORDS);
  if (summaryAt === -1 && planAt === -1) {
    if (!YEAR_WORK_ONLY.test(body.replace(/[。:：]$/, ''))) return null;
    const reviews = relative === 'last' || (relative === null && !/做好/.test(body) && marker !== null && FIRST_SECTION.test(marker.text));
    return { kind: reviews ? 'summary' : 'plan', year, relative };
  }
  const firstReview = summaryAt !== -1 && marker !== null && FIRST_SECTION.test(marker.text);
  if (year === null && relative === null && !PART_WORDS_WITHOUT_YEAR.test(body) && !MULTI_YEAR_WORDS.test(body) && !firstReview) return null;
  if (MULTI_YEAR_WORDS.test(body) && !ONE_YEAR_WORDS.test(body)) return { kind: 'multi_year', year: null, relative: null };
  const kind: PartKind = summaryAt !== -1 && (planAt === -1 || summaryAt < planAt || REVIEW_ENDING.test(body)) ? 'summary' : 'plan';
  return { kind, year, relative };
}

function relativeYear(body: string): RelativeYear | null {
  if (/过去一年|一年来|去年|上年|上一年/.test(body)) return 'last';
  if (/今年|本年/.test(body)) return 'this';
  if (/明年|来年|下一步|下一年|新一年/.test(body)) return 'next';
  return null;
}
