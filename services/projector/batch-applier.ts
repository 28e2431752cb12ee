/**
 * Applies recorded events to the read models, a batch at a time: every row the batch implies and the checkpoint
 * after its last event commit in ONE SQLite transaction, so a crash at any moment leaves the read models at a
 * batch boundary and the projector resumes exactly after it. Within a batch, the status refreshes read the
 * commitments from a batch state (services/read-models/batch-state.ts) that reads each from the tables once and
 * writes it back once, before the checkpoint.
 */
import type { Logger } from '../logger.ts';
import { decodeLedgerEvent, UndecodableEvent } from '../events/event-codec.ts';
import type { RecordedEvent } from '../store/event-store.ts';
import { markOf } from '../store/log-mark.ts';
import type { Position } from '../store/position.ts';
import { projectEvent } from '../../projections/project-event.ts';
import { commitmentsWithStaleCarriedOver, refreshCommitmentStatus } from '../../projections/refresh-status.ts';
import type { RowChange, StatusRefresh } from '../../projections/row-changes.ts';
import type { EventEnvelope } from '../../projections/rows.ts';
import { buildScorecardRows } from '../../projections/scorecard.ts';
import { batchStates } from '../read-models/batch-state.ts';
import { checkpointReader } from '../read-models/checkpoint.ts';
import { createRowWriter } from '../read-models/row-writer.ts';
import type { ReadModelDb } from '../read-models/schema.ts';

export interface BatchResult {
  /** The checkpoint after the batch. */
  position: Position;
  /** Commitments whose visible state changed in the batch, in first-change order. */
  changedCommitmentIds: string[];
  /** Records that were not valid ledger events; logged and passed over. */
  undecodable: number;
}

export interface BatchApplier {
  readonly db: ReadModelDb;
  checkpoint(): Position | null;
  /** Applies events strictly after the checkpoint, in order; returns null for an empty batch. */
  apply(events: readonly RecordedEvent[]): BatchResult | null;
}

export interface BatchApplierOptions {
  logger?: Logger;
  /** Events for which this returns false are passed over (the checkpoint still moves past them). */
  include?: (event: RecordedEvent) => boolean;
}

export function createBatchApplier(db: ReadModelDb, options: BatchApplierOptions = {}): BatchApplier {
  const { logger, include } = options;
  const readCheckpoint = checkpointReader(db);
  const writer = createRowWriter(db);
  const newBatchState = batchStates(db);

  function checkpoint(): Position | null {
    return readCheckpoint()?.position ?? null;
  }

  /** One batch's work, inside its transaction: events go in one by one, `finish` writes what the batch implies. */
  function startBatch(): { add(recorded: RecordedEvent): void; finish(): BatchResult | null } {
    const after = checkpoint();
    // What the refreshes read: the tables as this batch left them, without reading back rows it just wrote.
    const reader = newBatchState();
    const changed = new Set<string>();
    const dirtyScorecards = new Map<string, { organisation: string; planYear: number }>();
    let undecodable = 0;
    let last: RecordedEvent | null = null;

    const write = (changes: readonly RowChange[]): void => {
      for (const change of changes) {
        reader.apply(change);
        if (change.kind === 'touchCommitment' || change.kind === 'setCommitmentStatus') changed.add(change.commitmentId);
        if (change.kind === 'putCommitment') {
          const { organisation, planYear } = change.commitment;
          dirtyScorecards.set(`${planYear}\u0000${organisation}`, { organisation, planYear });
        }
      }
    };

    const refresh = (request: StatusRefresh, cause: EventEnvelope): void => {
      const refreshOne = (
        commitmentId: string,
        nextYearPlan: { texts: string[]; test: (text: string) => boolean } | 'load' | null,
      ): void => {
        const snapshot = reader.snapshot(commitmentId, nextYearPlan === 'load');
        if (snapshot === null) return;
        const changes = refreshCommitmentStatus(
          nextYearPlan === 'load' || nextYearPlan === null
            ? snapshot
            : { ...snapshot, nextYearPlanTexts: nextYearPlan.texts, nextYearPlanTest: nextYearPlan.test },
          cause,
        );
        if (changes.length === 0) return;
        write(changes);
        const { organisation, planYear } = snapshot.commitment;
        dirtyScorecards.set(`${planYear}\u0000${organisation}`, { organisation, planYear });
      };
      switch (request.scope) {
        case 'commitment':
          refreshOne(request.commitmentId, request.carriedOver ? 'load' : null);
          return;
        case 'outcome':
          for (const id of reader.commitmentIdsLinkedTo(request.outcomeId)) refreshOne(id, null);
          return;
        case 'planYear':
          for (const id of reader.commitmentIdsOf(request.organisation, request.planYear)) refreshOne(id, null);
          return;
        case 'carriedOver': {
          const texts = reader.planTextsOf(request.organisation, request.planYear + 1);
          const check = reader.carriedOverCheck(request.organisation, request.planYear + 1);
          const stale = commitmentsWithStaleCarriedOver(reader.carriedOverFlagsOf(request.organisation, request.planYear), texts, (commitment) =>
            check(commitment.id, commitment.text),
          );
          for (const id of stale) refreshOne(id, { texts, test: (text) => check(id, text) });
          return;
        }
      }
    };

    const add = (recorded: RecordedEvent): void => {
      if (after !== null && recorded.position <= after) return;
      if (last !== null && recorded.position <= last.position) {
        throw new Error(`events out of order: ${recorded.position} after ${last.position}`);
      }
      last = recorded;
      if (include !== undefined && !include(recorded)) return;
      let decoded;
      try {
        decoded = decodeLedgerEvent(recorded);
      } catch (error) {
        if (!(error instanceof UndecodableEvent)) throw error;
        undecodable++;
        logger?.error({ err: error, position: recorded.position }, 'read models: passing over an undecodable event');
        return;
      }
      if (decoded === null) return;
      const envelope: EventEnvelope = {
        position: recorded.position,
        recordedAt: recorded.recordedAt,
        actor: decoded.metadata.actor,
      };
      const projection = projectEvent(decoded.event, envelope);
      write(projection.changes);
      for (const request of projection.refreshes) refresh(request, envelope);
    };

    const finish = (): BatchResult | null => {
      if (last === null) return null;
      reader.flush();
      for (const { organisation, planYear } of dirtyScorecards.values()) {
        writer.replaceScorecard(organisation, planYear, buildScorecardRows(organisation, planYear, reader.areaStatusesOf(organisation, planYear)));
      }
      writer.writeCheckpoint(markOf(last));
      return { position: last.position, changedCommitmentIds: [...changed], undecodable };
    };
    return { add, finish };
  }

  const applyInTransaction = db.transaction((events: readonly RecordedEvent[]): BatchResult | null => {
    const batch = startBatch();
    for (const recorded of events) batch.add(recorded);
    return batch.finish();
  });

  return {
    db,
    checkpoint,
    apply: (events) => (events.length === 0 ? null : applyInTransaction.immediate(events)),
  };
}
