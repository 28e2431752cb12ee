/**
 * The words that name a metric: for a plan target, the clause of the commitment that leads up to its figure
 * (`城镇调查失业率全年控制在` for `5.5%以内`); for a reported figure, the clause of the outcome that leads up to it
 * (`年末城镇调查失业率降到` for `5.5%`). Chinese reports put the metric before its number, and a clause ends at
 * `，；。：`. An enumeration comma `、` ends one only right after a figure (`保障性租赁住房5万套、竣工各类保障房8万套`
 * lists two metrics; `基础设施、制造业投资` names one).
 */
import type { Span } from '../reader/parsed-report.ts';

const CLAUSE_BOUNDARY = /[，,；;。：:！!？?\n\r]/;

/** Index in `text` of `phrase`, preferring the occurrence at `expectedIndex`, else the one nearest to it; -1 if absent. */
export function locatePhrase(text: string, phrase: string, expectedIndex: number): number {
  if (phrase.length === 0) return -1;
  if (text.startsWith(phrase, expectedIndex)) return expectedIndex;
  let best = -1;
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    if (best === -1 || Math.abs(at - expectedIndex) < Math.abs(best - expectedIndex)) best = at;
  }
  return best;
}

/** A figure (digits and a short unit) ending right before an enumeration comma at the end of the string. */
const FIGURE_THEN_ENUMERATION_COMMA = /[0-9０-９][^0-9０-９，,；;。：:、\s]{0,4}、$/;

function endsClause(text: string, at: number): boolean {
  const char = text.charAt(at);
  if (CLAUSE_BOUNDARY.test(char)) return true;
  return char === '、' && FIGURE_THEN_ENUMERATION_COMMA.test(text.slice(Math.max(0, at - 8), at + 1));
}

/** The text of the clause before `index` (from the last clause boundary up to `index`). */
export function clauseBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !endsClause(text, start - 1)) start--;
  return text.slice(start, index);
}

/** The text of the clause after `index` (up to the next clause boundary). */
export function clauseAfter(text: string, index: number): string {
  let end = index;
  while (end < text.length && !CLAUSE_BOUNDARY.test(text.charAt(end))) end++;
  return text.slice(index, end);
}

/**
 * A clause that is only a change verb (`，增长5.2%`) has its subject in the clause before: Chinese drops a subject
 * shared with the previous clause (`国内生产总值超过126万亿元，增长5.2%`).
 */
const SUBJECTLESS_CHANGE = /^(?:同比|比上年|比去年|分别|全年|实际)?(?:增长|下降|上升|提高|降低|增加|减少|上涨|回落|增速|降幅|涨幅)(?:了|为|达)?$/;
const COMMA = /[，,、]/;

/**
 * The subject a change-only clause leaves out: the previous clause up to its first figure
 * (`国内生产总值超过126万亿元` → `国内生产总值超过`), or the whole previous clause when it has none.
 */
function inheritedSubject(text: string, clauseStart: number): string {
  if (clauseStart === 0 || !COMMA.test(text.charAt(clauseStart - 1))) return '';
  const previous = clauseBefore(text, clauseStart - 1);
  const figureAt = previous.search(/[0-9０-９]/);
  return figureAt === -1 ? previous : previous.slice(0, figureAt);
}

/** The clause naming the figure at `index`, with a dropped subject restored. */
function clauseNaming(text: string, index: number): string {
  const clause = clauseBefore(text, index);
  if (!SUBJECTLESS_CHANGE.test(clause.trim())) return clause;
  return `${inheritedSubject(text, index - clause.length)}${clause}`;
}

export interface LocatedText {
  text: string;
  span: Span;
}

export interface FigurePhrase {
  text: string;
  span: Span;
  object: string | null;
}

/**
 * The words naming what a figure measures, read from the text that holds it: the clause before the figure, the
 * clause after it when nothing precedes it, and the object the reader recorded.
 */
export function metricWordsOf(figure: FigurePhrase, holder: LocatedText | null): string {
  const object = figure.object ?? '';
  if (holder === null) return object;
  const at = locatePhrase(holder.text, figure.text, figure.span[0] - holder.span[0]);
  if (at === -1) return object;
  const before = clauseNaming(holder.text, at);
  const words = /[\u3400-\u9fff]/.test(before) ? before : clauseAfter(holder.text, at + figure.text.length);
  return object.length > 0 && !words.includes(object) ? `${words} ${object}` : words;
}
