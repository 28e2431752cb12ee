/**
 * Read models projected into EMPTY tables with the state the status refresh reads kept in memory: a rebuild or
 * an as-of replay never reads back a row it wrote. Commitment and target rows are written once per batch (at
 * `flush`, before the checkpoint, in the same transaction), the other tables as the changes come. Every
 * operation mirrors the SQL semantics of row-writer.ts and row-reader.ts exactly (first insert wins, updates of
 * unknown rows do nothing, BINARY collation order), so the rows come out identical to the live projector's.
 * Only valid when this mirror has seen every change since the tables were empty.
 */
import { carriedOverTest } from '../../domain/matching/carried-over.ts';
import type { CommitmentStatus, RecordedTarget } from '../../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../../domain/events/outcome-events.ts';
import type { EvidenceState } from '../../domain/status/status-result.ts';
import type { CommitmentSnapshot } from '../../projections/refresh-status.ts';
import type { RowChange } from '../../projections/row-changes.ts';
import type { CommitmentRow, TargetRow } from '../../projections/rows.ts';
import type { RowReader } from './row-reader.ts';
import { createRowWriter, type RowWriter } from './row-writer.ts';
import type { ReadModelDb } from './schema.ts';

interface MirroredTarget {
  targetId: string;
  commitmentId: string;
  index: number;
  /** As stored (JSON text) and as read back (parsed from that text). */
  dataJson: string;
  target: RecordedTarget;
  status: string;
  actualJson: string | null;
}

interface MirroredEvidence {
  linkId: string;
  outcomeId: string;
  targetId: string | null;
  score: number;
  state: EvidenceState;
}

interface Plan {
  commitments: MirroredCommitment[];
  /** Whether `commitments` is in plan order (span start, then id). */
  sorted: boolean;
  /** `carriedOverTest` of the plan's texts, until a text of the plan changes. */
  test: ((commitmentText: string) => boolean) | null;
}

interface MirroredCommitment {
  /** `reason` stays null: the stored verdict is kept as the JSON text written. */
  row: CommitmentRow;
  reasonJson: string | null;
  targets: MirroredTarget[];
  /** In link id order (BINARY collation). */
  evidence: MirroredEvidence[];
}

export interface MemoryMirror extends RowReader {
  apply(change: RowChange): void;
  /** Writes the commitment and target rows changed since the last flush. */
  flush(): void;
  readonly writer: RowWriter;
}

/** SQLite's BINARY order of two strings (UTF-8 bytes, that is code points), which differs from `<` on surrogates. */
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

const byPlanOrder = (a: MirroredCommitment, b: MirroredCommitment): number =>
  a.row.span[0] - b.row.span[0] || compareBinary(a.row.id, b.row.id);

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

export function createMemoryMirror(db: ReadModelDb): MemoryMirror {
  const writer = createRowWriter(db);
  const statements = {
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
    putTarget: db.prepare(
      `INSERT INTO targets (target_id, commitment_id, idx, data, status, actual) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (target_id) DO UPDATE SET commitment_id = excluded.commitment_id, idx = excluded.idx, data = excluded.data,
         status = excluded.status, actual = excluded.actual`,
    ),
    storedTargets: db.prepare(`SELECT target_id AS targetId, idx, data, status, actual FROM targets WHERE commitment_id = ? ORDER BY idx`),
    recordChange: db.prepare(
      `INSERT INTO changes (position, commitment_id, status) VALUES (?, ?, ?)
       ON CONFLICT (position, commitment_id) DO UPDATE SET status = excluded.status`,
    ),
  };

  const commitments = new Map<string, MirroredCommitment>();
  const targetOwners = new Map<string, MirroredCommitment>();
  /** Commitments of each (organisation, plan year); `sorted` says whether they are in plan order. */
  const plans = new Map<string, Plan>();
  const summaries = new Set<string>();
  const reportParts = new Set<string>();
  const outcomes = new Map<string, OutcomeRecordedV1>();
  const links = new Map<string, MirroredEvidence>();
  const linkedCommitments = new Map<string, Set<string>>();
  const pendingEvidence = new Map<string, MirroredEvidence[]>();
  const commitmentsWithStoredTargets = new Set<string>();
  const dirtyRows = new Set<MirroredCommitment>();
  const dirtyTargets = new Set<MirroredCommitment>();

  const planKey = (organisation: string, planYear: number): string => `${planYear}\u0000${organisation}`;

  function planOf(organisation: string, planYear: number): MirroredCommitment[] {
    const plan = plans.get(planKey(organisation, planYear));
    if (plan === undefined) return [];
    if (!plan.sorted) {
      plan.commitments.sort(byPlanOrder);
      plan.sorted = true;
    }
    return plan.commitments;
  }

  function planTestOf(organisation: string, planYear: number, texts: readonly string[]): (commitmentText: string) => boolean {
    const plan = plans.get(planKey(organisation, planYear));
    if (plan === undefined) return carriedOverTest(texts);
    plan.test ??= carriedOverTest(texts);
    return plan.test;
  }

  function recordChange(commitment: MirroredCommitment): void {
    statements.recordChange.run(commitment.row.version, commitment.row.id, commitment.row.status);
  }

  function update(commitmentId: string, change: (commitment: MirroredCommitment) => void): MirroredCommitment | undefined {
    const commitment = commitments.get(commitmentId);
    if (commitment === undefined) return undefined;
    change(commitment);
    dirtyRows.add(commitment);
    return commitment;
  }

  function replaceTargets(commitmentId: string, rows: readonly TargetRow[]): void {
    const owner = commitments.get(commitmentId);
    if (owner === undefined) {
      // Targets of a commitment not recorded (yet): kept in the table only, exactly as the writer keeps them.
      for (const row of rows) disown(row.targetId);
      writer.apply({ kind: 'replaceTargets', commitmentId, targets: [...rows] });
      commitmentsWithStoredTargets.add(commitmentId);
      return;
    }
    for (const target of owner.targets) targetOwners.delete(target.targetId);
    owner.targets = [];
    dirtyTargets.add(owner);
    for (const row of rows) {
      disown(row.targetId);
      const dataJson = JSON.stringify(row.target);
      const target: MirroredTarget = {
        targetId: row.targetId,
        commitmentId: row.commitmentId,
        index: row.index,
        dataJson,
        target: JSON.parse(dataJson) as RecordedTarget,
        status: row.status,
        actualJson: json(row.actual),
      };
      owner.targets.push(target);
      targetOwners.set(row.targetId, owner);
    }
    owner.targets.sort((a, b) => a.index - b.index);
  }

  /** A target id is the table's key: an upsert moves it from whichever commitment held it. */
  function disown(targetId: string): void {
    const previous = targetOwners.get(targetId);
    if (previous === undefined) return;
    previous.targets = previous.targets.filter((target) => target.targetId !== targetId);
    dirtyTargets.add(previous);
    targetOwners.delete(targetId);
  }

  /** A commitment recorded after targets were stored under its id takes them over, as the reader would find them. */
  function adoptStoredTargets(commitment: MirroredCommitment): void {
    if (!commitmentsWithStoredTargets.delete(commitment.row.id)) return;
    const stored = statements.storedTargets.all(commitment.row.id) as Array<{ targetId: string; idx: number; data: string; status: string; actual: string | null }>;
    for (const row of stored) {
      commitment.targets.push({
        targetId: row.targetId,
        commitmentId: commitment.row.id,
        index: row.idx,
        dataJson: row.data,
        target: JSON.parse(row.data) as RecordedTarget,
        status: row.status,
        actualJson: row.actual,
      });
      targetOwners.set(row.targetId, commitment);
    }
  }

  function apply(change: RowChange): void {
    switch (change.kind) {
      case 'putReportPart': {
        const { reportId, part, organisation, year } = change.part;
        const key = `${reportId}\u0000${part}`;
        if (!reportParts.has(key)) {
          reportParts.add(key);
          if (part === 'summary') summaries.add(planKey(organisation, year));
        }
        writer.apply(change);
        return;
      }
      case 'putOutcome': {
        const { outcome } = change.outcome;
        // Read back as the stored JSON would be.
        if (!outcomes.has(outcome.outcomeId)) outcomes.set(outcome.outcomeId, JSON.parse(JSON.stringify(outcome)) as OutcomeRecordedV1);
        writer.apply(change);
        return;
      }
      case 'putEvidence': {
        const e = change.evidence;
        if (!links.has(e.linkId)) {
          const link: MirroredEvidence = { linkId: e.linkId, outcomeId: e.outcomeId, targetId: e.targetId, score: e.score, state: e.state };
          links.set(e.linkId, link);
          let linked = linkedCommitments.get(e.outcomeId);
          if (linked === undefined) linkedCommitments.set(e.outcomeId, (linked = new Set()));
          linked.add(e.commitmentId);
          const owner = commitments.get(e.commitmentId);
          if (owner !== undefined) {
            owner.evidence.push(link);
            owner.evidence.sort((a, b) => compareBinary(a.linkId, b.linkId));
          } else {
            const waiting = pendingEvidence.get(e.commitmentId);
            if (waiting === undefined) pendingEvidence.set(e.commitmentId, [link]);
            else waiting.push(link);
          }
        }
        writer.apply(change);
        return;
      }
      case 'setEvidenceState': {
        const link = links.get(change.linkId);
        if (link !== undefined) link.state = change.state;
        writer.apply(change);
        return;
      }
      case 'putCommitment': {
        const row = change.commitment;
        const existing = commitments.get(row.id);
        if (existing !== undefined) {
          // The insert does nothing; the change row still records the stored state.
          recordChange(existing);
          return;
        }
        const commitment: MirroredCommitment = {
          row: { ...row, reason: null, assessment: row.assessment === null ? null : { ...row.assessment } },
          reasonJson: json(row.reason),
          targets: [],
          evidence: [],
        };
        commitments.set(row.id, commitment);
        adoptPendingEvidence(commitment);
        adoptStoredTargets(commitment);
        const key = planKey(row.organisation, row.planYear);
        const plan = plans.get(key);
        if (plan === undefined) plans.set(key, { commitments: [commitment], sorted: true, test: null });
        else {
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
        update(change.commitmentId, ({ row }) => {
          row.originalText = row.originalText ?? row.text;
          row.text = change.text;
          const plan = plans.get(planKey(row.organisation, row.planYear));
          if (plan !== undefined) plan.test = null;
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
        if (touched !== undefined) recordChange(touched);
        return;
      }
      case 'setCommitmentStatus': {
        const updated = update(change.commitmentId, (commitment) => {
          commitment.row.status = change.status;
          commitment.row.computedStatus = change.computedStatus;
          commitment.reasonJson = JSON.stringify(change.reason);
          commitment.row.carriedOver = change.carriedOver;
          commitment.row.version = change.version;
        });
        if (updated !== undefined) recordChange(updated);
        return;
      }
      case 'setTargetStatus': {
        const owner = targetOwners.get(change.targetId);
        if (owner === undefined) {
          writer.apply(change);
          return;
        }
        const target = owner.targets.find((candidate) => candidate.targetId === change.targetId);
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

  /** Links proposed before their commitment was recorded: the reader finds them by commitment id once it is. */
  function adoptPendingEvidence(commitment: MirroredCommitment): void {
    const waiting = pendingEvidence.get(commitment.row.id);
    if (waiting === undefined) return;
    pendingEvidence.delete(commitment.row.id);
    commitment.evidence.push(...waiting);
    commitment.evidence.sort((a, b) => compareBinary(a.linkId, b.linkId));
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
      for (const t of commitment.targets) statements.putTarget.run(t.targetId, t.commitmentId, t.index, t.dataJson, t.status, t.actualJson);
    }
    dirtyRows.clear();
    dirtyTargets.clear();
  }

  function snapshot(commitmentId: string, withNextYearPlan: boolean): CommitmentSnapshot | null {
    const commitment = commitments.get(commitmentId);
    if (commitment === undefined) return null;
    const { row } = commitment;
    const evidence: CommitmentSnapshot['evidence'][number][] = [];
    for (const link of commitment.evidence) {
      // The reader joins outcomes: a link whose outcome is not recorded yet is not seen.
      const outcome = outcomes.get(link.outcomeId);
      if (outcome === undefined) continue;
      evidence.push({ linkId: link.linkId, targetId: link.targetId, score: link.score, state: link.state, outcome });
    }
    const nextYearPlanTexts = withNextYearPlan ? planTextsOf(row.organisation, row.planYear + 1) : null;
    return {
      // A copy: the refresh compares it with the state it computes, and the mirror moves on.
      commitment: { ...row },
      storedReasonJson: commitment.reasonJson,
      targets: commitment.targets.map((target) => target.target),
      targetVerdicts: new Map(commitment.targets.map((target) => [target.targetId, `${target.status} ${target.actualJson ?? 'null'}`])),
      evidence,
      summaryAvailable: summaries.has(planKey(row.organisation, row.planYear)),
      nextYearPlanTexts,
      ...(nextYearPlanTexts === null || nextYearPlanTexts.length === 0
        ? {}
        : { nextYearPlanTest: planTestOf(row.organisation, row.planYear + 1, nextYearPlanTexts) }),
    };
  }

  function planTextsOf(organisation: string, planYear: number): string[] {
    return planOf(organisation, planYear).map((commitment) => commitment.row.text);
  }

  return {
    writer,
    apply,
    flush,
    snapshot,
    planTextsOf,
    commitmentIdsOf: (organisation, planYear) => planOf(organisation, planYear).map((commitment) => commitment.row.id),
    carriedOverFlagsOf: (organisation, planYear) =>
      planOf(organisation, planYear).map(({ row }) => ({ id: row.id, text: row.text, carriedOver: row.carriedOver })),
    commitmentIdsLinkedTo: (outcomeId) => [...(linkedCommitments.get(outcomeId) ?? [])].sort(compareBinary),
    areaStatusesOf: (organisation, planYear) =>
      planOf(organisation, planYear).map(({ row }) => ({ area: row.area, status: row.status as CommitmentStatus })),
  };
}
