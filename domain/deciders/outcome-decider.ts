/** The outcome stream (`outcome-<id>`): one OutcomeRecorded; recording it again changes nothing. */
import { outcomeIdOf, type RecordOutcome } from '../commands/record-outcome.ts';
import type { EventOfType } from '../events/catalog.ts';
import type { OutcomeRecordedV1 } from '../events/outcome-events.ts';
import { accept, unchanged, type Decider } from './decider.ts';

export type OutcomeEvent = EventOfType<'OutcomeRecorded'>;
export type OutcomeState = { recorded: false } | { recorded: true; outcome: OutcomeRecordedV1 };

/** What a commitment needs to know of an outcome before linking to it. */
export interface OutcomeFacts {
  outcomeId: string;
  organisation: string;
  summaryYear: number;
}

export function outcomeFactsOf(state: OutcomeState): OutcomeFacts | null {
  if (!state.recorded) return null;
  const { outcomeId, organisation, summaryYear } = state.outcome;
  return { outcomeId, organisation, summaryYear };
}

export const outcomeDecider: Decider<RecordOutcome, OutcomeEvent, OutcomeState> = {
  initialState: { recorded: false },
  evolve: (_state, event) => ({ recorded: true, outcome: event.data }),
  decide: (command, state) => {
    if (state.recorded) return unchanged();
    const { type: _command, ...outcome } = command;
    return accept({ type: 'OutcomeRecorded', data: { outcomeId: outcomeIdOf(command), ...outcome } });
  },
};
