/**
 * Ingestion benchmark: the seeds and the pair reports ingested under BENCH_ORGS distinct organisation names into the
 * embedded (SQLite) store, in reports/s and events/s, next to the store's batched-append rate measured in the same
 * run for the same events (100-event appends of exactly the records ingestion wrote: the ceiling), and the ratio.
 * Aim: ingestion within 3× of the bare append cost.
 *
 *   node --import tsx bench/ingest.bench.ts              # 1,000 organisations × 11 reports
 *   BENCH_ORGS=50 node --import tsx bench/ingest.bench.ts
 *
 * How the organisations are made: each text gets a suffix line naming its copy (`<!-- bench-org-N -->`), so every
 * copy is a distinct document (its own SHA-256, so its own report stream); the reader is run once per original text
 * and its result reused with the organisation name rewritten to `<name>·N`. Spans stay valid because the suffix is
 * appended. Reading itself is measured by bench/reader.bench.ts; here its one-off cost is printed apart.
 * The bulk path (`ingestReports`, one organisation's 11 reports per call and per transaction) is measured too.
 * A second reference appends the same records one report per transaction (ingestion's own commit count), so the
 * remaining ratio is ingestion's work: reading streams, deciding, hashing, validating. A third writes them to their
 * own streams (one multi-stream append per report): the store's cost for ingestion's shape of writes.
 * BENCH_DIR: where the five scratch files go (default the OS temp folder; removed at the end).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { READER_VERSION, readReport } from '../domain/reader/read-report.ts';
import type { ParsedReport } from '../domain/reader/parsed-report.ts';
import { ingestReport, ingestReports } from '../services/ingestion/ingest-report.ts';
import type { ReportReader } from '../services/ingestion/report-reader.ts';
import type { EventToAppend, StreamAppend } from '../services/store/event-store.ts';
import { openSqliteStore } from '../services/store/sqlite-store.ts';
import { sampleTexts } from './sample-reports.ts';

const ORGS = Number(process.env['BENCH_ORGS'] ?? 1_000);
const BATCH = 100;
const folder = fs.mkdtempSync(path.join(process.env['BENCH_DIR'] ?? os.tmpdir(), 'plan-ledger-ingest-bench-'));
const SUFFIX = '\n<!-- bench-org-';

const texts = sampleTexts();
const readStarted = performance.now();
const parsedByText = new Map<string, ParsedReport>();
for (const text of texts) {
  const read = readReport(text);
  if (!read.ok) throw new Error(`a sample text does not read: ${read.error.message}`);
  parsedByText.set(text, read.report);
}
const readMs = performance.now() - readStarted;

const renamingReader: ReportReader = {
  version: READER_VERSION,
  read: (text) => {
    const at = text.lastIndexOf(SUFFIX);
    const parsed = parsedByText.get(text.slice(0, at));
    if (at === -1 || parsed === undefined) throw new Error('not a benchmark copy');
    const copy = text.slice(at + SUFFIX.length, text.indexOf(' ', at + SUFFIX.length));
    return { ok: true, report: { ...parsed, organisation: { ...parsed.organisation, name: `${parsed.organisation.name}·${copy}` } } };
  },
};

const ingestFile = path.join(folder, 'ingest.sqlite');
const ceilingFile = path.join(folder, 'ceiling.sqlite');
const perReportFile = path.join(folder, 'per-report.sqlite');
const bulkFile = path.join(folder, 'bulk.sqlite');
const sameStreamsFile = path.join(folder, 'same-streams.sqlite');
try {
  const store = openSqliteStore({ file: ingestFile });
  let reports = 0;
  let events = 0;
  const ingestStarted = performance.now();
  for (let org = 0; org < ORGS; org++) {
    for (const text of texts) {
      const result = await ingestReport({ store, clock: () => new Date(), reader: renamingReader }, { type: 'IngestReport', text: `${text}${SUFFIX}${org} -->\n` });
      if (!result.ok || result.alreadyIngested) throw new Error(`copy ${org} not ingested: ${JSON.stringify(result)}`);
      reports += 1;
      events += 1 + result.commitmentsRecorded + result.outcomesRecorded;
    }
  }
  const ingestMs = performance.now() - ingestStarted;

  // The bulk path: one call (and one transaction) per organisation's reports, into a second store.
  const bulkStore = openSqliteStore({ file: bulkFile });
  let bulkEvents = 0;
  const bulkStarted = performance.now();
  for (let org = 0; org < ORGS; org++) {
    const inputs = texts.map((text) => ({ type: 'IngestReport', text: `${text}${SUFFIX}${org} -->\n` }));
    for (const result of await ingestReports({ store: bulkStore, clock: () => new Date(), reader: renamingReader }, inputs)) {
      if (!result.ok || result.alreadyIngested) throw new Error(`copy ${org} not ingested in bulk: ${JSON.stringify(result)}`);
      bulkEvents += 1 + result.commitmentsRecorded + result.outcomesRecorded;
    }
  }
  const bulkMs = performance.now() - bulkStarted;
  await bulkStore.close();
  if (bulkEvents !== events) throw new Error(`bulk ingestion recorded ${bulkEvents} events, one by one ${events}`);

  // The ceiling: exactly the records ingestion wrote, appended again in 100-event batches to a fresh store.
  // A second reference appends them one report per transaction, as ingestion must: what is left is its own work.
  const ceiling = openSqliteStore({ file: ceilingFile });
  const perReport = openSqliteStore({ file: perReportFile });
  let appendMs = 0;
  let perReportMs = 0;
  let appended = 0;
  let batch: EventToAppend[] = [];
  let reportBatch: EventToAppend[] = [];
  let reportBatches = 0;
  // A third reference writes each report's records to their own streams, in one multi-stream append per report:
  // the store's cost for the shape ingestion writes (many new, randomly named streams), without ingestion's work.
  const sameStreams = openSqliteStore({ file: sameStreamsFile });
  let sameStreamsMs = 0;
  let reportAppends: StreamAppend[] = [];
  const flushSameStreams = async (): Promise<void> => {
    const started = performance.now();
    await sameStreams.appendToStreams!(reportAppends);
    sameStreamsMs += performance.now() - started;
    reportAppends = [];
  };
  const flush = async (): Promise<void> => {
    const started = performance.now();
    await ceiling.appendToStream(`ceiling-${appended}`, batch, { expectedRevision: 'no_stream' });
    appendMs += performance.now() - started;
    appended += batch.length;
    batch = [];
  };
  const flushReport = async (): Promise<void> => {
    const started = performance.now();
    await perReport.appendToStream(`report-batch-${reportBatches++}`, reportBatch, { expectedRevision: 'no_stream' });
    perReportMs += performance.now() - started;
    reportBatch = [];
  };
  for await (const event of store.readAll()) {
    const record = { id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata };
    batch.push(record);
    reportBatch.push(record);
    reportAppends.push({ stream: event.stream, events: [record], expectedRevision: event.revision === 0 ? 'no_stream' : event.revision - 1 });
    // Each ingestion's events are contiguous in the log and end with its ReportIngested.
    if (event.type === 'ReportIngested') {
      await flushReport();
      await flushSameStreams();
    }
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  if (reportBatch.length > 0) await flushReport();
  if (reportAppends.length > 0) await flushSameStreams();
  await store.close();
  await ceiling.close();
  await perReport.close();
  await sameStreams.close();
  if (appended !== events) throw new Error(`the log holds ${appended} events, ingestion reported ${events}`);

  const perSecond = (count: number, ms: number): string => Math.round((count * 1000) / ms).toLocaleString('en-US');
  process.stdout.write(
    [
      `organisations ${ORGS} × ${texts.length} reports = ${reports} reports, ${events} events (reading the ${texts.length} originals once: ${readMs.toFixed(0)} ms, not counted)`,
      `ingestion (embedded store):       ${perSecond(reports, ingestMs)} reports/s, ${perSecond(events, ingestMs)} events/s (${(ingestMs / 1000).toFixed(2)} s)`,
      `ceiling: 100-event appends, same: ${perSecond(events, appendMs)} events/s (${(appendMs / 1000).toFixed(2)} s)`,
      `ratio ingestion / bare append time: ${(ingestMs / appendMs).toFixed(2)}× (aim ≤ 3×)`,
      `bulk ingestion (${texts.length} reports per call): ${perSecond(reports, bulkMs)} reports/s, ${perSecond(events, bulkMs)} events/s (${(bulkMs / 1000).toFixed(2)} s); ratio to bare append: ${(bulkMs / appendMs).toFixed(2)}×`,
      `reference: one append per report:  ${perSecond(events, perReportMs)} events/s (${(perReportMs / 1000).toFixed(2)} s); ingestion / that: ${(ingestMs / perReportMs).toFixed(2)}×`,
      `reference: same records, same streams, one multi-stream append per report: ${perSecond(events, sameStreamsMs)} events/s (${(sameStreamsMs / 1000).toFixed(2)} s); ingestion / that: ${(ingestMs / sameStreamsMs).toFixed(2)}×`,
      '',
    ].join('\n'),
  );
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
