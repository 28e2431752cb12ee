/**
 * Builders of small hand-made reader outputs and gold items for the scorer's tests.
 */
import type { Commitment, ParsedReport, PlanPart, Quantity, SummaryPart, Target } from '../../domain/reader/parsed-report.ts';
import type { GoldCommitment, GoldSummaryQuantity } from '../../eval/gold-schema.ts';

export function target(min: number, max: number, unit: string, overrides: Partial<Target> = {}): Target {
  return {
    text: min === max ? `${min}${unit}` : `${min}-${max}${unit}`,
    span: [0, 1],
    min,
    max,
    unit,
    comparator: min === max ? 'at_least' : 'range',
    direction: 'higher_better',
    object: null,
    multiYear: false,
    ...overrides,
  };
}

export function commitment(text: string, targets: Target[] = [], area: string | null = '(一)民生', span: [number, number] = [0, text.length]): Commitment {
  return { area, marker: '一是', text, span, targets };
}

export function plan(commitments: Commitment[], year = 2022, heading: string | null = '二、2022年工作思路'): PlanPart {
  return { year, heading, headingSpan: heading === null ? null : [0, heading.length], span: [0, 1000], commitments };
}

export function quantity(text: string, span: [number, number], value: number, unit: string, qualifier: Quantity['qualifier'] = null): Quantity {
  return { text, span, value, unit, qualifier, object: null, multiYear: false };
}

export function summary(quantities: Quantity[], year = 2021, heading: string | null = '一、2021年工作总结'): SummaryPart {
  return {
    year,
    heading,
    headingSpan: heading === null ? null : [0, heading.length],
    span: [0, 1000],
    outcomes: [{ text: 'outcome', span: [0, 1000], area: null, quantities, cue: 'done', aboutSummaryYear: true }],
  };
}

export function report(overrides: Partial<ParsedReport> = {}): ParsedReport {
  return {
    organisation: { name: '深圳市龙华区民政局', evidence: '来源:深圳市龙华区民政局' },
    publishedAt: '2022-12-02T00:00:00+08:00',
    title: null,
    summary: null,
    plan: null,
    ...overrides,
  };
}

export function goldCommitment(startsWith: string, targets: GoldCommitment['targets'] = [], area: string | null = '(一)民生'): GoldCommitment {
  return { area, marker: '一是', startsWith, targets };
}

export function goldQuantity(text: string, value: number, unit: string, qualifier: string | null = null, context?: string): GoldSummaryQuantity {
  return context === undefined ? { text, value, unit, qualifier } : { text, value, unit, qualifier, context };
}
