/**
 * The projection: one domain event (at its current version) and its place in the log in, the row writes and
 * status refreshes it implies out. Pure: everything it needs travels in the event and the envelope.
 */
import type { DomainEvent, EventOfType } from '../domain/events/catalog.ts';
import type { Projection, RowChange } from './row-changes.ts';
import type { EventEnvelope, TargetRow } from './rows.ts';
import type { RecordedTarget } from '../domain/events/commitment-events.ts';

export function projectEvent(event: DomainEvent, envelope: EventEnvelope): Projection {
  switch (event.type) {
    case 'ReportIngested':
      return projectReportIngested(event, envelope);
    case 'CommitmentRecorded':
      return projectCommitmentRecorded(event, envelope);
    case 'OutcomeRecorded':
      return {
        changes: [{ kind: 'putOutcome', outcome: { outcome: event.data, version: envelope.position } }],
        refreshes: [{ scope: 'outcome', outcomeId: event.data.outcomeId }],
      };
    case 'EvidenceLinkProposed':
      return projectEvidenceLinkProposed(event, envelope);
    case 'EvidenceLinkConfirmed':
    case 'EvidenceLinkRejected': {
      const state = event.type === 'EvidenceLinkConfirmed' ? 'confirmed' : 'rejected';
      const { commitmentId, linkId, reason } = event.data;
      return {
        changes: [
          { kind: 'setEvidenceState', linkId, state, stateReason: reason, version: envelope.position },
          touch(commitmentId, envelope),
          timeline(commitmentId, event.type, envelope, `evidence link ${linkId} ${state}: ${reason}`),
        ],
        refreshes: [{ scope: 'commitment', commitmentId, carriedOver: false }],
      };
    }
    case 'CommitmentAssessed': {
      const { commitmentId, status, rationale } = event.data;
      return {
        changes: [
          { kind: 'assessCommitment', commitmentId, assessment: { status, rationale } },
          touch(commitmentId, envelope),
          timeline(commitmentId, event.type, envelope, `assessed ${status}: ${rationale}`),
        ],
        refreshes: [{ scope: 'commitment', commitmentId, carriedOver: false }],
      };
    }
    case 'CommitmentAmended':
      return projectCommitmentAmended(event, envelope);
    case 'CommitmentWithdrawn': {
      const { commitmentId, reason } = event.data;
      return {
        changes: [
          { kind: 'withdrawCommitment', commitmentId, reason },
          touch(commitmentId, envelope),
          timeline(commitmentId, event.type, envelope, `withdrawn: ${reason}`),
        ],
        refreshes: [{ scope: 'commitment', commitmentId, carriedOver: false }],
      };
    }
  }
}

function projectReportIngested(event: EventOfType<'ReportIngested'>, envelope: EventEnvelope): Projection {
  const report = event.data;
  const organisation = report.organisation.name;
  const changes: RowChange[] = [
    {
      kind: 'putReport',
      report: {
        id: report.reportId,
        sha256: report.sha256,
        organisation,
        organisationEvidence: report.organisation.evidence,
        title: report.title,
        publishedAt: report.publishedAt,
        source: report.source,
        readerVersion: report.readerVersion,
        textLength: report.text.length,
        recordedAt: envelope.recordedAt,
        version: envelope.position,
      },
    },
    { kind: 'putOrganisation', organisation: { name: organisation, firstSeenPosition: envelope.position } },
  ];
  const refreshes: Projection['refreshes'] = [];
  if (report.summary !== null) {
    const { year, heading, headingSpan, span, outcomeCount } = report.summary;
    changes.push({
      kind: 'putReportPart',
      part: { reportId: report.reportId, part: 'summary', organisation, year, heading, headingSpan, span, itemCount: outcomeCount },
    });
    // The summary of year Y is what turns the commitments planned for Y from pending into a verdict.
    refreshes.push({ scope: 'planYear', organisation, planYear: year });
  }
  if (report.plan !== null) {
    const { year, heading, headingSpan, span, commitmentCount } = report.plan;
    changes.push({
      kind: 'putReportPart',
      part: { reportId: report.reportId, part: 'plan', organisation, year, heading, headingSpan, span, itemCount: commitmentCount },
    });
    // Ingestion writes the report stream last, so every commitment of this plan is already projected here.
    refreshes.push({ scope: 'carriedOver', organisation, planYear: year - 1 });
  }
  return { changes, refreshes };
}

function projectCommitmentRecorded(event: EventOfType<'CommitmentRecorded'>, envelope: EventEnvelope): Projection {
  const data = event.data;
  return {
    changes: [
      {
        kind: 'putCommitment',
        commitment: {
          id: data.commitmentId,
          organisation: data.organisation,
          planYear: data.planYear,
          area: data.area,
          marker: data.marker,
          text: data.text,
          originalText: null,
          normalisedText: data.normalisedText,
          reportId: data.reportId,
          span: data.span,
          withdrawnReason: null,
          assessment: null,
          status: 'pending',
          computedStatus: 'pending',
          reason: null,
          carriedOver: false,
          version: envelope.position,
          recordedAt: envelope.recordedAt,
        },
      },
      { kind: 'replaceTargets', commitmentId: data.commitmentId, targets: targetRows(data.commitmentId, data.targets) },
      timeline(
        data.commitmentId,
        event.type,
        envelope,
        `recorded from report ${data.reportId} for ${data.planYear} with ${data.targets.length} target(s)`,
      ),
    ],
    refreshes: [{ scope: 'commitment', commitmentId: data.commitmentId, carriedOver: true }],
  };
}

function projectEvidenceLinkProposed(event: EventOfType<'EvidenceLinkProposed'>, envelope: EventEnvelope): Projection {
  const data = event.data;
  const method = `${data.method.name}@${data.method.version}`;
  return {
    changes: [
      {
        kind: 'putEvidence',
        evidence: {
          linkId: data.linkId,
          commitmentId: data.commitmentId,
          outcomeId: data.outcomeId,
          targetId: data.targetId,
          score: data.score,
          methodName: data.method.name,
          methodVersion: data.method.version,
          matchedTerms: data.matchedTerms,
          state: 'proposed',
          stateReason: null,
          version: envelope.position,
        },
      },
      touch(data.commitmentId, envelope),
      timeline(
        data.commitmentId,
        event.type,
        envelope,
        `outcome ${data.outcomeId} proposed as evidence${data.targetId === null ? '' : ` for target ${data.targetId}`} by ${method}, score ${data.score}`,
      ),
    ],
    refreshes: [{ scope: 'commitment', commitmentId: data.commitmentId, carriedOver: false }],
  };
}

function projectCommitmentAmended(event: EventOfType<'CommitmentAmended'>, envelope: EventEnvelope): Projection {
  const { commitmentId, text, targets, reason } = event.data;
  const changes: RowChange[] = [];
  const corrected: string[] = [];
  if (text !== null) {
    changes.push({ kind: 'amendCommitmentText', commitmentId, text });
    corrected.push('text');
  }
  if (targets !== null) {
    changes.push({ kind: 'replaceTargets', commitmentId, targets: targetRows(commitmentId, targets) });
    corrected.push('targets');
  }
  changes.push(touch(commitmentId, envelope));
  changes.push(timeline(commitmentId, event.type, envelope, `amended ${corrected.join(' and ') || 'nothing'}: ${reason}`));
  return { changes, refreshes: [{ scope: 'commitment', commitmentId, carriedOver: text !== null }] };
}

function targetRows(commitmentId: string, targets: readonly RecordedTarget[]): TargetRow[] {
  return targets.map((target, index) => ({
    targetId: target.targetId,
    commitmentId,
    index,
    target,
    status: 'pending',
    actual: null,
  }));
}

function touch(commitmentId: string, envelope: EventEnvelope): RowChange {
  return { kind: 'touchCommitment', commitmentId, version: envelope.position };
}

function timeline(commitmentId: string, kind: string, envelope: EventEnvelope, summary: string): RowChange {
  return {
    kind: 'appendTimeline',
    entry: { commitmentId, position: envelope.position, kind, recordedAt: envelope.recordedAt, actor: envelope.actor, summary, status: null },
  };
}
