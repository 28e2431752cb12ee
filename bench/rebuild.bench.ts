/**
 * Rebuild of every read model from a log of BENCH_EVENTS events (default 1,000,000), next to the plain `$all` read
 * rate of the same store measured in the same run; peak memory; and the time to answer one as-of query at the
 * log's midpoint.
 *
 * The log: the five seeds and the six pair reports are ingested for real (reader, deciders, matcher) into an
 * in-memory store; that log is then copied under as many renamed organisations as it takes (`国务院~17`, every
 * report/commitment/outcome/link/target id suffixed the same way) and written straight into an embedded store file
 * in large transactions (appending a million events one acknowledged append at a time would only measure fsync).
 * The hash chain of a renamed copy no longer verifies; the projector does not check it.
 *
 *   node --import tsx bench/rebuild.bench.ts            # BENCH_EVENTS=20000 for a quick run
 * Rates are given per wall-clock second and per CPU second of this process (fairer on a shared machine).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { createMemoryStore } from '../services/store/memory-store.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../services/store/sqlite-store.ts';
import { applyPragmas, migrate } from '../services/store/sqlite-schema.ts';
import { categoryOf, type EventStore, type RecordedEvent } from '../services/store/event-store.ts';
import { ingestReport } from '../services/ingestion/ingest-report.ts';
import { runMatchingCatchUp } from '../services/matching/matching-process.ts';
import { openReadModelDb, READ_MODEL_FILE } from '../services/read-models/schema.ts';
import { rebuildReadModels } from '../services/projector/rebuild.ts';
import { readModelsAsOf, readModelsAsOfOrganisation } from '../services/projector/as-of.ts';
import { getScorecard } from '../services/read-models/scorecard-queries.ts';
import { allCommitments } from '../services/read-models/commitment-queries.ts';
import { positionOf } from '../services/store/position.ts';
import { sampleReportFiles } from './sample-reports.ts';

const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const logger = pino({ level: 'silent' });
const MARK = '\u241f';

async function templateLog(): Promise<RecordedEvent[]> {
  const store = createMemoryStore({ clock: () => new Date('2026-01-01T00:00:00.000Z') });
  for (const file of sampleReportFiles()) {
    const result = await ingestReport({ store, clock: () => new Date('2026-01-01T00:00:00.000Z') }, {
      type: 'IngestReport',
      text: fs.readFileSync(file, 'utf8'),
    });
    if (!result.ok) throw new Error(`${path.basename(file)}: ${result.error.message}`);
  }
  await runMatchingCatchUp(store, { logger });
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  await store.close();
  return events;
}

/** Marks every organisation name and entity id, so a copy is one `replaceAll` of the mark away. */
function marked(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => marked(item));
  if (value !== null && typeof value === 'object') {
    if (key === 'organisation') {
      const organisation = value as { name: string };
      return { ...organisation, name: organisation.name + MARK };
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, marked(v, k)]));
  }
  if (typeof value === 'string' && ['organisation', 'reportId', 'commitmentId', 'outcomeId', 'linkId', 'targetId'].includes(key)) {
    return value + MARK;
  }
  return value;
}

function writeSyntheticLog(file: string, template: readonly RecordedEvent[]): { events: number; copies: number } {
  const db = new Database(file);
  applyPragmas(db, 5000);
  migrate(db);
  const insert = db.prepare(
    'INSERT INTO events (global_position, stream, revision, category, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const rows = template.map((event) => ({
    stream: event.stream + MARK,
    category: categoryOf(event.stream),
    revision: event.revision,
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(marked(event.data)),
    metadata: JSON.stringify(event.metadata),
  }));
  const copies = Math.ceil(target / template.length);
  let position = 0;
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const writeCopies = db.transaction((from: number, to: number) => {
    for (let copy = from; copy < to; copy++) {
      const suffix = `~${copy}`;
      const recordedAt = new Date(base + copy * 1000).toISOString();
      for (const row of rows) {
        position++;
        insert.run(position, row.stream.replaceAll(MARK, suffix), row.revision, row.category, row.id, row.type, row.schemaVersion,
          row.data.replaceAll(MARK, suffix), row.metadata, recordedAt);
      }
    }
  });
  for (let copy = 0; copy < copies; copy += 100) writeCopies(copy, Math.min(copies, copy + 100));
  db.close();
  return { events: position, copies };
}

/** CPU seconds of this process since `from`: on a shared machine, rates per CPU second compare more fairly. */
function cpuSecondsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

async function plainReadRate(store: EventStore): Promise<{ events: number; perSecond: number; perCpuSecond: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let events = 0;
  let bytes = 0;
  for await (const event of store.readAll()) {
    // Touch the bodies, as any consumer must: the store parses them lazily.
    bytes += Object.keys(event.data).length + Object.keys(event.metadata).length;
    events++;
  }
  const seconds = (performance.now() - started) / 1000;
  if (bytes < 0) throw new Error('unreachable');
  return { events, perSecond: events / seconds, perCpuSecond: events / cpuSecondsSince(cpu) };
}

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'rebuild-bench-'));
try {
  let started = performance.now();
  const template = await templateLog();
  console.log(`template: ${template.length} real events (seeds + pair reports, ingested and matched) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const written = writeSyntheticLog(path.join(dir, SQLITE_FILE_NAME), template);
  console.log(`log: ${written.events} events (${written.copies} renamed copies) written in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
    `${(fs.statSync(path.join(dir, SQLITE_FILE_NAME)).size / 1e6).toFixed(0)} MB`);

  const store = openSqliteStore({ file: path.join(dir, SQLITE_FILE_NAME), logger });
  const read = await plainReadRate(store);
  console.log(`reference  plain $all read: ${read.events} events, ${Math.round(read.perSecond)} events/s (${Math.round(read.perCpuSecond)} per CPU-s)`);

  const db = openReadModelDb(path.join(dir, READ_MODEL_FILE));
  const sampler = rssSampler();
  const cpu = process.cpuUsage();
  const rebuilt = await rebuildReadModels(store, db, { logger });
  const rebuildCpuRate = rebuilt.events / cpuSecondsSince(cpu);
  const peakRss = sampler.stop();
  const rate = rebuilt.events / (rebuilt.elapsedMs / 1000);
  console.log(`rebuild: ${rebuilt.events} events in ${(rebuilt.elapsedMs / 1000).toFixed(1)} s, ${Math.round(rate)} events/s (${Math.round(rebuildCpuRate)} per CPU-s)`);
  console.log(`ratio rebuild / plain read: ${(rate / read.perSecond).toFixed(2)} wall, ${(rebuildCpuRate / read.perCpuSecond).toFixed(2)} CPU (aim ≥ 0.30)`);
  console.log(`peak RSS during rebuild: ${(peakRss / 2 ** 20).toFixed(0)} MiB (aim ≤ 1024); process max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  const commitments = db.prepare('SELECT count(*) FROM commitments').pluck().get() as number;
  console.log(`read models: ${commitments} commitments`);

  const midpoint = positionOf(BigInt(Math.floor(written.events / 2)));
  const middleCopy = Math.floor(written.copies / 2) - 1;
  const organisation = `国务院~${middleCopy}`;
  started = performance.now();
  const fromStreams = await readModelsAsOfOrganisation(store, db, { position: midpoint }, organisation, { logger });
  const streamScorecard = getScorecard(fromStreams.db, organisation, 2023);
  const streamsMs = performance.now() - started;
  console.log(
    `as-of ${midpoint} for one organisation from its streams (${fromStreams.replayed}, ${fromStreams.events} events; ${organisation} scorecard 2023: ` +
      `${streamScorecard?.total.total ?? 0} commitments): ${streamsMs.toFixed(0)} ms`,
  );
  fromStreams.close();
  started = performance.now();
  const scoped = await readModelsAsOf(store, { position: midpoint }, { organisation, logger });
  const scorecard = getScorecard(scoped.db, organisation, 2023);
  const scopedMs = performance.now() - started;
  console.log(`as-of ${midpoint} for one organisation replaying the log (the fallback while read models lag): ${scopedMs.toFixed(0)} ms`);
  if (JSON.stringify(scorecard) !== JSON.stringify(streamScorecard)) throw new Error('the two as-of paths disagree');
  scoped.close();
  if (process.env.BENCH_ASOF_FULL === undefined) {
    console.log('(set BENCH_ASOF_FULL=1 to also time an as-of replay of every organisation up to the midpoint)');
  } else {
  started = performance.now();
  const whole = await readModelsAsOf(store, { position: midpoint }, { logger });
  const wholeCount = allCommitments(whole.db, { organisation, planYear: 2023 }).length;
  console.log(`as-of ${midpoint}, every organisation replayed (${whole.events} events, ${wholeCount} commitments of ${organisation} 2023): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  whole.close();
  }
  db.close();
  await store.close();
} finally {
  if (process.env.BENCH_KEEP === undefined) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
