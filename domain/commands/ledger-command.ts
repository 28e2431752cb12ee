/**
 * Every command the ledger's deciders accept, as one discriminated union: the shape the command handler,
 * the API and the matcher send. (Ingesting a document is a service-level command: see ingest-report.ts.)
 */
import { z } from 'zod';
import { assessCommitmentSchema, amendCommitmentSchema, withdrawCommitmentSchema } from './commitment-review-commands.ts';
import { confirmEvidenceLinkSchema, proposeEvidenceLinkSchema, rejectEvidenceLinkSchema } from './evidence-link-commands.ts';
import { recordCommitmentSchema } from './record-commitment.ts';
import { recordOutcomeSchema } from './record-outcome.ts';
import { recordReportSchema } from './record-report.ts';

export const ledgerCommandSchema = z.discriminatedUnion('type', [
  recordReportSchema,
  recordCommitmentSchema,
  recordOutcomeSchema,
  proposeEvidenceLinkSchema,
  confirmEvidenceLinkSchema,
  rejectEvidenceLinkSchema,
  assessCommitmentSchema,
  amendCommitmentSchema,
  withdrawCommitmentSchema,
]);
export type LedgerCommand = z.infer<typeof ledgerCommandSchema>;

export type CommitmentCommand = Extract<
  LedgerCommand,
  {
    type:
      | 'RecordCommitment'
      | 'ProposeEvidenceLink'
      | 'ConfirmEvidenceLink'
      | 'RejectEvidenceLink'
      | 'AssessCommitment'
      | 'AmendCommitment'
      | 'WithdrawCommitment';
  }
>;
