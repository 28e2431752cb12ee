import t from 'tap';
import { sha256Hex, streamNames } from '../../../domain/ids.ts';
import type { ParsedReport } from '../../../domain/reader/parsed-report.ts';
import { ingestReport, type IngestionResult } from '../../../services/ingestion/ingest-report.ts';
import type { ReportReader } from '../../../services/ingestion/report-reader.ts';
import { createMemoryStore } from '../../../services/store/memory-store.ts';
import type { EventStore } from '../../../services/store/event-store.ts';
import { collect } from '../events/collect.ts';
import { withAppend } from '../commands/wrapped-store.ts';
import { fixedClock, logContent, pairFiles, readText, seedFiles } from './ingestion-fixtures.ts';

const ingest = (store: EventStore, text: string, extra: Record<string, unknown> = {}, reader?: ReportReader): Promise<IngestionResult> =>
  ingestReport({ store, clock: fixedClock, ...(reader === undefined ? {} : { reader }) }, { type: 'IngestReport', text, ...extra });

async function eventCount(store: EventStore): Promise<number> {
  return (await collect(store.readAll())).length;
}

t.test('every seed and pair file ingested twice yields the events of one ingestion', async (t) => {
  const store = createMemoryStore();
  for (const file of [...seedFiles, ...pairFiles]) {
    const text = readText(file);
    const first = await ingest(store, text);
    t.ok(first.ok && !first.alreadyIngested, `${file}: first ingestion records`);
    const afterFirst = await eventCount(store);
    const second = await ingest(store, text);
    t.ok(second.ok && second.alreadyIngested, `${file}: second ingestion says already ingested`);
    t.equal(await eventCount(store), afterFirst, `${file}: no new events`);
    if (first.ok && second.ok) {
      t.equal(second.reportId, first.reportId);
      t.same(second.years, first.years);
      t.equal(first.commitmentsRecorded, first.commitmentsFound);
      t.equal(first.outcomesRecorded, first.outcomesFound);
      t.equal(second.commitmentsRecorded + second.outcomesRecorded, 0);
    }
  }
  t.equal(seedFiles.length, 5);
  t.equal(pairFiles.length, 6);
});

t.test('on a store without multi-stream transactions (as EventStoreDB), streams are written one by one, idempotently', async (t) => {
  const batched = createMemoryStore();
  const oneByOne = createMemoryStore();
  const streamByStream = withAppend(oneByOne, (...args) => oneByOne.appendToStream(...args));
  t.equal(streamByStream.appendToStreams, undefined);
  for (const file of [...seedFiles, ...pairFiles]) {
    t.ok((await ingest(batched, readText(file))).ok);
    t.ok((await ingest(streamByStream, readText(file))).ok);
    const again = await ingest(streamByStream, readText(file));
    t.ok(again.ok && again.alreadyIngested);
  }
  t.same(await logContent(oneByOne), await logContent(batched), 'the same events either way');
});

// The crashing wrapper has no appendToStreams, so this is the stream-by-stream path, crashing between streams.
t.test('an ingestion that crashed halfway, retried, ends with exactly one ingestion’s events', async (t) => {
  const text = readText(seedFiles.find((file) => file.includes('longhua'))!);
  const clean = createMemoryStore();
  t.ok((await ingest(clean, text)).ok);
  const expected = await logContent(clean);

  for (const appendsBeforeCrash of [0, 1, 17, expected.length - 1]) {
    const store = createMemoryStore();
    let appends = 0;
    const crashing = withAppend(store, async (...args) => {
      if (appends >= appendsBeforeCrash) throw new Error('simulated crash');
      appends += 1;
      return store.appendToStream(...args);
    });
    await t.rejects(ingest(crashing, text), /simulated crash/);
    t.equal(await eventCount(store), appendsBeforeCrash, `crash after ${appendsBeforeCrash} appends`);
    const reportStream = await collect(store.readStream(streamNames.report(sha256Hex(text))));
    t.equal(reportStream.length, 0, 'the report stream is written last, so a crash leaves none');
    const retry = await ingest(store, text);
    t.ok(retry.ok && !retry.alreadyIngested, 'the retry completes the ingestion');
    t.equal(retry.ok && retry.commitmentsRecorded + retry.outcomesRecorded, expected.length - 1, 'and counts all of the document');
    t.same(await logContent(store), expected, `after a crash at ${appendsBeforeCrash}: the same events as one clean ingestion`);
  }
});

t.test('plans and summaries arriving in any order give the same log', async (t) => {
  const inOrder = createMemoryStore();
  for (const file of pairFiles) t.ok((await ingest(inOrder, readText(file))).ok);
  const reversed = createMemoryStore();
  for (const file of [...pairFiles].reverse()) t.ok((await ingest(reversed, readText(file))).ok);
  t.same(await logContent(reversed), await logContent(inOrder));
});

t.test('a document the reader cannot read is rejected with its reason, and nothing is recorded', async (t) => {
  const store = createMemoryStore();
  const empty = await ingest(store, '   \n  ');
  t.same(empty.ok ? null : empty.error, { code: 'unreadable', reason: 'empty_text', message: (empty as { error: { message: string } }).error.message });
  const noParts = await ingest(store, '首页 > 新闻中心\n天气晴朗。\n版权所有');
  t.equal(noParts.ok ? null : noParts.error.code, 'unreadable');
  t.equal(await eventCount(store), 0);
});

t.test('an organisation hint must agree with the text', async (t) => {
  const file = seedFiles.find((name) => name.includes('longhua'))!;
  const text = readText(file);
  const store = createMemoryStore();
  const contradicting = await ingest(store, text, { organisationHint: '广州市海珠区民政局' });
  t.equal(contradicting.ok ? null : contradicting.error.code, 'organisation_mismatch');
  t.match(contradicting.ok ? '' : contradicting.error.message, /广州市海珠区民政局.*深圳市龙华区民政局/);
  t.equal(await eventCount(store), 0, 'nothing recorded for a contradicting hint');
  for (const hint of ['深圳市龙华区民政局', '龙华区民政局']) {
    const agreeing = await ingest(store, text, { organisationHint: hint });
    t.ok(agreeing.ok, `hint ${hint} agrees`);
  }
  const repeatContradicting = await ingest(store, text, { organisationHint: '国务院' });
  t.equal(repeatContradicting.ok ? null : repeatContradicting.error.code, 'organisation_mismatch', 'also on a repeat');
});

t.test('a malformed command or reader output is refused without recording', async (t) => {
  const store = createMemoryStore();
  const noText = await ingestReport({ store, clock: fixedClock }, { type: 'IngestReport' });
  t.equal(noText.ok ? null : noText.error.code, 'invalid_command');
  const brokenReader: ReportReader = {
    version: 'broken-1',
    read: () => ({ ok: true, report: { organisation: { name: 'x', evidence: 'x' } } as unknown as ParsedReport }),
  };
  const broken = await ingest(store, 'some text', {}, brokenReader);
  t.same(broken.ok ? null : [broken.error.code, 'reason' in broken.error ? broken.error.reason : null], ['unreadable', 'invalid_reader_output']);
  t.equal(await eventCount(store), 0);
});

t.test('a hand-made parsed report is recorded with its source spans and the reader as actor', async (t) => {
  const text = '2022年工作计划\n一是新建养老服务站5个。\n二是培训社工200名。';
  const parsed: ParsedReport = {
    organisation: { name: '某市民政局', evidence: '某市民政局' },
    publishedAt: null,
    title: null,
    summary: null,
    plan: {
      year: 2022,
      heading: '2022年工作计划',
      headingSpan: [0, 9],
      span: [0, text.length],
      commitments: [
        { area: null, marker: '一是', text: '新建养老服务站5个。', span: [12, 22], targets: [] },
        { area: null, marker: '二是', text: '培训社工200名。', span: [25, 34], targets: [] },
      ],
    },
  };
  const store = createMemoryStore();
  const result = await ingest(store, text, { sourceUri: 'file:///plan.txt' }, { version: 'hand-1', read: () => ({ ok: true, report: parsed }) });
  t.same(result.ok && [result.commitmentsRecorded, result.outcomesRecorded, result.years], [2, 0, { summary: null, plan: 2022 }]);
  const events = await collect(store.readAll());
  t.same(events.map((event) => event.type), ['CommitmentRecorded', 'CommitmentRecorded', 'ReportIngested']);
  t.same(events[1]?.metadata['source'], { sha256: sha256Hex(text), span: [25, 34] });
  t.same(events[1]?.metadata['actor'], { kind: 'reader', id: 'plan-ledger-reader', version: 'hand-1' });
  t.equal(events[2]?.data['source'], 'file:///plan.txt');
});
