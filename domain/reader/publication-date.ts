/**
 * The publication date of a scraped report: the dateline of a speech in the header
 * (`——2022年3月5日在第十三届全国人民代表大会…`, the day it was delivered, whatever page reposted it later), else a
 * labelled page date (`发布日期:2018-03-22 10:43:28`, `日期:2022年12月02日`, `发文日期: | 2016-01-06`), else an
 * unlabelled page date above the body. Read as Asia/Shanghai local time.
 */
import { DateTime } from 'luxon';
import type { TextLine } from './text-lines.ts';

export const DOCUMENT_ZONE = 'Asia/Shanghai';

export interface PublicationDate {
  iso: string;
  year: number;
  evidence: string;
}

const LABELLED_DATE =
  /(?:发布日期|发布时间|发文日期|成文日期|印发日期|公开日期|日期|时间)\s*[:：]\s*[|｜]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/;
const BARE_DATE = /((?:19|20)\d{2})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2})(?!\d))/;
/** A date followed by its weekday is a page's clock (`2024年04月19日 星期五`), not when the report was published. */
const WEEKDAY_AFTER = /^\s*(?:星期|周|礼拜)[一二三四五六日天]/;
const MAX_DATE_LINE_LENGTH = 200;
const MAX_DATELINE_LENGTH = 80;

/** The day a speech was delivered (`——2024年1月22日在江苏省第十四届人民代表大会…`): a repost's page date is later. */
const SPEECH_DATELINE = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在/;

/** `headerEnd` is the index of the first line of the report's body; datelines are only looked for before it. */
export function findPublicationDate(lines: readonly TextLine[], headerEnd: number): PublicationDate | null {
  for (const line of lines.slice(0, headerEnd)) {
    if (line.text.length > MAX_DATELINE_LENGTH) continue;
    const match = SPEECH_DATELINE.exec(line.text);
    if (!match) continue;
    const date = toDate(match.slice(1), line.text);
    if (date !== null) return date;
  }
  for (const line of lines) {
    if (line.text.length > MAX_DATE_LINE_LENGTH) continue;
    const match = LABELLED_DATE.exec(line.text);
    if (!match) continue;
    const date = toDate(match.slice(1), match[0]);
    if (date !== null) return date;
  }
  for (const line of lines.slice(0, headerEnd)) {
    if (line.text.length > MAX_DATELINE_LENGTH) continue;
    const match = BARE_DATE.exec(line.text);
    if (!match || WEEKDAY_AFTER.test(line.text.slice(match.index + match[0].length))) continue;
    const date = toDate([match[1], match[2] ?? match[4], match[3] ?? match[5]], line.text);
    if (date !== null) return date;
  }
  return null;
}

function toDate(parts: ReadonlyArray<string | undefined>, evidence: string): PublicationDate | null {
  const [year, month, day, hour, minute, second] = parts.map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = DateTime.fromObject(
    { year, month, day, hour: hour ?? 0, minute: minute ?? 0, second: second ?? 0 },
    { zone: DOCUMENT_ZONE },
  );
  if (!date.isValid) return null;
  const iso = date.toISO({ suppressMilliseconds: true });
  return iso === null ? null : { iso, year, evidence: evidence.trim() };
}
