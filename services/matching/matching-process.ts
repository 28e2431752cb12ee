/**
 * The matching process: it follows the log, and whenever the plan of (organisation, Y) and the review of
 * (organisation, Y) are both recorded — in either order — or either side gains members, it runs the matcher and
 * proposes each new link through the ledger's command handler (`ProposeEvidenceLink`).
 * Re-running proposes nothing new: link ids are deterministic, links already in the log are skipped, and the
 * commitment's decider turns a repeat into a no-op. A link a reviewer rejected is never proposed again.
 *
 * `runMatchingCatchUp` processes the log up to its head and returns (the CLI's read commands use it);
 * `startMatchingProcess` catches up, then follows the live log until `stop()`. With a state file
 * (matching-state.ts) both resume after the last event they processed; without one they start from the beginning
 * in memory.
 */
import type { ProposeEvidenceLink } from '../../domain/commands/evidence-link-commands.ts';
import type { Actor } from '../../domain/events/metadata.ts';
import { proposeEvidence, TERM_OVERLAP_METHOD, type ProposedLink } from '../../domain/matching/propose-evidence.ts';
import type { CommandContext } from '../commands/command-handler.ts';
import { executeLedgerCommand } from '../commands/execute-ledger-command.ts';
import { decodeLedgerEvent } from '../events/event-codec.ts';
import type { Logger } from '../logger.ts';
import type { EventStore, RecordedEvent, Subscription } from '../store/event-store.ts';
import { comparePositions, type Position } from '../store/position.ts';
import { logHoldsMark, markOf } from '../store/log-mark.ts';
import { MatchingState, type MatchingGroup } from './matching-state.ts';

export interface MatchingOptions {
  /** The time written on the proposals' metadata; defaults to the system clock. */
  clock?: () => Date;
  logger?: Logger;
  /** Where the process keeps what it has read (a SQLite file); `:memory:` (the default) starts from scratch. */
  stateFile?: string;
}

/** Events folded in between two commits of the state during a catch-up. */
const COMMIT_EVERY = 5000;

export interface MatchingTally {
  eventsRead: number;
  groupsMatched: number;
  linksProposed: number;
  /** Proposals the ledger refused (logged with their reason). */
  failures: number;
  /** The last position processed, or null for an empty log. */
  position: Position | null;
  /** Where this run started reading: after the state's checkpoint, or null from the beginning. */
  resumedAfter: Position | null;
}

const SHA256 = /^[0-9a-f]{64}$/;

const matcherActor: Actor = { kind: 'matcher', id: TERM_OVERLAP_METHOD.name, version: TERM_OVERLAP_METHOD.version };

/** The state of the process and its one way to act: propose the new links of the due groups. */
class MatchingWorker {
  readonly state: MatchingState;
  readonly tally: MatchingTally = { eventsRead: 0, groupsMatched: 0, linksProposed: 0, failures: 0, position: null, resumedAfter: null };
  private readonly clock: () => Date;
  private uncommitted = 0;
  /** The last event folded in: the checkpoint the next commit writes. */
  private lastRead: RecordedEvent | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly options: MatchingOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.state = new MatchingState(options.stateFile);
  }

  /**
   * Where to resume: the state's checkpoint, unless the log does not hold the event it names (an emptied store,
   * or another log), in which case the state is dropped and the log read from its beginning.
   */
  async resumePoint(): Promise<Position | null> {
    const mark = this.state.checkpointMark();
    if (mark === null) return null;
    if (!(await logHoldsMark(this.store, mark))) {
      this.options.logger?.warn(
        { checkpoint: mark.position, stream: mark.stream, revision: mark.revision },
        'matching state was built from another log (its last event is not in this one); starting again from the beginning',
      );
      this.state.reset();
      return null;
    }
    const checkpoint = mark.position;
    this.tally.position = checkpoint;
    this.tally.resumedAfter = checkpoint;
    return checkpoint;
  }

  /** Folds one recorded event in; returns true when a group became due for matching. */
  apply(recorded: RecordedEvent): boolean {
    this.tally.eventsRead++;
    this.tally.position = recorded.position;
    this.lastRead = recorded;
    const decoded = decodeLedgerEvent(recorded);
    const due = decoded === null ? false : this.state.apply(decoded.event);
    if (++this.uncommitted >= COMMIT_EVERY) this.commit();
    return due;
  }

  /** Makes what was folded in durable, with the last event read as the checkpoint. */
  commit(): void {
    if (this.lastRead !== null && this.uncommitted > 0) this.state.commit(markOf(this.lastRead));
    this.uncommitted = 0;
  }

  async proposeDue(): Promise<void> {
    this.commit();
    for (const group of this.state.dueGroups()) {
      this.tally.groupsMatched++;
      await this.proposeGroup(group);
      this.state.matched(group.key);
    }
  }

  close(): void {
    this.commit();
    this.state.close();
  }

  private async proposeGroup(group: MatchingGroup): Promise<void> {
    const outcomes = new Map(group.outcomes.map((outcome) => [outcome.outcomeId, outcome]));
    for (const link of proposeEvidence(group)) {
      if (this.state.isKnownLink(link.linkId) || this.state.isWithdrawn(link.commitmentId)) continue;
      const reportId = outcomes.get(link.outcomeId)?.reportId;
      const span = outcomes.get(link.outcomeId)?.span ?? null;
      await this.propose(link, reportId !== undefined && SHA256.test(reportId) ? { sha256: reportId, span } : null);
    }
  }

  private async propose(link: ProposedLink, source: CommandContext['source']): Promise<void> {
    const command: ProposeEvidenceLink = {
      type: 'ProposeEvidenceLink',
      commitmentId: link.commitmentId,
      outcomeId: link.outcomeId,
      targetId: link.targetId,
      score: link.score,
      method: link.method,
      matchedTerms: link.matchedTerms,
    };
    const context: CommandContext = {
      actor: matcherActor,
      // Deterministic, so a run retried after a crash appends events with the same ids.
      correlationId: `matching:${link.method.name}@${link.method.version}:${link.linkId}`,
      causationId: null,
      occurredAt: this.clock().toISOString(),
      source,
    };
    const result = await executeLedgerCommand(this.store, command, context);
    if (!result.ok) {
      this.tally.failures++;
      this.options.logger?.warn({ linkId: link.linkId, commitmentId: link.commitmentId, error: result.error }, 'evidence link not proposed');
      return;
    }
    if (result.events.length > 0) this.tally.linksProposed++;
  }
}

/** Processes the log up to its head (matching every group that is due), then returns what it did. */
export async function runMatchingCatchUp(store: EventStore, options: MatchingOptions = {}): Promise<MatchingTally> {
  const worker = new MatchingWorker(store, options);
  try {
    const after = await worker.resumePoint();
    for await (const recorded of store.readAll(after === null ? {} : { after })) worker.apply(recorded);
    await worker.proposeDue();
    options.logger?.debug({ ...worker.tally }, 'matching caught up');
    return { ...worker.tally };
  } finally {
    worker.close();
  }
}

export interface MatchingProcess {
  /** Resolves once the log as it was at start has been processed. */
  caughtUp(): Promise<void>;
  /** Resolves once every event up to `position` has been processed (and its proposals made). */
  processedThrough(position: Position): Promise<void>;
  tally(): MatchingTally;
  /** Ends the subscription and waits for the event in hand to finish. */
  stop(): Promise<void>;
}

export function startMatchingProcess(store: EventStore, options: MatchingOptions = {}): MatchingProcess {
  const worker = new MatchingWorker(store, options);
  const waiters: Array<{ position: Position; resolve: () => void }> = [];
  let subscription: Subscription | null = null;
  let stopped = false;
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => {
    markCaughtUp = resolve;
  });

  const release = (): void => {
    const processed = worker.tally.position;
    for (let index = waiters.length - 1; index >= 0; index--) {
      const waiter = waiters[index]!;
      if (processed !== null && comparePositions(processed, waiter.position) >= 0) {
        waiters.splice(index, 1);
        waiter.resolve();
      }
    }
  };

  const loop = (async () => {
    // Catch up in one pass first: the proposals already in the log are then known before anything is proposed.
    const resumeAfter = await worker.resumePoint();
    for await (const recorded of store.readAll(resumeAfter === null ? {} : { after: resumeAfter })) {
      if (stopped) return;
      worker.apply(recorded);
    }
    await worker.proposeDue();
    release();
    markCaughtUp();
    if (stopped) return;
    const after = worker.tally.position;
    subscription = store.subscribeToAll(after === null ? {} : { after });
    for await (const recorded of subscription) {
      if (worker.apply(recorded)) await worker.proposeDue();
      else worker.commit();
      release();
      if (stopped) break;
    }
  })()
    .catch((error: unknown) => {
      options.logger?.error({ err: error }, 'matching process stopped on an error');
      markCaughtUp();
    })
    .finally(() => worker.close());

  return {
    caughtUp: () => caughtUp,
    processedThrough(position) {
      const processed = worker.tally.position;
      if (processed !== null && comparePositions(processed, position) >= 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ position, resolve }));
    },
    tally: () => ({ ...worker.tally }),
    async stop() {
      stopped = true;
      await subscription?.close();
      await loop;
      for (const waiter of waiters.splice(0)) waiter.resolve();
    },
  };
}
