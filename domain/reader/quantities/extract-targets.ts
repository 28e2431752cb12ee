/**
 * Every explicit quantitative target of a plan commitment: value or range in the unit as written, comparator,
 * the metric's direction, what is counted, and whether it spans several years.
 */
import type { Comparator, Direction, Target } from '../parsed-report.ts';
import { metricDirection } from './metric-direction.ts';
import { clauseStart, countedObject, isMultiYear, objectAfter, sentenceStart } from './phrase-context.ts';
import { scanNumberPhrases, type NumberPhrase } from './scan-number-phrases.ts';
import { canonicalUnitSpelling } from './units.ts';

const ABOUT_WORDS = new Set(['约', '大约', '近', '将近', '接近', '左右']);
const FLOOR_WORDS = new Set(['不少于', '不低于', '至少', '超过', '超', '逾', '多于', '高于', '以上']);
const CEILING_WORDS = new Set(['不超过', '不高于', '不足', '不到', '少于', '低于', '以内', '之内', '以下']);
/** The figure after these verbs is a cap (`城镇调查失业率全年控制在5.5%以内`, `财政赤字率控制在3%`). */
const CAP_VERBS = /(?:控制在|控制到|降到|降至|下降到|降低到|压缩到|压缩至|压减到|压减至)$/;
/** `比上年增加1000亿元` restates a planned figure as a change; on its own (`支出规模比去年扩大2万亿元以上`) it is the plan. */
const COMPARISON = /比(?:上年|去年|上一年|前一年|往年)/;
/** An age bounds who is served (`80岁以上老年人`); it is not something to achieve. */
const NOT_TARGET_MEASURES = new Set(['岁']);
const DURATIONS = new Set(['分钟', '小时', '天', '个月']);
/** A forecast (`预计今年高校毕业生超过1170万人`) is a condition the plan responds to, not a commitment. */
const FORECAST = /预计|预测|估计/;

/** `比例从75%提高到100%`: the figure after 从/由 is where the metric starts; the target is the one it moves to. */
const FROM_WORD = /[从由]$/;
const MOVES_TO = /^(?:提高|增加|增长|上升|提升|扩大|降低|下降|减少|压减|压缩|缩短|延长|降)(?:到|至|为)/;

function isStartingLevel(text: string, phrase: NumberPhrase, clauseBefore: string): boolean {
  return FROM_WORD.test(clauseBefore) && MOVES_TO.test(text.slice(phrase.end, phrase.end + 4));
}

/** `baseOffset` is the index of `text` in the whole document; spans are document indexes. */
export function extractTargets(text: string, baseOffset: number): Target[] {
  const targets: Target[] = [];
  let lastTargetEnd = -1;
  for (const phrase of scanNumberPhrases(text)) {
    if (NOT_TARGET_MEASURES.has(phrase.measure)) continue;
    // `50米内换乘`, `24小时内办结`: a distance or time bound qualifies the task; the figure is not its target.
    if (text.charAt(phrase.end) === '内' && phrase.suffix === null) continue;
    // `15分钟生活圈`, `24小时自助服务`: a duration used as an adjective names a kind of service.
    if (DURATIONS.has(phrase.measure) && phrase.suffix === null && /[\u4e00-\u9fff]/.test(text.charAt(phrase.end))) continue;
    const clauseBefore = text.slice(clauseStart(text, phrase.start), phrase.start);
    if (FORECAST.test(clauseBefore) || isStartingLevel(text, phrase, clauseBefore)) continue;
    const sameSentenceAsLast = lastTargetEnd >= 0 && sentenceStart(text, phrase.start) <= lastTargetEnd;
    if (COMPARISON.test(clauseBefore) && sameSentenceAsLast) continue;
    targets.push(toTarget(text, phrase, clauseBefore, baseOffset));
    lastTargetEnd = phrase.end;
  }
  return targets;
}

function toTarget(text: string, phrase: NumberPhrase, clauseBefore: string, baseOffset: number): Target {
  const metricWay = directionOf(text, phrase, clauseBefore);
  // `人口规模控制在2300万人以内`: whatever the metric, a figure the plan says to stay under is a ceiling.
  const direction = isExplicitCeiling(phrase, clauseBefore) ? 'lower_better' : metricWay;
  return {
    text: text.slice(phrase.start, phrase.end),
    span: [baseOffset + phrase.start, baseOffset + phrase.end],
    min: phrase.low,
    max: phrase.high,
    unit: canonicalUnitSpelling(phrase.multiplier + phrase.measure),
    comparator: comparatorOf(phrase, clauseBefore, direction),
    direction,
    object: countedObject(text, phrase),
    multiYear: isMultiYear(text, phrase),
  };
}

function directionOf(text: string, phrase: NumberPhrase, clauseBefore: string): Direction {
  const fromMetric = metricDirection(clauseBefore);
  if (fromMetric === 'lower_better') return fromMetric;
  const counted = objectAfter(text, phrase);
  return counted === null ? fromMetric : metricDirection(counted);
}

function isExplicitCeiling(phrase: NumberPhrase, clauseBefore: string): boolean {
  if (phrase.isRange) return false;
  const words = [phrase.prefix, phrase.suffix].filter((word): word is string => word !== null);
  if (words.some((word) => ABOUT_WORDS.has(word) || FLOOR_WORDS.has(word))) return false;
  return words.some((word) => CEILING_WORDS.has(word)) || CAP_VERBS.test(clauseBefore);
}

/** Range when two ends are given; else the qualifier; else a cap verb; else by direction (a ceiling caps). */
function comparatorOf(phrase: NumberPhrase, clauseBefore: string, direction: Direction): Comparator {
  if (phrase.isRange) return 'range';
  for (const word of [phrase.prefix, phrase.suffix]) {
    if (word === null) continue;
    if (ABOUT_WORDS.has(word)) return 'about';
    if (FLOOR_WORDS.has(word)) return 'at_least';
    if (CEILING_WORDS.has(word)) return 'at_most';
  }
  if (phrase.inner !== null) return 'at_least';
  if (CAP_VERBS.test(clauseBefore)) return 'at_most';
  return direction === 'lower_better' ? 'at_most' : 'at_least';
}
