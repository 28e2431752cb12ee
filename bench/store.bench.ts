/**
 * Embedded event store benchmark: single-event appends/s, 100-event batch appends/s and $all read events/s,
 * each next to a bare better-sqlite3 reference measured in the same run on an identical table (same columns,
 * indexes and pragmas, same JSON payloads), and the ratio store / reference.
 *
 *   node --import tsx bench/store.bench.ts                 # 1,000,000 events
 *   BENCH_EVENTS=20000 node --import tsx bench/store.bench.ts
 *
 * BENCH_EVENTS: events appended in 100-event batches and then read back through $all (default 1,000,000).
 * BENCH_SINGLE_APPENDS: single-event appends (each one fsync'd transaction; default 2,000).
 * BENCH_DIR: where the two scratch files go (default the OS temp folder; removed at the end).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore, EventToAppend } from '../services/store/event-store.ts';
import type { Position } from '../services/store/position.ts';
import { applyPragmas, migrate } from '../services/store/sqlite-schema.ts';
import { openSqliteStore } from '../services/store/sqlite-store.ts';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const SINGLE_APPENDS = Number(process.env['BENCH_SINGLE_APPENDS'] ?? 2_000);
const BATCH = 100;
const STREAMS = 1_000;
const folder = fs.mkdtempSync(path.join(process.env['BENCH_DIR'] ?? os.tmpdir(), 'plan-ledger-store-bench-'));

// A commitment as the reader records it, and metadata shaped like domain/events/metadata.ts.
const data = {
  organisation: '深圳市龙华区民政局',
  planYear: 2022,
  area: '(一)全面加强社会救助兜底保障',
  text: '在全区56个社区建立社会工作点,计划创建8-10个社区社会组织孵化基地,全年服务困难群众超过2万人次',
  targets: [{ value: 56, unit: '个', counted: '社区社会工作点', comparator: 'at_least' }],
  span: { start: 1234, end: 1301 },
};
const metadata = {
  actor: { kind: 'reader', id: 'report-reader', version: '1.0.0' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  source: { sha256: 'a'.repeat(64), span: { start: 1234, end: 1301 } },
  occurredAt: '2025-03-05T09:00:00.000+08:00',
  previousHash: 'b'.repeat(64),
  hash: 'c'.repeat(64),
};
const dataJson = JSON.stringify(data);
const metadataJson = JSON.stringify(metadata);

function anEvent(): EventToAppend {
  return { id: randomUUID(), type: 'CommitmentRecorded', schemaVersion: 1, data, metadata };
}

const rate = (count: number, ms: number): number => Math.round((count / ms) * 1000);
const format = (value: number): string => value.toLocaleString('en-US');
const figures: string[] = [];

function report(label: string, count: number, { storeMs, referenceMs, medianRatio }: Turns, aim?: number): void {
  const store = rate(count, storeMs);
  const reference = rate(count, referenceMs);
  const ratio = store / reference;
  const verdict = aim === undefined ? '' : ratio >= aim ? `  aim >= ${aim * 100}%: met` : `  aim >= ${aim * 100}%: NOT met`;
  const line =
    `${label.padEnd(34)} store ${format(store).padStart(9)}/s   reference ${format(reference).padStart(9)}/s   ` +
    `ratio ${(ratio * 100).toFixed(1)}% (median of slices ${(medianRatio * 100).toFixed(1)}%)${verdict}`;
  figures.push(line);
  process.stdout.write(`${line}\n`);
}

/** The reference: the same table, written and read with nothing but prepared better-sqlite3 statements. */
function openReference(file: string): { db: Database.Database; insert: Database.Statement } {
  const db = new Database(file);
  applyPragmas(db, 5000);
  migrate(db);
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, category, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return { db, insert };
}

function streamOf(index: number): string {
  return `commitment-${String(index % STREAMS).padStart(6, '0')}`;
}

async function timeIt(work: () => Promise<void> | void): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * The machine is shared, so load drifts during a run: store and reference take turns in small slices and each
 * side's time is the sum of its slices, so both see the same conditions.
 */
const SLICES = 10;

async function takeTurns(
  storeSlice: (slice: number) => Promise<void>,
  referenceSlice: (slice: number) => void,
): Promise<Turns> {
  let storeMs = 0;
  let referenceMs = 0;
  const sliceRatios: number[] = [];
  for (let slice = 0; slice < SLICES; slice += 1) {
    const storeSliceMs = await timeIt(() => storeSlice(slice));
    const referenceSliceMs = await timeIt(() => referenceSlice(slice));
    storeMs += storeSliceMs;
    referenceMs += referenceSliceMs;
    sliceRatios.push(referenceSliceMs / storeSliceMs);
  }
  sliceRatios.sort((a, b) => a - b);
  const middle = sliceRatios.length / 2;
  const medianRatio = ((sliceRatios[Math.floor(middle - 0.5)] ?? 0) + (sliceRatios[Math.ceil(middle - 0.5)] ?? 0)) / 2;
  return { storeMs, referenceMs, medianRatio };
}

interface Turns {
  storeMs: number;
  referenceMs: number;
  /** Median over slices of store rate / reference rate: steadier than the totals when load comes in bursts. */
  medianRatio: number;
}

function sliceRange(total: number, slice: number): [number, number] {
  return [Math.floor((total * slice) / SLICES), Math.floor((total * (slice + 1)) / SLICES)];
}

async function singleAppends(store: EventStore, reference: ReturnType<typeof openReference>): Promise<void> {
  const turns = await takeTurns(
    async (slice) => {
      const [from, to] = sliceRange(SINGLE_APPENDS, slice);
      for (let index = from; index < to; index += 1) {
        await store.appendToStream(`single-${index}`, [anEvent()], { expectedRevision: 'no_stream' });
      }
    },
    (slice) => {
      const [from, to] = sliceRange(SINGLE_APPENDS, slice);
      for (let index = from; index < to; index += 1) {
        reference.insert.run(`single-${index}`, 0, 'single', randomUUID(), 'CommitmentRecorded', 1, dataJson, metadataJson, new Date().toISOString());
      }
    },
  );
  report('single-event appends', SINGLE_APPENDS, turns);
}

async function batchAppends(store: EventStore, reference: ReturnType<typeof openReference>): Promise<number> {
  const batches = Math.ceil(EVENTS / BATCH);
  const storeRevisions = new Map<string, number>();
  const referenceRevisions = new Map<string, number>();
  const insertBatch = reference.db.transaction((stream: string, firstRevision: number) => {
    const now = new Date().toISOString();
    for (let index = 0; index < BATCH; index += 1) {
      reference.insert.run(stream, firstRevision + index, 'commitment', randomUUID(), 'CommitmentRecorded', 1, dataJson, metadataJson, now);
    }
  });
  const turns = await takeTurns(
    async (slice) => {
      const [from, to] = sliceRange(batches, slice);
      for (let batch = from; batch < to; batch += 1) {
        const stream = streamOf(batch);
        const events = Array.from({ length: BATCH }, anEvent);
        const expected = storeRevisions.get(stream) ?? 'no_stream';
        storeRevisions.set(stream, (await store.appendToStream(stream, events, { expectedRevision: expected })).nextExpectedRevision);
      }
    },
    (slice) => {
      const [from, to] = sliceRange(batches, slice);
      for (let batch = from; batch < to; batch += 1) {
        const stream = streamOf(batch);
        const first = referenceRevisions.get(stream) ?? 0;
        insertBatch.immediate(stream, first);
        referenceRevisions.set(stream, first + BATCH);
      }
    },
  );
  report(`${BATCH}-event batch appends (events)`, batches * BATCH, turns, 0.5);
  return batches * BATCH + SINGLE_APPENDS;
}

type ScanRow = { global_position: number; revision: number; data: string; metadata: string };

/**
 * Reads the whole log twice through the store and twice directly, each in turns of slices: once touching only
 * the envelope (type, stream, revision, position), once also every body (data and metadata), against a bare
 * row scan and a row scan with JSON.parse of both bodies.
 */
async function readAllScan(store: EventStore, reference: ReturnType<typeof openReference>, total: number): Promise<void> {
  const scan = reference.db.prepare<[number, number], ScanRow>(
    'SELECT global_position, stream, revision, event_id, type, schema_version, data, metadata, recorded_at FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?',
  );
  let checksum = 0;
  for (const touchBodies of [false, true]) {
    let storeAfter: Position | undefined;
    let referenceAfter = 0;
    let storeCount = 0;
    let referenceCount = 0;
    const turns = await takeTurns(
      async (slice) => {
        const [from, to] = sliceRange(total, slice);
        for await (const event of store.readAll({ ...(storeAfter === undefined ? {} : { after: storeAfter }), maxCount: to - from })) {
          storeCount += 1;
          checksum += event.revision + event.type.length;
          if (touchBodies) checksum += Object.keys(event.data).length + Object.keys(event.metadata).length;
          storeAfter = event.position;
        }
      },
      (slice) => {
        const [from, to] = sliceRange(total, slice);
        for (const row of scan.iterate(referenceAfter, to - from)) {
          referenceCount += 1;
          checksum += row.revision;
          if (touchBodies) checksum += Object.keys(JSON.parse(row.data) as object).length + Object.keys(JSON.parse(row.metadata) as object).length;
          referenceAfter = row.global_position;
        }
      },
    );
    if (storeCount !== total || referenceCount !== total) {
      throw new Error(`expected ${total} events; read ${storeCount} through the store and ${referenceCount} directly`);
    }
    if (touchBodies) report('$all read, vs scan + JSON.parse', total, turns);
    else report('$all read (events)', total, turns, 0.5);
  }
  process.stdout.write(`(checksum ${checksum})\n`);
}

async function main(): Promise<void> {
  process.stdout.write(
    `store benchmark: ${format(EVENTS)} events in ${BATCH}-event batches over ${STREAMS} streams, ${format(SINGLE_APPENDS)} single appends; ` +
      `payload ${dataJson.length + metadataJson.length} chars of JSON per event; node ${process.version}, ${os.cpus().length} cpus\n`,
  );
  const store = openSqliteStore({ file: path.join(folder, 'store.sqlite') });
  const reference = openReference(path.join(folder, 'reference.sqlite'));
  try {
    await singleAppends(store, reference);
    const total = await batchAppends(store, reference);
    await readAllScan(store, reference, total);
  } finally {
    await store.close();
    reference.db.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`peak RSS ${peakRssMb.toFixed(0)} MB\n`);
}

await main();
