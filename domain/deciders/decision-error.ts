/** Why a decider refused a command. The code is stable (clients branch on it); the message is for people. */
export const decisionErrorCodes = [
  'unknown_commitment',
  'unknown_outcome',
  'unknown_link',
  'unknown_target',
  'commitment_withdrawn',
  'organisation_mismatch',
  'year_mismatch',
  'duplicate_target_id',
  'sha256_mismatch',
] as const;
export type DecisionErrorCode = (typeof decisionErrorCodes)[number];

export interface DecisionError {
  code: DecisionErrorCode;
  message: string;
}

export function decisionError(code: DecisionErrorCode, message: string): DecisionError {
  return { code, message };
}
