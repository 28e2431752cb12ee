/**
 * Routes any ledger command to its stream and decider. A link proposal first reads the outcome's stream, so the
 * commitment's decider can check that the outcome exists and belongs to the same organisation and year.
 */
import { commitmentIdOf } from '../../domain/commands/record-commitment.ts';
import { outcomeIdOf } from '../../domain/commands/record-outcome.ts';
import type { LedgerCommand } from '../../domain/commands/ledger-command.ts';
import { commitmentDecider, type CommitmentEvent } from '../../domain/deciders/commitment-decider.ts';
import { outcomeDecider, outcomeFactsOf, type OutcomeEvent } from '../../domain/deciders/outcome-decider.ts';
import { reportDecider, type ReportEvent } from '../../domain/deciders/report-decider.ts';
import { reportIdFor, streamNames } from '../../domain/ids.ts';
import type { EventStore } from '../store/event-store.ts';
import {
  handleCommand,
  loadStream,
  planCommand,
  type CommandContext,
  type CommandResult,
  type HandleCommandOptions,
  type PlanResult,
} from './command-handler.ts';
import type { RecordCommitment } from '../../domain/commands/record-commitment.ts';
import type { RecordOutcome } from '../../domain/commands/record-outcome.ts';
import type { RecordReport } from '../../domain/commands/record-report.ts';

export type LedgerEvent = ReportEvent | OutcomeEvent | CommitmentEvent;

/** The stream a command is decided on. */
export function streamOfCommand(command: LedgerCommand): string {
  switch (command.type) {
    case 'RecordReport':
      return streamNames.report(reportIdFor(command.sha256));
    case 'RecordOutcome':
      return streamNames.outcome(outcomeIdOf(command));
    case 'RecordCommitment':
      return streamNames.commitment(commitmentIdOf(command));
    default:
      return streamNames.commitment(command.commitmentId);
  }
}

export async function executeLedgerCommand(
  store: EventStore,
  command: LedgerCommand,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<CommandResult<LedgerEvent>> {
  const stream = streamOfCommand(command);
  switch (command.type) {
    case 'RecordReport':
      return handleCommand(store, { stream, decider: reportDecider, command, context }, options);
    case 'RecordOutcome':
      return handleCommand(store, { stream, decider: outcomeDecider, command, context }, options);
    case 'ProposeEvidenceLink': {
      const outcome = await loadStream(store, streamNames.outcome(command.outcomeId), outcomeDecider);
      const proposal = { ...command, outcome: outcomeFactsOf(outcome.state) };
      return handleCommand(store, { stream, decider: commitmentDecider, command: proposal, context }, options);
    }
    default:
      return handleCommand(store, { stream, decider: commitmentDecider, command, context }, options);
  }
}

/**
 * A recording command's planned append, for batching a whole document into one transaction (atomic-batch.ts).
 * Only recording commands: deciding them needs nothing but their own stream.
 */
export function planLedgerCommand(
  store: EventStore,
  command: RecordReport | RecordCommitment | RecordOutcome,
  context: CommandContext,
): (assumeNewStream: boolean) => Promise<PlanResult<LedgerEvent>> {
  const stream = streamOfCommand(command);
  return async (assumeNewStream) => {
    switch (command.type) {
      case 'RecordReport':
        return planCommand(store, { stream, decider: reportDecider, command, context }, assumeNewStream);
      case 'RecordCommitment':
        return planCommand(store, { stream, decider: commitmentDecider, command, context }, assumeNewStream);
      case 'RecordOutcome':
        return planCommand(store, { stream, decider: outcomeDecider, command, context }, assumeNewStream);
    }
  };
}
