/**
 * The read models as one batch sees them: each commitment the batch touches is read from the tables once, kept
 * in memory while the batch's events change it, and its row and targets are written once, at `flush`, in the
 * batch's transaction before the checkpoint. The status refresh reads this state instead of reading back rows
 * after every event. Every other table is written as the changes come, so its queries see the batch's rows.
 *
 * Exactly the rows of applying each change with row-writer.ts and reading with row-reader.ts: first insert wins,
 * an update of an unknown row does nothing, a target id moves to the commitment that last stored it, lists come
 * in BINARY collation order. The state lives for one batch (one transaction) only: memory stays bounded by the
 * batch, and a rolled-back batch leaves nothing behind.
 */
import { carriedOverCodesTest } from '../../domain/matching/carried-over.ts';
import { termCodesOf } from '../../domain/matching/text-terms.ts';
import type { CommitmentStatus, RecordedTarget } from '../../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../../domain/events/outcome-events.ts';
import type { EvidenceState } from '../../domain/status/status-result.ts';
import type { CommitmentSnapshot } from '../../projections/refresh-status.ts';
import type { RowChange } from '../../projections/row-changes.ts';
import type { CommitmentRow, TargetRow } from '../../projections/rows.ts';
import { commitmentRowOf, type CommitmentRecord, type RowReader } from './row-reader.ts';
import { createRowWriter } from './row-writer.ts';
import type { ReadModelDb } from './schema.ts';

interface CachedTarget {
  targetId: string;
  commitmentId: string;
  index: number;
  /** As stored (JSON text) and as read back (parsed from that text). */
  dataJson: string;
  target: RecordedTarget;
  status: string;
  actualJson: string | null;
}

interface CachedLink {
  linkId: string;
  outcomeId: string;
  targetId: string | null;
  score: number;
  state: EvidenceState;
}

interface CachedCommitment {
  /** `reason` stays null: the stored verdict is kept as its JSON text. */
  row: CommitmentRow;
  reasonJson: string | null;
  /** Targets (by index) and links (by link id), read on first need. */
  details: { targets: CachedTarget[]; links: CachedLink[] } | null;
  /** `termCodesOf(row.text)`, computed on first need. */
  terms: Int32Array | null;
}

interface CachedPlan {
  commitments: CachedCommitment[];
  /** Whether `commitments` is in plan order (span start, then id). */
  sorted: boolean;
  /** `carriedOverCodesTest` of the plan's texts, until a text of the plan changes. */
  test: ((terms: Int32Array) => boolean) | null;
}

export interface BatchState extends RowReader {
  /**
   * Whether a commitment's text is carried over into the plan of (organisation, planYear), as `isCarriedOver`
   * against that plan's texts answers; the terms of each text are computed once per batch.
   */
  carriedOverCheck(organisation: string, planYear: number): (commitmentId: string, text: string) => boolean;
  apply(change: RowChange): void;
  /** Writes the commitment rows and targets the batch changed. */
  flush(): void;
}

/** Creates batch states over `db`; the statements are prepared once. */
export type BatchStateFactory = () => BatchState;

/** SQLite's BINARY order (UTF-8 bytes, that is code points), which differs from `<` where surrogates are involved. */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (code points above U+FFFF) sort after U+E000–U+FFFF in UTF-8.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

const byPlanOrder = (a: CachedCommitment, b: CachedCommitment): number =>
  a.row.span[0] - b.row.span[0] || compareBinary(a.row.id, b.row.id);
const byLinkId = (a: CachedLink, b: CachedLink): number => compareBinary(a.linkId, b.linkId);
const byIndex = (a: CachedTarget, b: CachedTarget): number => a.index - b.index;

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

export function batchStates(db: ReadModelDb): BatchStateFactory {
  const writer = createRowWriter(db);
  const statements = {
    commitment: db.prepare(`SELECT * FROM commitments WHERE id = ?`),
    plan: db.prepare(`SELECT * FROM commitments WHERE organisation = ? AND plan_year = ?`),
    targets: db.prepare(`SELECT target_id AS targetId, idx, data, status, actual FROM targets WHERE commitment_id = ? ORDER BY idx`),
    targetOwner: db.prepare(`SELECT commitment_id FROM targets WHERE target_id = ?`).pluck(),
    links: db.prepare(
      `SELECT e.link_id AS linkId, e.outcome_id AS outcomeId, e.target_id AS targetId, e.score, e.state, o.data AS outcome
       FROM evidence e LEFT JOIN outcomes o ON o.id = e.outcome_id WHERE e.commitment_id = ?`,
    ),
    outcome: db.prepare(`SELECT data FROM outcomes WHERE id = ?`).pluck(),
    summaryExists: db.prepare(`SELECT EXISTS (SELECT 1 FROM report_parts WHERE organisation = ? AND part = 'summary' AND year = ?)`).pluck(),
    linkedTo: db.prepare(`SELECT DISTINCT commitment_id FROM evidence WHERE outcome_id = ? ORDER BY commitment_id`).pluck(),
    putEvidence: db.prepare(
      `INSERT INTO evidence (link_id, commitment_id, outcome_id, target_id, score, method_name, method_version, matched_terms, state, state_reason, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (link_id) DO NOTHING`,
    ),
    putCommitment: db.prepare(
      `INSERT INTO commitments (id, organisation, plan_year, area, marker, text, original_text, normalised_text, report_id,
         span_start, span_end, withdrawn_reason, assessment, status, computed_status, reason, carried_over, version, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET text = excluded.text, original_text = excluded.original_text,
         withdrawn_reason = excluded.withdrawn_reason, assessment = excluded.assessment, status = excluded.status,
         computed_status = excluded.computed_status, reason = excluded.reason, carried_over = excluded.carried_over,
         version = excluded.version`,
    ),
    deleteTargets: db.prepare(`DELETE FROM targets WHERE commitment_id = ?`),
    deleteTarget: db.prepare(`DELETE FROM targets WHERE target_id = ?`),
    putTarget: db.prepare(
      `INSERT INTO targets (target_id, commitment_id, idx, data, status, actual) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (target_id) DO UPDATE SET commitment_id = excluded.commitment_id, idx = excluded.idx, data = excluded.data,
         status = excluded.status, actual = excluded.actual`,
    ),
    recordChange: db.prepare(
      `INSERT INTO changes (position, commitment_id, status) VALUES (?, ?, ?)
       ON CONFLICT (position, commitment_id) DO UPDATE SET status = excluded.status`,
    ),
  };

  return function createBatchState(): BatchState {
    /** Every commitment id looked up in this batch; null when there is no such commitment (yet). */
    const commitments = new Map<string, CachedCommitment | null>();
    /** Commitments recorded in this batch, by plan: the table has them only after `flush`. */
    const recordedInBatch = new Map<string, CachedCommitment[]>();
    const plans = new Map<string, CachedPlan>();
    /** Where each target id of a commitment whose details are loaded lives now. */
    const targetOwners = new Map<string, CachedCommitment>();
    const linksById = new Map<string, CachedLink>();
    const outcomes = new Map<string, OutcomeRecordedV1 | null>();
    const summaries = new Map<string, boolean>();
    const dirtyRows = new Set<CachedCommitment>();
    const dirtyTargets = new Set<CachedCommitment>();

    const planKey = (organisation: string, planYear: number): string => `${planYear}\u0000${organisation}`;

    function fromRecord(record: CommitmentRecord): CachedCommitment {
      return { row: commitmentRowOf(record, false), reasonJson: record.reason, details: null, terms: null };
    }

    function commitmentOf(id: string): CachedCommitment | null {
      let cached = commitments.get(id);
      if (cached === undefined) {
        const record = statements.commitment.get(id) as CommitmentRecord | undefined;
        cached = record === undefined ? null : fromRecord(record);
        commitments.set(id, cached);
      }
      return cached;
    }

    function detailsOf(commitment: CachedCommitment): NonNullable<CachedCommitment['details']> {
      if (commitment.details !== null) return commitment.details;
      const id = commitment.row.id;
      const targets = (statements.targets.all(id) as Array<{ targetId: string; idx: number; data: string; status: string; actual: string | null }>).map(
        (row): CachedTarget => ({
          targetId: row.targetId,
          commitmentId: id,
          index: row.idx,
          dataJson: row.data,
          target: JSON.parse(row.data) as RecordedTarget,
          status: row.status,
          actualJson: row.actual,
        }),
      );
      const rows = statements.links.all(id) as Array<{ linkId: string; outcomeId: string; targetId: string | null; score: number; state: string; outcome: string | null }>;
      const links = rows.map((row): CachedLink => {
        if (row.outcome !== null && !outcomes.has(row.outcomeId)) outcomes.set(row.outcomeId, JSON.parse(row.outcome) as OutcomeRecordedV1);
        const link: CachedLink = { linkId: row.linkId, outcomeId: row.outcomeId, targetId: row.targetId, score: row.score, state: row.state as EvidenceState };
        linksById.set(link.linkId, link);
        return link;
      });
      links.sort(byLinkId);
      for (const target of targets) targetOwners.set(target.targetId, commitment);
      commitment.details = { targets, links };
      return commitment.details;
    }

    function outcomeOf(outcomeId: string): OutcomeRecordedV1 | null {
      let outcome = outcomes.get(outcomeId);
      if (outcome === undefined) {
        const data = statements.outcome.get(outcomeId) as string | undefined;
        outcome = data === undefined ? null : (JSON.parse(data) as OutcomeRecordedV1);
        outcomes.set(outcomeId, outcome);
      }
      return outcome;
    }

    function planOf(organisation: string, planYear: number): CachedPlan {
      const key = planKey(organisation, planYear);
      let plan = plans.get(key);
      if (plan === undefined) {
        const list: CachedCommitment[] = [];
        for (const record of statements.plan.all(organisation, planYear) as CommitmentRecord[]) {
          let cached = commitments.get(record.id);
          if (cached === undefined || cached === null) {
            cached = fromRecord(record);
            commitments.set(record.id, cached);
          }
          list.push(cached);
        }
        list.push(...(recordedInBatch.get(key) ?? []));
        plan = { commitments: list, sorted: false, test: null };
        plans.set(key, plan);
      }
      if (!plan.sorted) {
        plan.commitments.sort(byPlanOrder);
        plan.sorted = true;
      }
      return plan;
    }

    function planChanged(organisation: string, planYear: number): void {
      const plan = plans.get(planKey(organisation, planYear));
      if (plan !== undefined) plan.test = null;
    }

    function termsOfCommitment(commitment: CachedCommitment): Int32Array {
      commitment.terms ??= termCodesOf(commitment.row.text);
      return commitment.terms;
    }

    function carriedOverCheck(organisation: string, planYear: number): (commitmentId: string, text: string) => boolean {
      const plan = planOf(organisation, planYear);
      const test = (plan.test ??= carriedOverCodesTest(plan.commitments.map(termsOfCommitment)));
      return (commitmentId, text) => {
        const commitment = commitments.get(commitmentId);
        return test(commitment !== undefined && commitment !== null && commitment.row.text === text ? termsOfCommitment(commitment) : termCodesOf(text));
      };
    }

    function recordChange(commitment: CachedCommitment): void {
      statements.recordChange.run(commitment.row.version, commitment.row.id, commitment.row.status);
    }

    function update(commitmentId: string, change: (commitment: CachedCommitment) => void): CachedCommitment | null {
      const commitment = commitmentOf(commitmentId);
      if (commitment === null) return null;
      change(commitment);
      dirtyRows.add(commitment);
      return commitment;
    }

    /** A target id is the table's key: storing it under one commitment takes it from whichever held it. */
    function disown(targetId: string): void {
      let previous = targetOwners.get(targetId);
      if (previous === undefined) {
        const ownerId = statements.targetOwner.get(targetId) as string | undefined;
        if (ownerId === undefined) return;
        const owner = commitmentOf(ownerId);
        if (owner === null) {
          // Stored under an id that is no commitment, so in the table only: the new holder writes it at flush.
          statements.deleteTarget.run(targetId);
          return;
        }
        detailsOf(owner);
        previous = targetOwners.get(targetId);
        if (previous === undefined) return;
      }
      const details = detailsOf(previous);
      details.targets = details.targets.filter((target) => target.targetId !== targetId);
      dirtyTargets.add(previous);
      targetOwners.delete(targetId);
    }

    function replaceTargets(commitmentId: string, rows: readonly TargetRow[]): void {
      const owner = commitmentOf(commitmentId);
      if (owner === null) {
        // No such commitment: the table alone keeps these, exactly as the writer stores them.
        for (const row of rows) disown(row.targetId);
        writer.apply({ kind: 'replaceTargets', commitmentId, targets: [...rows] });
        return;
      }
      const details = detailsOf(owner);
      for (const target of details.targets) targetOwners.delete(target.targetId);
      details.targets = [];
      dirtyTargets.add(owner);
      for (const row of rows) {
        disown(row.targetId);
        const dataJson = JSON.stringify(row.target);
        details.targets.push({
          targetId: row.targetId,
          commitmentId: row.commitmentId,
          index: row.index,
          dataJson,
          target: JSON.parse(dataJson) as RecordedTarget,
          status: row.status,
          actualJson: json(row.actual),
        });
        targetOwners.set(row.targetId, owner);
      }
      details.targets.sort(byIndex);
    }

    function apply(change: RowChange): void {
      switch (change.kind) {
        case 'putReportPart':
          writer.apply(change);
          // Asked again on next use: a report part that was already stored leaves the table as it was.
          if (change.part.part === 'summary') summaries.delete(planKey(change.part.organisation, change.part.year));
          return;
        case 'putOutcome':
          writer.apply(change);
          if (outcomes.get(change.outcome.outcome.outcomeId) === null) outcomes.delete(change.outcome.outcome.outcomeId);
          return;
        case 'putEvidence': {
          const e = change.evidence;
          const inserted = statements.putEvidence.run(
            e.linkId, e.commitmentId, e.outcomeId, e.targetId, e.score, e.methodName, e.methodVersion,
            JSON.stringify(e.matchedTerms), e.state, e.stateReason, e.version,
          ).changes;
          const holder = commitments.get(e.commitmentId);
          // A holder whose details are not loaded yet reads the new row from the table when they are.
          if (inserted === 0 || holder === undefined || holder === null || holder.details === null) return;
          const link: CachedLink = { linkId: e.linkId, outcomeId: e.outcomeId, targetId: e.targetId, score: e.score, state: e.state };
          linksById.set(link.linkId, link);
          holder.details.links.push(link);
          holder.details.links.sort(byLinkId);
          return;
        }
        case 'setEvidenceState': {
          writer.apply(change);
          const link = linksById.get(change.linkId);
          if (link !== undefined) link.state = change.state;
          return;
        }
        case 'putCommitment': {
          const row = change.commitment;
          const existing = commitmentOf(row.id);
          if (existing !== null) {
            // The insert does nothing; the change row records the stored state.
            recordChange(existing);
            return;
          }
          const commitment: CachedCommitment = {
            row: { ...row, reason: null, assessment: row.assessment === null ? null : { ...row.assessment } },
            reasonJson: json(row.reason),
            details: null,
            terms: null,
          };
          commitments.set(row.id, commitment);
          const key = planKey(row.organisation, row.planYear);
          const batchPlan = recordedInBatch.get(key);
          if (batchPlan === undefined) recordedInBatch.set(key, [commitment]);
          else batchPlan.push(commitment);
          const plan = plans.get(key);
          if (plan !== undefined) {
            plan.commitments.push(commitment);
            plan.sorted = false;
            plan.test = null;
          }
          dirtyRows.add(commitment);
          recordChange(commitment);
          return;
        }
        case 'replaceTargets':
          replaceTargets(change.commitmentId, change.targets);
          return;
        case 'amendCommitmentText':
          update(change.commitmentId, (commitment) => {
            const { row } = commitment;
            row.originalText = row.originalText ?? row.text;
            row.text = change.text;
            commitment.terms = null;
            planChanged(row.organisation, row.planYear);
          });
          return;
        case 'withdrawCommitment':
          update(change.commitmentId, ({ row }) => {
            row.withdrawnReason = change.reason;
          });
          return;
        case 'assessCommitment':
          update(change.commitmentId, ({ row }) => {
            row.assessment = JSON.parse(JSON.stringify(change.assessment)) as CommitmentRow['assessment'];
          });
          return;
        case 'touchCommitment': {
          const touched = update(change.commitmentId, ({ row }) => {
            row.version = change.version;
          });
          if (touched !== null) recordChange(touched);
          return;
        }
        case 'setCommitmentStatus': {
          const updated = update(change.commitmentId, (commitment) => {
            commitment.row.status = change.status;
            commitment.row.computedStatus = change.computedStatus;
            commitment.reasonJson = change.reasonJson;
            commitment.row.carriedOver = change.carriedOver;
            commitment.row.version = change.version;
          });
          if (updated !== null) recordChange(updated);
          return;
        }
        case 'setTargetStatus': {
          let owner = targetOwners.get(change.targetId);
          if (owner === undefined) {
            const ownerId = statements.targetOwner.get(change.targetId) as string | undefined;
            const stored = ownerId === undefined ? null : commitmentOf(ownerId);
            if (stored === null) {
              writer.apply(change);
              return;
            }
            detailsOf(stored);
            owner = targetOwners.get(change.targetId);
            if (owner === undefined) return;
          }
          const target = detailsOf(owner).targets.find((candidate) => candidate.targetId === change.targetId);
          if (target === undefined) return;
          target.status = change.status;
          target.actualJson = json(change.actual);
          dirtyTargets.add(owner);
          return;
        }
        case 'putReport':
        case 'putOrganisation':
        case 'appendTimeline':
          writer.apply(change);
          return;
      }
    }

    function flush(): void {
      for (const commitment of dirtyTargets) statements.deleteTargets.run(commitment.row.id);
      for (const { row, reasonJson } of dirtyRows) {
        statements.putCommitment.run(
          row.id, row.organisation, row.planYear, row.area, row.marker, row.text, row.originalText, row.normalisedText, row.reportId,
          row.span[0], row.span[1], row.withdrawnReason, json(row.assessment), row.status, row.computedStatus, reasonJson,
          row.carriedOver ? 1 : 0, row.version, row.recordedAt,
        );
      }
      for (const commitment of dirtyTargets) {
        for (const t of commitment.details?.targets ?? []) {
          statements.putTarget.run(t.targetId, t.commitmentId, t.index, t.dataJson, t.status, t.actualJson);
        }
      }
      dirtyRows.clear();
      dirtyTargets.clear();
      // The table has them now: a plan read from here on finds them there.
      recordedInBatch.clear();
    }

    function summaryAvailable(organisation: string, planYear: number): boolean {
      const key = planKey(organisation, planYear);
      let available = summaries.get(key);
      if (available === undefined) {
        available = statements.summaryExists.get(organisation, planYear) === 1;
        summaries.set(key, available);
      }
      return available;
    }

    function planTextsOf(organisation: string, planYear: number): string[] {
      return planOf(organisation, planYear).commitments.map((commitment) => commitment.row.text);
    }

    function snapshot(commitmentId: string, withNextYearPlan: boolean): CommitmentSnapshot | null {
      const commitment = commitmentOf(commitmentId);
      if (commitment === null) return null;
      const { row } = commitment;
      const details = detailsOf(commitment);
      const evidence: Array<CommitmentSnapshot['evidence'][number]> = [];
      for (const link of details.links) {
        // The reader joins outcomes: a link whose outcome is not recorded is not seen.
        const outcome = outcomeOf(link.outcomeId);
        if (outcome === null) continue;
        evidence.push({ linkId: link.linkId, targetId: link.targetId, score: link.score, state: link.state, outcome });
      }
      let nextYear: Pick<CommitmentSnapshot, 'nextYearPlanTexts' | 'nextYearPlanTest'> = { nextYearPlanTexts: null };
      if (withNextYearPlan) {
        const texts = planTextsOf(row.organisation, row.planYear + 1);
        if (texts.length === 0) nextYear = { nextYearPlanTexts: texts };
        else {
          const check = carriedOverCheck(row.organisation, row.planYear + 1);
          nextYear = { nextYearPlanTexts: texts, nextYearPlanTest: (text) => check(commitmentId, text) };
        }
      }
      return {
        // A copy: the refresh compares it with what it computes while this state moves on.
        commitment: { ...row },
        storedReasonJson: commitment.reasonJson,
        targets: details.targets.map((target) => target.target),
        targetVerdicts: new Map(details.targets.map((target) => [target.targetId, `${target.status} ${target.actualJson ?? 'null'}`])),
        evidence,
        summaryAvailable: summaryAvailable(row.organisation, row.planYear),
        ...nextYear,
      };
    }

    return {
      apply,
      flush,
      snapshot,
      carriedOverCheck,
      planTextsOf,
      commitmentIdsOf: (organisation, planYear) => planOf(organisation, planYear).commitments.map((commitment) => commitment.row.id),
      carriedOverFlagsOf: (organisation, planYear) =>
        planOf(organisation, planYear).commitments.map(({ row }) => ({ id: row.id, text: row.text, carriedOver: row.carriedOver })),
      commitmentIdsLinkedTo: (outcomeId) => statements.linkedTo.all(outcomeId) as string[],
      areaStatusesOf: (organisation, planYear) =>
        planOf(organisation, planYear).commitments.map(({ row }) => ({ area: row.area, status: row.status as CommitmentStatus })),
    };
  };
}
