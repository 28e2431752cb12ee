/** Hand-made targets, outcomes and evidence for the status specs, built from real sentences of the pair reports. */
import type { RecordedTarget } from '../../../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../../../domain/events/outcome-events.ts';
import type { Quantity } from '../../../domain/reader/parsed-report.ts';
import type { EvidenceState, StatusInput } from '../../../domain/status/status-result.ts';

export function target(fields: Partial<RecordedTarget> & Pick<RecordedTarget, 'text' | 'min' | 'unit'>): RecordedTarget {
  return {
    targetId: 'c1.t0',
    span: [100, 100 + fields.text.length],
    max: fields.min,
    comparator: 'at_least',
    direction: 'higher_better',
    object: null,
    multiYear: false,
    ...fields,
  };
}

export function quantity(fields: Partial<Quantity> & Pick<Quantity, 'text' | 'value' | 'unit'>): Quantity {
  return { span: [0, fields.text.length], qualifier: null, object: null, multiYear: false, ...fields };
}

/** An outcome whose text is `text`, starting at offset 0, with the given figures located inside it. */
export function outcome(text: string, figures: Array<Omit<Quantity, 'span'>> = [], fields: Partial<OutcomeRecordedV1> = {}): OutcomeRecordedV1 {
  return {
    outcomeId: `o-${text.slice(0, 8)}`,
    reportId: 'r2',
    organisation: '国务院',
    summaryYear: 2022,
    area: null,
    text,
    span: [0, text.length],
    quantities: figures.map((figure) => {
      const at = text.indexOf(figure.text);
      if (at === -1) throw new Error(`fixture: ${figure.text} is not in ${text}`);
      return { ...figure, span: [at, at + figure.text.length] };
    }),
    cue: null,
    aboutSummaryYear: true,
    ...fields,
  };
}

export function evidence(
  linked: OutcomeRecordedV1,
  fields: { targetId?: string | null; state?: EvidenceState; score?: number; linkId?: string } = {},
): StatusInput['evidence'][number] {
  return {
    linkId: fields.linkId ?? `l-${linked.outcomeId}-${fields.targetId ?? 'task'}`,
    targetId: fields.targetId === undefined ? 'c1.t0' : fields.targetId,
    score: fields.score ?? 0.8,
    state: fields.state ?? 'proposed',
    outcome: linked,
  };
}

export function statusInput(fields: Partial<StatusInput>): StatusInput {
  return {
    planYear: 2022,
    targets: [],
    withdrawn: null,
    assessment: null,
    summaryAvailable: true,
    evidence: [],
    ...fields,
  };
}

/** `全年国内生产总值增长3%` etc.: the 2023 State Council review of 2022. */
export const gdpGrowth3 = outcome('全年国内生产总值增长3%', [{ text: '3%', value: 3, unit: '%', qualifier: null, object: '国内生产总值增长', multiYear: false }]);
export const gdpTarget = target({ text: '5.5%左右', min: 5.5, unit: '%', comparator: 'about', object: '国内生产总值增长' });
