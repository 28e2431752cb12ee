/**
 * End to end over a real loopback socket with plain fetch: a plan report is ingested, a long poll is held on the
 * changes feed, the next year's summary is ingested, and the long poll answers with the plan's commitments leaving
 * `pending`; a conditional read of one of them then comes back 304 with no body.
 */
import { readFileSync } from 'node:fs';
import t from 'tap';
import { bearer, buildTestApp } from './app-fixture.ts';

const pairs = new URL('../../fixtures/gold/pairs/', import.meta.url);
const planReport = readFileSync(new URL('stateCouncil_2023_report.txt', pairs), 'utf8');
const summaryReport = readFileSync(new URL('stateCouncil_2024_report.txt', pairs), 'utf8');

interface Change {
  commitmentId: string;
  position: string;
  status: string;
}
interface ChangePage {
  items: Change[];
  cursor: string | null;
  hasMore: boolean;
}

t.test('ingest a plan, long-poll the changes feed, ingest its summary, read a changed commitment conditionally', async (t) => {
  const { app } = await buildTestApp({}, { withLedger: false });
  t.teardown(() => app.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const reader = bearer('reader');
  const ingest = (text: string) =>
    fetch(`${base}/reports`, { method: 'POST', headers: { ...bearer('reviewer'), 'content-type': 'text/plain; charset=utf-8' }, body: text });

  const plan = await ingest(planReport);
  t.equal(plan.status, 201, 'the plan report is recorded');
  const planResult = (await plan.json()) as { years: { plan: number | null }; commitmentsRecorded: number };
  t.equal(planResult.years.plan, 2023);
  t.ok(planResult.commitmentsRecorded > 0, 'the plan holds commitments');

  const planCommitments = await fetch(`${base}/commitments?planYear=2023&limit=500`, { headers: reader });
  t.equal(planCommitments.status, 200);
  const planIds = new Set(((await planCommitments.json()) as { items: Array<{ id: string; status: string }> }).items.map((item) => item.id));
  t.ok(planIds.size > 0, 'the 2023 commitments are readable');

  const opening = await fetch(`${base}/changes?limit=1000`, { headers: reader });
  t.equal(opening.status, 200);
  let feed = (await opening.json()) as ChangePage;
  while (feed.hasMore) {
    feed = (await (await fetch(`${base}/changes?limit=1000&cursor=${feed.cursor}`, { headers: reader })).json()) as ChangePage;
  }
  t.type(feed.cursor, 'string', 'the feed hands out a cursor');

  const started = Date.now();
  const held = fetch(`${base}/changes?cursor=${feed.cursor}&wait=20&limit=1000`, { headers: reader });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const summary = await ingest(summaryReport);
  t.equal(summary.status, 201, 'the summary report is recorded');
  t.equal(((await summary.json()) as { years: { summary: number | null } }).years.summary, 2023, 'it reviews 2023');

  const answered = await held;
  t.equal(answered.status, 200);
  t.ok(Date.now() - started < 15_000, 'woken by the ingestion, not by the timeout');
  // The projector may apply the summary in more than one batch: follow the cursor until the feed is drained.
  let page = (await answered.json()) as ChangePage;
  t.ok(page.items.length > 0, 'the long poll answered with changes');
  const changes: Change[] = [...page.items];
  while (page.hasMore) {
    page = (await (await fetch(`${base}/changes?limit=1000&cursor=${page.cursor}`, { headers: reader })).json()) as ChangePage;
    changes.push(...page.items);
  }
  const settled = changes.filter((change) => planIds.has(change.commitmentId) && change.status !== 'pending');
  t.ok(settled.length > 0, `2023 commitments left pending (${settled.length} of ${changes.length} changes)`);

  const changed = settled[0];
  if (changed === undefined) return;
  const first = await fetch(`${base}/commitments/${changed.commitmentId}`, { headers: reader });
  t.equal(first.status, 200);
  const etag = first.headers.get('etag');
  t.type(etag, 'string', 'the commitment carries an ETag');
  const view = (await first.json()) as { id: string; planYear: number; status: string };
  t.match(view, { id: changed.commitmentId, planYear: 2023 });
  t.not(view.status, 'pending');

  const again = await fetch(`${base}/commitments/${changed.commitmentId}`, { headers: { ...reader, 'if-none-match': etag ?? '' } });
  t.equal(again.status, 304, 'unchanged since the ETag');
  t.equal(await again.text(), '', 'a 304 has no body');
});
