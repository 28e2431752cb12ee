import { commitmentStatusSchema, type CommitmentStatus } from '../../domain/events/commitment-events.ts';

/** A status named by a user (CLI flag, query parameter); null when it is not one of the statuses. */
export function parseStatus(token: string): CommitmentStatus | null {
  const parsed = commitmentStatusSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}

export const STATUS_NAMES: readonly string[] = commitmentStatusSchema.options;
