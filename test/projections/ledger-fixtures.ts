/**
 * Hand-made ledger events for read-side specs: small, readable, and valid by the event schemas, appended to a
 * store through the ledger's codec so the projector reads them exactly as it reads ingested ones.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DomainEvent, EventOfType } from '../../domain/events/catalog.ts';
import type { RecordedTarget } from '../../domain/events/commitment-events.ts';
import type { Actor, EventMetadata } from '../../domain/events/metadata.ts';
import type { Quantity } from '../../domain/reader/parsed-report.ts';
import { carriedOverKeyFor } from '../../domain/ids.ts';
import { encodeEvent } from '../../services/events/event-codec.ts';
import type { EventStore } from '../../services/store/event-store.ts';
import type { Position } from '../../services/store/position.ts';

export const ORG = '深圳市龙华区民政局';
const SHA = 'a'.repeat(64);

export const readerActor: Actor = { kind: 'reader', id: 'reader', version: 'reader-test' };
export const matcherActor: Actor = { kind: 'matcher', id: 'term-overlap', version: '1.0.0' };
export const reviewerActor: Actor = { kind: 'person', id: 'auditor-1', version: null };

export function metadataFor(actor: Actor, occurredAt = '2026-01-01T00:00:00.000Z'): EventMetadata {
  return {
    actor,
    correlationId: randomUUID(),
    causationId: null,
    source: null,
    occurredAt,
    previousHash: null,
    hash: createHash('sha256').update(randomUUID()).digest('hex'),
  };
}

export function target(commitmentId: string, index: number, fields: Partial<RecordedTarget> = {}): RecordedTarget {
  return {
    targetId: `${commitmentId}.t${index}`,
    text: '56个',
    span: [10, 13],
    min: 56,
    max: 56,
    unit: '个',
    comparator: 'at_least',
    direction: 'higher_better',
    object: '社区',
    multiYear: false,
    ...fields,
  };
}

export function commitmentRecorded(
  id: string,
  planYear: number,
  text: string,
  options: { organisation?: string; area?: string | null; targets?: RecordedTarget[]; spanStart?: number } = {},
): EventOfType<'CommitmentRecorded'> {
  const start = options.spanStart ?? 0;
  return {
    type: 'CommitmentRecorded',
    data: {
      commitmentId: id,
      reportId: `report-${planYear - 1}`,
      organisation: options.organisation ?? ORG,
      planYear,
      area: options.area === undefined ? '(一)社会救助' : options.area,
      marker: '一是',
      text,
      normalisedText: text,
      span: [start, start + text.length],
      targets: options.targets ?? [],
      carriedOverKey: carriedOverKeyFor({ organisation: options.organisation ?? ORG, normalisedText: text }),
    },
  };
}

export function quantity(value: number, unit: string, text: string, object: string | null): Quantity {
  return { text, span: [20, 20 + text.length], value, unit, qualifier: null, object, multiYear: false };
}

export function outcomeRecorded(
  id: string,
  summaryYear: number,
  text: string,
  options: { organisation?: string; quantities?: Quantity[]; cue?: 'done' | 'under_way' | 'not_done' | null } = {},
): EventOfType<'OutcomeRecorded'> {
  return {
    type: 'OutcomeRecorded',
    data: {
      outcomeId: id,
      reportId: `report-${summaryYear}`,
      organisation: options.organisation ?? ORG,
      summaryYear,
      area: null,
      text,
      span: [100, 100 + text.length],
      quantities: options.quantities ?? [],
      cue: options.cue === undefined ? 'done' : options.cue,
      aboutSummaryYear: true,
    },
  };
}

export function reportIngested(
  reportId: string,
  parts: { summaryYear?: number; planYear?: number; organisation?: string },
): EventOfType<'ReportIngested'> {
  const organisation = parts.organisation ?? ORG;
  return {
    type: 'ReportIngested',
    data: {
      reportId,
      sha256: SHA,
      text: '报告正文',
      source: null,
      organisation: { name: organisation, evidence: `来源: ${organisation}` },
      publishedAt: null,
      title: `${organisation}工作报告`,
      summary:
        parts.summaryYear === undefined
          ? null
          : { year: parts.summaryYear, heading: `一、${parts.summaryYear}年工作总结`, headingSpan: [0, 10], span: [0, 50], outcomeCount: 1 },
      plan:
        parts.planYear === undefined
          ? null
          : { year: parts.planYear, heading: `二、${parts.planYear}年工作思路`, headingSpan: [50, 60], span: [50, 100], commitmentCount: 1 },
      readerVersion: 'reader-test',
    },
  };
}

export function linkProposed(linkId: string, commitmentId: string, outcomeId: string, year: number, targetId: string | null = null): EventOfType<'EvidenceLinkProposed'> {
  return {
    type: 'EvidenceLinkProposed',
    data: {
      linkId,
      commitmentId,
      outcomeId,
      targetId,
      organisation: ORG,
      year,
      score: 0.8,
      method: { name: 'term-overlap', version: '1.0.0' },
      matchedTerms: ['社区'],
    },
  };
}

/** Appends each event to its own stream (`<category>-<id>`), in order; returns the position of each. */
export async function appendAll(store: EventStore, events: ReadonlyArray<DomainEvent | [DomainEvent, Actor]>): Promise<Position[]> {
  const positions: Position[] = [];
  for (const entry of events) {
    const [event, actor] = Array.isArray(entry) ? entry : [entry, actorOf(entry)];
    const result = await store.appendToStream(streamOf(event), [encodeEvent(randomUUID(), event, metadataFor(actor))], {
      expectedRevision: 'any',
    });
    positions.push(result.position);
  }
  return positions;
}

function actorOf(event: DomainEvent): Actor {
  if (event.type === 'EvidenceLinkProposed') return matcherActor;
  if (event.type === 'CommitmentAssessed' || event.type === 'CommitmentWithdrawn' || event.type === 'CommitmentAmended') return reviewerActor;
  if (event.type === 'EvidenceLinkConfirmed' || event.type === 'EvidenceLinkRejected') return reviewerActor;
  return readerActor;
}

function streamOf(event: DomainEvent): string {
  switch (event.type) {
    case 'ReportIngested':
      return `report-${event.data.reportId}`;
    case 'OutcomeRecorded':
      return `outcome-${event.data.outcomeId}`;
    default:
      return `commitment-${event.data.commitmentId}`;
  }
}
