/**
 * Enumeration markers of Chinese work reports: at the start of a paragraph (`一、`, `(一)`, `1、`, `1.`, `(1)`, `①`,
 * `——`, `第一部分`) and inside a paragraph (`一是`, `二是`, …, or `1、2、3、` after a full stop).
 */
export type LeadingMarkerKind = 'section' | 'area' | 'number' | 'paren-number' | 'circled' | 'dash' | 'part';

export interface LeadingMarker {
  kind: LeadingMarkerKind;
  /** The marker exactly as written. */
  text: string;
}

const LEADING_MARKERS: ReadonlyArray<{ kind: LeadingMarkerKind; pattern: RegExp }> = [
  { kind: 'part', pattern: /^第[一二三四五六七八九十]{1,3}部分[、，,：:\s]?/ },
  { kind: 'section', pattern: /^[一二三四五六七八九十]{1,3}[、.．]/ },
  { kind: 'area', pattern: /^[（(][一二三四五六七八九十]{1,3}[)）][、.．]?/ },
  { kind: 'number', pattern: /^\d{1,2}(?:、|[.．](?!\d))/ },
  { kind: 'paren-number', pattern: /^[（(]\d{1,2}[)）]/ },
  { kind: 'circled', pattern: /^[①-⑳]/ },
  // A dash followed by a date is a speech's dateline, not a bullet.
  { kind: 'dash', pattern: /^(?:——|--|—)(?![—-]?\s*\d{4}年)/ },
];

export function leadingMarker(text: string): LeadingMarker | null {
  for (const { kind, pattern } of LEADING_MARKERS) {
    const match = pattern.exec(text);
    if (match) return { kind, text: match[0].trimEnd() };
  }
  return null;
}

/** Kinds that head a policy area (`一、`, `(一)`, `第一部分`); numbered items are tasks, not areas. */
export function isAreaKind(kind: LeadingMarkerKind): boolean {
  return kind === 'section' || kind === 'area' || kind === 'part';
}

export interface InlineMarker {
  /** The marker as written (`一是`, `是` for the typo, `1、`), or null for a task whose marker the source dropped. */
  text: string | null;
  /** Offset of the marker (or of the task when the marker is missing) within the paragraph string. */
  at: number;
  /** Offset where the task text begins within the paragraph string. */
  textAt: number;
  ordinal: number;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function chineseOrdinal(numeral: string): number {
  if (numeral === '十') return 10;
  if (numeral.startsWith('十')) return 10 + (CHINESE_DIGITS[numeral.slice(1)] ?? 0);
  if (numeral.endsWith('十')) return (CHINESE_DIGITS[numeral.slice(0, -1)] ?? 0) * 10;
  if (numeral.length === 3 && numeral[1] === '十') return (CHINESE_DIGITS[numeral[0]!] ?? 0) * 10 + (CHINESE_DIGITS[numeral[2]!] ?? 0);
  return CHINESE_DIGITS[numeral] ?? 0;
}

/** Characters after which `一是` or `1、` can open a clause; elsewhere (`统一是`, `唯一是`) they are words. */
const CLAUSE_OPENERS = new Set(['。', '；', ';', '：', ':', '！', '!', '？', '?', '，', ',', '、', ' ', '\t', '\u3000', '\u00a0']);
const SENTENCE_OPENERS = new Set(['。', '；', ';', '：', ':', '！', '!', '？', '?']);
const NUMERAL_CHARS = new Set(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
const MAX_ORDINAL_LENGTH = 3;

/**
 * The `一是 … 二是 …` markers of a paragraph, in order, with the seeds' typos repaired: a lone `是` after a full
 * stop stands for the missing ordinal, and when an ordinal is skipped the missing task is placed at a sentence
 * boundary of the preceding task (marker null). Falls back to `1、2、3、` after full stops when numbered in sequence.
 */
export function inlineMarkers(paragraph: string): InlineMarker[] {
  const ordinals = ordinalMarkers(paragraph);
  if (ordinals.length > 0) return repairGaps(paragraph, ordinals);
  return numberedMarkers(paragraph);
}

function ordinalMarkers(paragraph: string): InlineMarker[] {
  const found: InlineMarker[] = [];
  // Scanning for 是 and looking back stays linear and avoids trying a pattern at every position.
  for (let is = paragraph.indexOf('是'); is !== -1; is = paragraph.indexOf('是', is + 1)) {
    let at = is;
    while (at > 0 && is - at < MAX_ORDINAL_LENGTH && NUMERAL_CHARS.has(paragraph[at - 1]!)) at--;
    if (at === is || (at > 0 && !CLAUSE_OPENERS.has(paragraph[at - 1]!))) continue;
    if (is + 1 >= paragraph.length || /\s/.test(paragraph[is + 1]!)) continue;
    const ordinal = chineseOrdinal(paragraph.slice(at, is));
    if (ordinal === 0) continue;
    const previous = found[found.length - 1];
    // A repeated or backwards ordinal inside one paragraph starts over only at 一是; anything else is prose.
    if (previous !== undefined && ordinal <= previous.ordinal && ordinal !== 1) continue;
    const marker = paragraph.slice(at, is + 1);
    found.push({ text: marker, at, textAt: is + 1, ordinal });
  }
  return found;
}

function repairGaps(paragraph: string, markers: InlineMarker[]): InlineMarker[] {
  const repaired: InlineMarker[] = [];
  for (let i = 0; i < markers.length; i++) {
    const current = markers[i]!;
    repaired.push(current);
    const next = markers[i + 1];
    if (next === undefined || next.ordinal !== current.ordinal + 2) continue;
    const segment = paragraph.slice(current.textAt, next.at);
    const missing = missingTaskStart(segment);
    if (missing !== null) repaired.push({ ...missing, at: current.textAt + missing.at, textAt: current.textAt + missing.textAt, ordinal: current.ordinal + 1 });
  }
  return repaired;
}

const LONE_IS = /[。；;]是(?=[\u4e00-\u9fff])/;
/** A lead phrase (`做强社会工作专业服务。`) is short; a task written as one long sentence has none. */
const LEAD_PHRASE_MAX = 20;

function missingTaskStart(segment: string): Omit<InlineMarker, 'ordinal'> | null {
  const lone = LONE_IS.exec(segment);
  if (lone) return { text: '是', at: lone.index + 1, textAt: lone.index + 2 };
  const sentenceStarts: number[] = [];
  const lengths: number[] = [];
  let sentenceStart = 0;
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] !== '。') continue;
    lengths.push(i + 1 - sentenceStart);
    sentenceStart = i + 1;
    if (sentenceStart < segment.length) sentenceStarts.push(sentenceStart);
  }
  if (segment.length > sentenceStart) lengths.push(segment.length - sentenceStart);
  const firstLength = lengths[0] ?? segment.length;
  if (firstLength > LEAD_PHRASE_MAX) {
    const second = sentenceStarts[0];
    return second === undefined ? null : { text: null, at: second, textAt: second };
  }
  // The task lists its own lead phrase; the missing one starts at the next short lead phrase.
  for (let k = 0; k < sentenceStarts.length; k++) {
    if ((lengths[k + 1] ?? Infinity) <= LEAD_PHRASE_MAX) return { text: null, at: sentenceStarts[k]!, textAt: sentenceStarts[k]! };
  }
  return null;
}

function numberedMarkers(paragraph: string): InlineMarker[] {
  const found: InlineMarker[] = [];
  for (let comma = paragraph.indexOf('、'); comma !== -1; comma = paragraph.indexOf('、', comma + 1)) {
    let at = comma;
    while (at > 0 && comma - at < 2 && isAsciiDigit(paragraph.charCodeAt(at - 1))) at--;
    if (at === comma || (at > 0 && !SENTENCE_OPENERS.has(paragraph[at - 1]!))) continue;
    const ordinal = Number(paragraph.slice(at, comma));
    if (ordinal !== found.length + 1) continue;
    found.push({ text: paragraph.slice(at, comma + 1), at, textAt: comma + 1, ordinal });
  }
  return found.length >= 2 ? found : [];
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
