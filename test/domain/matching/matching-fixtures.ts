/**
 * Commitments and outcomes built from real sentences of the pair reports, with targets and quantities read by the
 * project's own quantities module, so the matcher is tested on what it will really be given.
 */
import type { CommitmentRecordedV1 } from '../../../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../../../domain/events/outcome-events.ts';
import { extractQuantities, extractTargets } from '../../../domain/reader/quantities/index.ts';

export const STATE_COUNCIL = '国务院';

export function planCommitment(text: string, fields: Partial<CommitmentRecordedV1> = {}, offset = 5000): CommitmentRecordedV1 {
  const commitmentId = fields.commitmentId ?? `c-${text.slice(0, 6)}`;
  return {
    commitmentId,
    reportId: 'plan-report',
    organisation: STATE_COUNCIL,
    planYear: 2022,
    area: null,
    marker: null,
    text,
    normalisedText: text,
    span: [offset, offset + text.length],
    targets: extractTargets(text, offset).map((target, index) => ({ ...target, targetId: `${commitmentId}.t${index}` })),
    ...fields,
  };
}

export function reviewOutcome(text: string, offset: number, fields: Partial<OutcomeRecordedV1> = {}): OutcomeRecordedV1 {
  return {
    outcomeId: `o-${offset}`,
    reportId: 'summary-report',
    organisation: STATE_COUNCIL,
    summaryYear: 2022,
    area: null,
    text,
    span: [offset, offset + text.length],
    quantities: extractQuantities(text, offset),
    cue: null,
    aboutSummaryYear: true,
    ...fields,
  };
}

/** Sentences of a review paragraph as separate outcomes, at their offsets inside the paragraph. */
export function sentencesOf(paragraph: string, base: number): OutcomeRecordedV1[] {
  const outcomes: OutcomeRecordedV1[] = [];
  let start = 0;
  for (const sentence of paragraph.split(/(?<=。)/)) {
    if (sentence.trim().length > 0) outcomes.push(reviewOutcome(sentence, base + start));
    start += sentence.length;
  }
  return outcomes;
}

/** The State Council's main expected targets for 2022 (2022 report). */
export const MAIN_TARGETS_2022 =
  '今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上，城镇调查失业率全年控制在5.5%以内；居民消费价格涨幅3%左右；居民收入增长与经济增长基本同步；进出口保稳提质，国际收支基本平衡；粮食产量保持在1.3万亿斤以上；生态环境质量持续改善，主要污染物排放量继续下降。';

/** How the 2023 report reviews 2022. */
export const REVIEW_OF_2022 =
  '全年国内生产总值增长3%，城镇新增就业1206万人，年末城镇调查失业率降到5.5%，居民消费价格上涨2%。货物进出口总额增长7.7%。财政赤字率控制在2.8%，中央财政收支符合预算、支出略有结余。国际收支保持平衡，人民币汇率在全球主要货币中表现相对稳健。粮食产量1.37万亿斤，增产74亿斤。生态环境质量持续改善。';
