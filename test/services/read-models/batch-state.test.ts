/**
 * The batch state must read and write exactly as the row writer and the row reader do, change by change: random
 * sequences of row changes (over a few shared ids, so targets move between commitments, links arrive before
 * their commitment or outcome, reports repeat) are applied both ways, in random batches, and every read and every
 * table is compared.
 */
import { isDeepStrictEqual } from 'node:util';
import t from 'tap';
import fc from 'fast-check';
import type { RowChange } from '../../../projections/row-changes.ts';
import type { CommitmentRow } from '../../../projections/rows.ts';
import type { RecordedTarget } from '../../../domain/events/commitment-events.ts';
import type { OutcomeRecordedV1 } from '../../../domain/events/outcome-events.ts';
import type { StatusResult } from '../../../domain/status/status-result.ts';
import { openReadModelDb, type ReadModelDb } from '../../../services/read-models/schema.ts';
import { createRowWriter } from '../../../services/read-models/row-writer.ts';
import { createRowReader, type RowReader } from '../../../services/read-models/row-reader.ts';
import { batchStates, compareBinary } from '../../../services/read-models/batch-state.ts';
import { canonicalDump } from '../../../services/read-models/canonical-dump.ts';
import { isCarriedOver } from '../../../domain/matching/carried-over.ts';

const ORGS = ['甲区', '乙区'];
const YEARS = [2022, 2023];
const COMMITMENTS = ['c1', 'c2', 'c3', 'c\u{20000}', 'c\uE000'];
const TARGET_IDS = ['c1.t0', 'c1.t1', 'c2.t0', 'shared.t0'];
const OUTCOMES = ['o1', 'o2'];
const LINKS = ['l1', 'l2', 'l3'];
const TEXTS = ['在全区56个社区建立社会工作点', '推动慈善事业发展', '全区56个社区建立社会工作点并持续提升', '加强党建'];
const STATUSES = ['pending', 'achieved', 'no_evidence'] as const;
const actor = { kind: 'reader' as const, id: 'reader', version: 'test' };

let position = 0;
const nextVersion = (): string => String(++position).padStart(8, '0');

const recordedTarget = (targetId: string, min: number): RecordedTarget =>
  ({ targetId, text: `${min}个`, span: [1, 3], min, max: min, unit: '个', object: '社区', comparator: 'at_least' }) as unknown as RecordedTarget;

const outcome = (outcomeId: string, organisation: string, year: number): OutcomeRecordedV1 => ({
  outcomeId,
  reportId: `r-${outcomeId}`,
  organisation,
  summaryYear: year,
  area: null,
  text: '全区56个社区建立社会工作点',
  span: [0, 10],
  quantities: [],
  cue: null,
  aboutSummaryYear: true,
}) as unknown as OutcomeRecordedV1;

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

const change: fc.Arbitrary<() => RowChange> = fc.oneof(
  fc.record({ id: pick(COMMITMENTS), org: pick(ORGS), year: pick(YEARS), text: pick(TEXTS), start: fc.integer({ min: 0, max: 1 }) }).map(
    ({ id, org, year, text, start }) => (): RowChange => ({
      kind: 'putCommitment',
      commitment: {
        id, organisation: org, planYear: year, area: start % 2 === 0 ? null : '一、民生', marker: null, text, originalText: null,
        normalisedText: text, reportId: 'r', span: [start, start + 5], withdrawnReason: null, assessment: null, status: 'pending',
        computedStatus: 'pending', reason: null, carriedOver: false, version: nextVersion(), recordedAt: '2026-01-01T00:00:00.000Z',
      } satisfies CommitmentRow,
    }),
  ),
  fc.record({ id: pick([...COMMITMENTS, 'unknown']), targets: fc.subarray(TARGET_IDS), min: fc.integer({ min: 1, max: 9 }) }).map(
    ({ id, targets, min }) => (): RowChange => ({
      kind: 'replaceTargets',
      commitmentId: id,
      targets: targets.map((targetId, index) => ({ targetId, commitmentId: id, index, target: recordedTarget(targetId, min), status: 'pending', actual: null })),
    }),
  ),
  fc.record({ id: pick(COMMITMENTS), text: pick(TEXTS) }).map(({ id, text }) => (): RowChange => ({ kind: 'amendCommitmentText', commitmentId: id, text })),
  pick(COMMITMENTS).map((id) => (): RowChange => ({ kind: 'withdrawCommitment', commitmentId: id, reason: 'merged' })),
  pick(COMMITMENTS).map((id) => (): RowChange => ({ kind: 'assessCommitment', commitmentId: id, assessment: { status: 'achieved', rationale: 'seen' } })),
  pick(COMMITMENTS).map((id) => (): RowChange => ({ kind: 'touchCommitment', commitmentId: id, version: nextVersion() })),
  fc.record({ id: pick(COMMITMENTS), status: pick(STATUSES), carriedOver: fc.boolean() }).map(
    ({ id, status, carriedOver }) => (): RowChange => {
      const reason = { status, computedStatus: status, rule: 'test', reason: `is ${status}`, targets: [], evidence: [] } as unknown as StatusResult;
      return {
        kind: 'setCommitmentStatus', commitmentId: id, status, computedStatus: status, carriedOver, version: nextVersion(),
        reason, reasonJson: JSON.stringify(reason),
      };
    },
  ),
  fc.record({ id: pick(TARGET_IDS), status: pick(STATUSES), value: fc.option(fc.integer({ min: 0, max: 99 })) }).map(
    ({ id, status, value }) => (): RowChange => ({
      kind: 'setTargetStatus', targetId: id, status, actual: value === null ? null : { value, unit: '个', text: `${value}个`, span: [0, 2] },
    }),
  ),
  fc.record({ id: pick(OUTCOMES), org: pick(ORGS), year: pick(YEARS) }).map(({ id, org, year }) => (): RowChange => ({
    kind: 'putOutcome', outcome: { outcome: outcome(id, org, year), version: nextVersion() },
  })),
  fc.record({ link: pick(LINKS), commitment: pick(COMMITMENTS), outcomeId: pick(OUTCOMES), targetId: fc.option(pick(TARGET_IDS)), score: fc.integer({ min: 1, max: 9 }) }).map(
    ({ link, commitment, outcomeId, targetId, score }) => (): RowChange => ({
      kind: 'putEvidence',
      evidence: {
        linkId: link, commitmentId: commitment, outcomeId, targetId, score: score / 10, methodName: 'term-overlap', methodVersion: '1.0.0',
        matchedTerms: ['社区'], state: 'proposed', stateReason: null, version: nextVersion(),
      },
    }),
  ),
  fc.record({ link: pick(LINKS), confirmed: fc.boolean() }).map(({ link, confirmed }) => (): RowChange => ({
    kind: 'setEvidenceState', linkId: link, state: confirmed ? 'confirmed' : 'rejected', stateReason: 'checked', version: nextVersion(),
  })),
  fc.record({ report: pick(['r1', 'r2', 'r3']), part: pick(['summary', 'plan'] as const), org: pick(ORGS), year: pick(YEARS) }).map(
    ({ report, part, org, year }) => (): RowChange => ({
      kind: 'putReportPart',
      part: { reportId: report, part, organisation: org, year, heading: null, headingSpan: null, span: [0, 9], itemCount: 1 },
    }),
  ),
  pick(COMMITMENTS).map((id) => (): RowChange => ({
    kind: 'appendTimeline',
    entry: { commitmentId: id, position: nextVersion(), kind: 'CommitmentRecorded', recordedAt: '2026-01-01T00:00:00.000Z', actor, summary: 'seen', status: null },
  })),
);

/** Every read the status refresh makes, in comparable form. */
function reads(reader: RowReader) {
  const out: Record<string, unknown> = {};
  for (const id of [...COMMITMENTS, 'unknown']) {
    for (const withPlan of [false, true]) {
      const snapshot = reader.snapshot(id, withPlan);
      out[`${id}/${withPlan}`] =
        snapshot === null
          ? null
          : {
              commitment: snapshot.commitment,
              storedReasonJson: snapshot.storedReasonJson,
              targets: snapshot.targets,
              targetVerdicts: [...(snapshot.targetVerdicts ?? new Map())],
              evidence: snapshot.evidence,
              summaryAvailable: snapshot.summaryAvailable,
              nextYearPlanTexts: snapshot.nextYearPlanTexts,
              carriedOver: snapshot.nextYearPlanTexts === null ? null : (snapshot.nextYearPlanTest?.(snapshot.commitment.text) ?? 'not given'),
            };
    }
  }
  for (const org of ORGS) {
    for (const year of [...YEARS, 2024]) {
      out[`ids/${org}/${year}`] = reader.commitmentIdsOf(org, year);
      out[`texts/${org}/${year}`] = reader.planTextsOf(org, year);
      out[`flags/${org}/${year}`] = reader.carriedOverFlagsOf(org, year);
      out[`areas/${org}/${year}`] = reader
        .areaStatusesOf(org, year)
        .map((row) => JSON.stringify(row))
        .sort();
    }
  }
  for (const id of OUTCOMES) out[`linked/${id}`] = reader.commitmentIdsLinkedTo(id);
  return out;
}

/** The reference answers carry no test of their own: what isCarriedOver says is compared with the batch state's. */
function withReferenceCarriedOver(values: Record<string, unknown>, reader: RowReader) {
  for (const id of COMMITMENTS) {
    const snapshot = reader.snapshot(id, true);
    const entry = values[`${id}/true`] as { carriedOver: unknown } | null;
    if (snapshot === null || entry === null || snapshot.nextYearPlanTexts === null) continue;
    entry.carriedOver = snapshot.nextYearPlanTexts.length === 0 ? 'not given' : isCarriedOver(snapshot.commitment.text, snapshot.nextYearPlanTexts);
  }
  return values;
}

function open(): ReadModelDb {
  return openReadModelDb(':memory:');
}

t.test('given random row changes in random batches, then the batch state reads and writes exactly as the row writer and reader', (t) => {
  fc.assert(
    fc.property(fc.array(fc.array(change, { maxLength: 25 }), { minLength: 1, maxLength: 6 }), (batches) => {
      const reference = open();
      const candidate = open();
      const writer = createRowWriter(reference);
      const reader = createRowReader(reference);
      const states = batchStates(candidate);
      const applied: RowChange[][] = [];
      for (const batch of batches) {
        applied.push([]);
        const state = states();
        candidate.transaction(() => {
          for (const make of batch) {
            const rowChange = make();
            applied[applied.length - 1]!.push(rowChange);
            writer.apply(rowChange);
            state.apply(rowChange);
            const expected = withReferenceCarriedOver(reads(reader), reader);
            const actual = reads(state);
            if (!isDeepStrictEqual(actual, expected)) {
              throw new Error(`reads differ after ${JSON.stringify(rowChange)}:\n${JSON.stringify(actual)}\n${JSON.stringify(expected)}`);
            }
          }
          state.flush();
        })();
        if (!isDeepStrictEqual(canonicalDump(candidate), canonicalDump(reference))) {
          throw new Error(`tables differ after the batches ${JSON.stringify(applied)}`);
        }
      }
      reference.close();
      candidate.close();
    }),
    { numRuns: 100 },
  );
  t.pass('100 random histories: every read mid-batch and every table after each batch matched');
  t.end();
});

t.test('given strings with characters beyond U+FFFF, then compareBinary orders them as SQLite does', (t) => {
  const db = open();
  fc.assert(
    fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'z', '中', '\uE000', '\uFFFF', '\u{20000}', '\u{10FFFF}') }), { minLength: 2, maxLength: 8 }), (values) => {
      const sqlite = db
        .prepare(`SELECT value FROM json_each(?) ORDER BY value COLLATE BINARY`)
        .pluck()
        .all(JSON.stringify(values)) as string[];
      return isDeepStrictEqual([...values].sort(compareBinary), sqlite);
    }),
    { numRuns: 200 },
  );
  t.pass('200 random lists sorted alike');
  db.close();
  t.end();
});

t.test('given two commitments at the same span whose ids differ beyond U+FFFF, then the plan lists them in SQLite order', (t) => {
  const db = open();
  const state = batchStates(db)();
  db.transaction(() => {
    for (const id of ['c\u{20000}', 'c\uE000']) {
      state.apply({
        kind: 'putCommitment',
        commitment: {
          id, organisation: ORGS[0]!, planYear: 2022, area: null, marker: null, text: id, originalText: null, normalisedText: id, reportId: 'r',
          span: [0, 5], withdrawnReason: null, assessment: null, status: 'pending', computedStatus: 'pending', reason: null, carriedOver: false,
          version: nextVersion(), recordedAt: '2026-01-01T00:00:00.000Z',
        },
      });
    }
    t.same(state.commitmentIdsOf(ORGS[0]!, 2022), ['c\uE000', 'c\u{20000}'], 'in the batch');
    state.flush();
  })();
  t.same(createRowReader(db).commitmentIdsOf(ORGS[0]!, 2022), ['c\uE000', 'c\u{20000}'], 'as the table orders them');
  t.same(batchStates(db)().commitmentIdsOf(ORGS[0]!, 2022), ['c\uE000', 'c\u{20000}'], 'read back by the next batch');
  db.close();
  t.end();
});
