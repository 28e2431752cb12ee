/**
 * Writes prepared documents: commitments, outcomes and, last, each document's report. A store with multi-stream
 * transactions takes a group of documents in one atomic append (one commit instead of one per stream), so a
 * report exists exactly when everything of its document does. Any other store gets the streams one by one, the
 * report stream last: a crash in between leaves no report stream, and the retry completes the rest.
 */
import type { DomainEvent } from '../../domain/events/catalog.ts';
import type { Span } from '../../domain/reader/parsed-report.ts';
import { canAppendAtomically, handleCommandsAtomically, type BatchItem, type MultiStreamStore } from '../commands/atomic-batch.ts';
import type { CommandContext, CommandError } from '../commands/command-handler.ts';
import { executeLedgerCommand, planLedgerCommand, streamOfCommand } from '../commands/execute-ledger-command.ts';
import type { EventStore } from '../store/event-store.ts';
import type { RecordedCounts } from './ingestion-result.ts';
import type { PreparedDocument } from './prepare-document.ts';

export type DocumentRecording = { ok: true; recorded: RecordedCounts; reportRecorded: boolean } | { ok: false; error: CommandError };

const sourced = (document: PreparedDocument, span: Span): CommandContext => ({
  ...document.context,
  source: { sha256: document.sha256, span },
});

/** Records each entry's document and returns the entries with their recordings. */
export async function recordDocuments<T extends { document: PreparedDocument }>(
  store: EventStore,
  entries: readonly T[],
): Promise<Array<T & { recording: DocumentRecording }>> {
  if (canAppendAtomically(store)) {
    const recordings = await recordAtomically(store, entries.map((entry) => entry.document));
    return entries.map((entry, position) => ({ ...entry, recording: recordings[position] ?? missingRecording }));
  }
  const recorded: Array<T & { recording: DocumentRecording }> = [];
  for (const entry of entries) recorded.push({ ...entry, recording: await recordStreamByStream(store, entry.document) });
  return recorded;
}

// recordAtomically answers once per document, so this never shows; it keeps the types honest without an assertion.
const missingRecording: DocumentRecording = {
  ok: false,
  error: { code: 'write_conflict', message: 'the document was not part of the recorded batch', stream: '(batch)', attempts: 0 },
};

async function recordAtomically(store: MultiStreamStore, documents: readonly PreparedDocument[]): Promise<DocumentRecording[]> {
  const items: BatchItem<DomainEvent>[] = [];
  const layout: Array<{ commitments: number[]; outcomes: number[]; report: number }> = [];
  // A batch decides each stream once; a commitment that recurs (in one plan, or in two documents of the batch)
  // is recorded by its first occurrence, exactly as the later ones would be no-ops when written one by one.
  const streams = new Set<string>();
  const firstOccurrence = (command: Parameters<typeof streamOfCommand>[0]): boolean => {
    const stream = streamOfCommand(command);
    if (streams.has(stream)) return false;
    streams.add(stream);
    return true;
  };
  for (const document of documents) {
    const { plan } = document;
    const place = (item: BatchItem<DomainEvent>): number => items.push(item) - 1;
    layout.push({
      commitments: plan.commitments.filter(firstOccurrence).map((command) => place(planLedgerCommand(store, command, sourced(document, command.span)))),
      outcomes: plan.outcomes.filter(firstOccurrence).map((command) => place(planLedgerCommand(store, command, sourced(document, command.span)))),
      report: firstOccurrence(plan.report) ? place(planLedgerCommand(store, plan.report, document.context)) : -1,
    });
  }
  const result = await handleCommandsAtomically(store, items, { assumeNewStreams: true });
  if (!result.ok) return documents.map(() => ({ ok: false, error: result.error }));
  const appended = (index: number): number => result.events[index]?.length ?? 0;
  const sum = (indexes: readonly number[]): number => indexes.reduce((total, index) => total + appended(index), 0);
  return layout.map(({ commitments, outcomes, report }) => ({
    ok: true,
    recorded: { commitments: sum(commitments), outcomes: sum(outcomes) },
    reportRecorded: appended(report) > 0,
  }));
}

async function recordStreamByStream(store: EventStore, document: PreparedDocument): Promise<DocumentRecording> {
  const { plan } = document;
  const recorded = { commitments: 0, outcomes: 0 };
  for (const command of plan.commitments) {
    const result = await executeLedgerCommand(store, command, sourced(document, command.span), { assumeNewStream: true });
    if (!result.ok) return result;
    recorded.commitments += result.events.length;
  }
  for (const command of plan.outcomes) {
    const result = await executeLedgerCommand(store, command, sourced(document, command.span), { assumeNewStream: true });
    if (!result.ok) return result;
    recorded.outcomes += result.events.length;
  }
  const report = await executeLedgerCommand(store, plan.report, document.context, { assumeNewStream: true });
  if (!report.ok) return report;
  return { ok: true, recorded, reportRecorded: report.events.length > 0 };
}
