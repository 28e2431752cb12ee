/**
 * Terms of Chinese report text for matching: bigrams of consecutive Han characters (single characters when a run
 * has only one). Chinese has no spaces, and metric names (`城镇调查失业率`, `居民消费价格`) are compounds whose
 * bigrams survive rewording (`居民消费价格涨幅` ↔ `居民消费价格上涨`), so bigrams are the unit of overlap.
 * Digits, Latin letters, punctuation and the scaffolding words of figures (`控制在`, `左右`, `全年`) are not terms:
 * they say how much or when, not what is measured.
 */

const HAN_RUN = /[\u3400-\u9fff]+/g;

/**
 * Words that frame a figure rather than name a metric, in plan targets and review statements alike.
 * They are language, not vocabulary of one document: removing them keeps `全年控制在5.5%以内` from matching
 * every other `全年…` statement.
 */
const FRAMING_WORDS = [
 '主要预期目标', '预期目标', '主要目标', '经济社会发展', '控制在', '保持在', '稳定在', '提高到', '提升至', '上升至', '降低到', '降到', '降至',
  '达到', '平均为', '分别为', '左右', '以上', '以内', '以下', '不少于', '不超过', '不低于', '超过', '突破', '首次',
  '全年', '今年', '去年', '上年', '当年', '年末', '年底', '拟按', '安排', '力争', '努力', '实现', '确保', '保持',
  '预计', '约为', '其中', '分别', '比上年', '同比',
];

const FRAMING_PATTERN = new RegExp(FRAMING_WORDS.sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * Other names of the same headline metrics, spelled one way: reports write `经济增长` or `GDP` for the growth of
 * `国内/地区生产总值`, `CPI` or `物价` for `居民消费价格`.
 */
const METRIC_SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/GDP/gi, '生产总值'],
  [/CPI/gi, '居民消费价格'],
  [/经济增长|经济增速/g, '生产总值增长'],
  [/(?<!居民消费)物价/g, '居民消费价格'],
];

/**
 * Removes framing words, keeping a boundary where they were so no false bigram straddles the gap, and spells
 * synonymous metric names one way.
 */
export function stripFramingWords(text: string): string {
  let canonical = text;
  for (const [pattern, name] of METRIC_SYNONYMS) canonical = canonical.replace(pattern, name);
  return canonical.replace(FRAMING_PATTERN, ' ');
}

/** The distinct terms of a text (bigrams of Han runs; a lone Han character counts as a term of its own). */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const match of stripFramingWords(text).matchAll(HAN_RUN)) {
    const run = match[0];
    if (run.length === 1) {
      terms.add(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
  }
  return terms;
}

const HAN_FIRST = 0x3400;
const HAN_COUNT = 0x9fff - HAN_FIRST + 1;
/** Codes of lone characters come after every bigram's; all codes stay small integers (below 2³¹). */
const LONE_CHARACTER_BASE = HAN_COUNT * HAN_COUNT;

/**
 * The terms of `termsOf(text)` as sorted, distinct integers: a bigram as (first − U+3400)·27648 + (second − U+3400),
 * a lone character after all bigrams. One code per term and one term per code, so sizes and overlaps equal those
 * of the string sets; sorting and merging small integers costs about half of building and probing sets of strings
 * (the carried-over check compares every plan text with every text of the next plan).
 */
export function termCodesOf(text: string): Int32Array {
  const stripped = stripFramingWords(text);
  const codes = new Int32Array(stripped.length);
  let count = 0;
  let runStart = -1;
  for (let i = 0; i <= stripped.length; i++) {
    const unit = i < stripped.length ? stripped.charCodeAt(i) : -1;
    if (unit >= HAN_FIRST && unit <= 0x9fff) {
      if (runStart === -1) runStart = i;
      else codes[count++] = (stripped.charCodeAt(i - 1) - HAN_FIRST) * HAN_COUNT + (unit - HAN_FIRST);
      continue;
    }
    if (runStart !== -1 && i - runStart === 1) codes[count++] = LONE_CHARACTER_BASE + (stripped.charCodeAt(runStart) - HAN_FIRST);
    runStart = -1;
  }
  const sorted = codes.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

/** The term a code of `termCodesOf` stands for. */
export function termOfCode(code: number): string {
  if (code >= LONE_CHARACTER_BASE) return String.fromCharCode(HAN_FIRST + code - LONE_CHARACTER_BASE);
  return String.fromCharCode(HAN_FIRST + Math.floor(code / HAN_COUNT), HAN_FIRST + (code % HAN_COUNT));
}

/** How many codes two sorted, distinct code lists share. */
export function sharedCodeCount(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** How rare each term is across a collection of texts: ln((N + 1) / (df + 1)) + 1, so absent terms weigh most. */
export interface RarityWeights {
  weightOf(term: string): number;
}

export function rarityWeights(documents: ReadonlyArray<ReadonlySet<string>>): RarityWeights {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) {
    for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = documents.length;
  const weight = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) weight.set(term, Math.log((total + 1) / (frequency + 1)) + 1);
  const absent = Math.log(total + 1) + 1;
  return { weightOf: (term) => weight.get(term) ?? absent };
}

/** Every term weighs the same: used where there is no collection to measure rarity against. */
export const UNIFORM_WEIGHTS: RarityWeights = { weightOf: () => 1 };

/**
 * Weighted Dice coefficient of two term sets: twice the weight of the shared terms over the weight of both.
 * 1 when the sets are equal, 0 when disjoint; extra terms on either side lower it.
 */
export function weightedDice(a: ReadonlySet<string>, b: ReadonlySet<string>, weights: RarityWeights): number {
  let shared = 0;
  let totalA = 0;
  let totalB = 0;
  for (const term of a) {
    const weight = weights.weightOf(term);
    totalA += weight;
    if (b.has(term)) shared += weight;
  }
  for (const term of b) totalB += weights.weightOf(term);
  const total = totalA + totalB;
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * The words two texts share, as the longest runs of `text` whose bigrams all occur in `other` —
 * `国内生产总值` rather than five bigrams — in order of first appearance, without repeats.
 */
export function sharedWords(text: string, other: ReadonlySet<string>): string[] {
  const words: string[] = [];
  for (const match of stripFramingWords(text).matchAll(HAN_RUN)) {
    const run = match[0];
    let start = -1;
    for (let i = 0; i + 1 <= run.length; i++) {
      const bigramShared = i + 1 < run.length && other.has(run.slice(i, i + 2));
      if (bigramShared && start === -1) start = i;
      if (!bigramShared && start !== -1) {
        words.push(run.slice(start, i + 1));
        start = -1;
      }
    }
    if (run.length === 1 && other.has(run)) words.push(run);
  }
  return [...new Set(words)];
}
