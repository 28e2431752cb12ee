/** The report stream (`report-<sha256>`): one ReportIngested, written last by an ingestion, so it marks completion. */
import type { RecordReport } from '../commands/record-report.ts';
import type { EventOfType } from '../events/catalog.ts';
import type { ReportIngestedV1 } from '../events/report-events.ts';
import { reportIdFor, sha256Hex } from '../ids.ts';
import { accept, reject, unchanged, type Decider } from './decider.ts';
import { decisionError } from './decision-error.ts';

export type ReportEvent = EventOfType<'ReportIngested'>;
export type ReportState = { ingested: false } | { ingested: true; report: ReportIngestedV1 };

export const reportDecider: Decider<RecordReport, ReportEvent, ReportState> = {
  initialState: { ingested: false },
  evolve: (_state, event) => ({ ingested: true, report: event.data }),
  decide: (command, state) => {
    if (state.ingested) return unchanged();
    if (sha256Hex(command.text) !== command.sha256) {
      return reject(decisionError('sha256_mismatch', `the text does not hash to ${command.sha256}`));
    }
    const { type: _command, ...report } = command;
    return accept({ type: 'ReportIngested', data: { reportId: reportIdFor(command.sha256), ...report } });
  },
};
