/**
 * Everything ingestion decides before it writes: validate the command, recognise a document already ingested
 * (by its SHA-256), read it, check the organisation hint, and plan its commands. A refusal here records nothing.
 */
import { ingestReportSchema } from '../../domain/commands/ingest-report.ts';
import { reportDecider } from '../../domain/deciders/report-decider.ts';
import { reportIdFor, sha256Hex, streamNames } from '../../domain/ids.ts';
import { checkOrganisationHint } from '../../domain/ingestion/organisation-hint.ts';
import { planIngestion, type IngestionPlan } from '../../domain/ingestion/plan-ingestion.ts';
import { parsedReportSchema } from '../../domain/reader/parsed-report.ts';
import { loadStream, type CommandContext } from '../commands/command-handler.ts';
import type { EventStore } from '../store/event-store.ts';
import { successFromReport, type IngestionResult } from './ingestion-result.ts';
import type { ReportReader } from './report-reader.ts';

export interface PreparedDocument {
  sha256: string;
  plan: IngestionPlan;
  /** The context of the document's events: the reader as actor, and a correlation id fixed by the SHA-256. */
  context: CommandContext;
}

/** A final answer (refused, or already ingested), or a document ready to record. */
export type Preparation = { done: IngestionResult } | { ready: PreparedDocument };

export async function prepareDocument(store: EventStore, reader: ReportReader, occurredAt: string, input: unknown): Promise<Preparation> {
  const command = ingestReportSchema.safeParse(input);
  if (!command.success) return { done: { ok: false, error: { code: 'invalid_command', message: command.error.message } } };
  const { text, organisationHint, sourceUri } = command.data;
  const sha256 = sha256Hex(text);

  const existing = await loadStream(store, streamNames.report(reportIdFor(sha256)), reportDecider);
  if (existing.state.ingested) {
    const { report } = existing.state;
    const hint = checkOrganisationHint(report.organisation, organisationHint);
    if (!hint.ok) return { done: mismatch(hint.message, report.organisation.name, organisationHint ?? '') };
    return { done: successFromReport(report, true, { commitments: 0, outcomes: 0 }) };
  }

  const read = reader.read(text);
  if (!read.ok) return { done: { ok: false, error: { code: 'unreadable', reason: read.error.reason, message: read.error.message } } };
  const checked = parsedReportSchema.safeParse(read.report);
  if (!checked.success) {
    return { done: { ok: false, error: { code: 'unreadable', reason: 'invalid_reader_output', message: checked.error.message } } };
  }
  const parsed = checked.data;
  const hint = checkOrganisationHint(parsed.organisation, organisationHint);
  if (!hint.ok) return { done: mismatch(hint.message, parsed.organisation.name, organisationHint ?? '') };

  return {
    ready: {
      sha256,
      plan: planIngestion({ text, sha256, parsed, sourceUri, readerVersion: reader.version }),
      context: {
        actor: { kind: 'reader', id: 'plan-ledger-reader', version: reader.version },
        // Deterministic, so the event ids of a retried ingestion are those of the interrupted one.
        correlationId: `ingest-${sha256}`,
        causationId: null,
        occurredAt,
        source: { sha256, span: null },
      },
    },
  };
}

function mismatch(message: string, found: string, hint: string): IngestionResult {
  return { ok: false, error: { code: 'organisation_mismatch', message, found, hint } };
}
