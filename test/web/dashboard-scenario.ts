/**
 * What the browser test does against a running service: the overview of the seeds, a report ingested through
 * the API showing up live, a scorecard, and a commitment whose evidence sentence is highlighted. Kept apart from
 * the test file so the same walk can be pointed at any running service.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { commitmentPageSchema, commitmentViewSchema, organisationViewSchema, scorecardViewSchema } from '../../services/api/schemas/read-views.ts';

/** Test is the slice of tap's `t` the walk uses. */
export interface Checks {
  ok(value: unknown, message: string): void;
  equal(found: unknown, wanted: unknown, message: string): void;
  same(found: unknown, wanted: unknown, message: string): void;
  comment(...message: unknown[]): void;
}

export interface ScenarioOptions {
  baseUrl: string;
  reviewerSecret: string;
  /** Organisations and plan years the seeds hold (from the gold annotations). */
  seededPlans: ReadonlyArray<{ organisation: string; year: number }>;
  /** Two reports of one organisation: a plan for year Y, then the summary of Y (so evidence exists). */
  newReports: readonly [planReport: string, summaryReport: string];
  screenshotDir: string;
  /** Where the README's screenshots go; omitted to leave them alone. */
  docsScreenshotDir?: string;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** The page writes rates as a percentage with one decimal, `—` when nothing is assessable. */
export function displayedRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

const ingestionSchema = z.object({ organisation: z.string(), years: z.object({ plan: z.number().nullable(), summary: z.number().nullable() }) });

async function api<Schema extends z.ZodType>(baseUrl: string, url: string, schema: Schema): Promise<z.output<Schema>> {
  const response = await fetch(new URL(url, baseUrl));
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return schema.parse(await response.json());
}

async function ingest(baseUrl: string, secret: string, text: string): Promise<z.output<typeof ingestionSchema>> {
  const response = await fetch(new URL('/reports', baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'text/plain; charset=utf-8' },
    body: text,
  });
  if (response.status !== 201) throw new Error(`POST /reports: ${response.status} ${await response.text()}`);
  return ingestionSchema.parse(await response.json());
}

const rowSelector = (organisation: string, year: number) => `tr.plan-row[data-organisation="${organisation}"][data-year="${year}"]`;

async function rateOf(baseUrl: string, organisation: string, year: number): Promise<number | null> {
  const scorecard = await api(baseUrl, `/scorecards?${new URLSearchParams({ organisation, year: String(year) })}`, scorecardViewSchema);
  return scorecard.total.followThroughRate;
}

export async function walkDashboard(t: Checks, browser: Browser, options: ScenarioOptions): Promise<void> {
  const { baseUrl } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  await mkdir(options.screenshotDir, { recursive: true });
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(options.screenshotDir, `${name}.png`), fullPage: true });

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const elsewhere: string[] = [];
  /** Paths (with queries) the page asked the service for, to count what the overview costs. */
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:')) elsewhere.push(url);
    else if (url.startsWith(baseUrl)) asked.push(new URL(url).pathname + new URL(url).search);
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });

  // Overview: every seeded plan with its rate.
  await page.goto(new URL('/', baseUrl).href);
  await page.locator('#live[data-state="live"]').waitFor();
  for (const { organisation, year } of options.seededPlans) {
    const row = page.locator(rowSelector(organisation, year));
    await row.waitFor();
    const rate = await rateOf(baseUrl, organisation, year);
    t.equal((await row.locator('td.rate strong').textContent())?.trim(), displayedRate(rate), `${organisation} ${year} shows its follow-through rate`);
    t.ok((await row.locator('.bar-words').textContent())?.includes('pending') ?? false, `${organisation} ${year} says its statuses in words`);
  }
  const organisations = await api(baseUrl, '/organisations', z.object({ items: z.array(organisationViewSchema) }));
  const planCount = organisations.items.reduce((sum, organisation) => sum + organisation.planYears.length, 0);
  t.equal(await page.locator('tr.plan-row').count(), planCount, 'one overview row per organisation and plan year');
  await shot(page, 'overview-seeds');
  t.comment(`overview of the seeds checked at ${elapsed()}`);

  // A new report ingested through the API appears without a reload, then its summary moves the rate.
  const navigationsBefore = navigations;
  const plan = await ingest(baseUrl, options.reviewerSecret, options.newReports[0]);
  const planYear = plan.years.plan;
  if (planYear === null) throw new Error('the first new report must hold a plan');
  await page.locator(rowSelector(plan.organisation, planYear)).waitFor({ timeout: 15_000 });
  t.ok(true, `${plan.organisation} ${planYear} appeared on the overview live`);
  const summary = await ingest(baseUrl, options.reviewerSecret, options.newReports[1]);
  t.equal(summary.years.summary, planYear, 'the second new report reviews the first one’s plan year');
  const rateCell = page.locator(`${rowSelector(plan.organisation, planYear)} td.rate strong`);
  const live = await waitForLiveRate(baseUrl, plan.organisation, planYear, async () => (await rateCell.textContent())?.trim());
  t.equal(live.shown, displayedRate(live.rate), `the rate updated live to the API’s figure (${live.shown})`);
  t.equal(navigations, navigationsBefore, 'the overview updated without a reload');
  await shot(page, 'overview');
  t.comment(`live updates checked at ${elapsed()}`);

  // Every overview render (the first and each live refresh) reads /organisations once and all totals once.
  const count = (path: string) => asked.filter((url) => url === path).length;
  for (let attempt = 0; attempt < 50 && count('/scorecards/totals') !== count('/organisations'); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  t.ok(count('/organisations') >= 2, `the overview rendered at first and again live (${count('/organisations')} renders)`);
  t.equal(count('/scorecards/totals'), count('/organisations'), 'each overview render made a single totals request');
  t.same(asked.filter((url) => url.startsWith('/scorecards?')), [], 'and no request per organisation and year');

  // Scorecard: areas and commitments, filterable.
  await page.locator(`${rowSelector(plan.organisation, planYear)} a`).click();
  await page.locator(`section.scorecard[data-year="${planYear}"]`).waitFor();
  const scorecard = await api(baseUrl, `/scorecards?${new URLSearchParams({ organisation: plan.organisation, year: String(planYear) })}`, scorecardViewSchema);
  t.equal(await page.locator('table.areas tbody tr').count(), scorecard.areas.length, 'one scorecard row per area');
  t.equal(await page.locator('li.commitment-item').count(), scorecard.total.total, 'every commitment is listed');
  const achieved = scorecard.total.counts.achieved ?? 0;
  await page.locator('#filter-status').selectOption('achieved');
  t.equal(await page.locator('li.commitment-item:visible').count(), achieved, 'the status filter keeps the achieved ones');
  t.equal(await page.locator('li.commitment-item:visible .badge[data-status="achieved"]').count(), achieved, 'and each shows its status badge');
  await page.locator('#filter-status').selectOption('');
  await shot(page, 'scorecard');
  t.comment(`scorecard checked at ${elapsed()}`);

  // Commitment: the evidence sentence highlighted in the summary's text.
  const listed = await api(
    baseUrl,
    `/commitments?${new URLSearchParams({ organisation: plan.organisation, planYear: String(planYear), limit: '500' })}`,
    commitmentPageSchema,
  );
  const withEvidence = listed.items.find((item) => item.evidence.length > 0 && item.targets.some((target) => target.actual !== null)) ?? listed.items.find((item) => item.evidence.length > 0);
  if (withEvidence === undefined) throw new Error('no commitment of the new plan has evidence');
  await page.locator('#filter-q').fill(withEvidence.text.slice(0, 12));
  t.equal(await page.locator('li.commitment-item:visible').count() >= 1, true, 'the search finds the commitment by its text');
  await page.locator(`li.commitment-item[data-id="${withEvidence.id}"] a.item-text`).click();
  await page.locator(`article.commitment[data-id="${withEvidence.id}"]`).waitFor();
  const link = withEvidence.evidence[0]!;
  const mark = page.locator(`mark.evidence[data-outcome-id="${link.outcomeId}"]`);
  await mark.waitFor();
  const summaryText = await (await fetch(new URL(`/reports/${link.reportId}/text`, baseUrl))).text();
  const highlighted = await mark.textContent();
  t.equal(highlighted, link.outcomeText, 'the highlighted sentence is the evidence’s text');
  t.equal(highlighted, summaryText.slice(link.span[0], link.span[1]), 'and it sits at the evidence’s span in the summary');
  t.equal(await page.locator('section.targets tbody tr').count(), withEvidence.targets.length, 'each target has its actual-vs-target row');
  t.ok((await page.locator('section.why .reason').textContent())?.includes(withEvidence.reason?.reason ?? '\u0000') ?? false, 'the reason for the status is shown');
  t.ok((await page.locator('section.history .timeline li').count()) > 0, 'the history is shown as a timeline');
  await shot(page, 'commitment');
  t.comment(`commitment checked at ${elapsed()}`);

  // A reviewer records an assessment from the page; the badge and the history follow.
  await page.locator('#token').fill(options.reviewerSecret);
  await page.locator('#token-form button[type="submit"]').click();
  await page.locator('#assessment-status:enabled').waitFor();
  const linkLine = page.locator(`.evidence-link[data-link-id="${link.linkId}"]`);
  await linkLine.locator('input').fill('浏览器测试:证据属实');
  await linkLine.locator('button[data-action="confirm"]').click();
  await page.locator(`.evidence-link[data-link-id="${link.linkId}"][data-state="confirmed"]`).waitFor({ timeout: 15_000 });
  const confirmed = await api(baseUrl, `/commitments/${withEvidence.id}`, commitmentViewSchema);
  t.same(
    confirmed.evidence.filter((candidate) => candidate.linkId === link.linkId).map((candidate) => [candidate.state, candidate.stateReason]),
    [['confirmed', '浏览器测试:证据属实']],
    'a reviewer confirmed the link from the page',
  );
  await page.locator('#assessment-status').selectOption('in_progress');
  await page.locator('#assessment-reason').fill('浏览器测试:评审认为仍在推进');
  await page.locator('form.assess button[type="submit"]').click();
  await page.locator('article.commitment[data-status="in_progress"] section.why .assessed').waitFor({ timeout: 15_000 });
  const after = await api(baseUrl, `/commitments/${withEvidence.id}`, z.object({ status: z.string(), assessment: z.object({ rationale: z.string() }).nullable() }));
  t.same({ status: after.status, rationale: after.assessment?.rationale }, { status: 'in_progress', rationale: '浏览器测试:评审认为仍在推进' }, 'the assessment was recorded through the API');
  t.ok((await page.locator('section.history .timeline li[data-kind="CommitmentAssessed"]').count()) > 0, 'the history shows the assessment');
  await shot(page, 'commitment-assessed');
  t.comment(`reviewer writes checked at ${elapsed()}`);

  t.same(elsewhere, [], 'the page requested nothing from anywhere but the service');
  t.same(pageErrors, [], 'the page raised no script errors');
  await page.close();

  if (options.docsScreenshotDir !== undefined) {
    await mkdir(options.docsScreenshotDir, { recursive: true });
    for (const name of ['overview', 'commitment']) await copyFile(path.join(options.screenshotDir, `${name}.png`), path.join(options.docsScreenshotDir, `dashboard-${name}.png`));
  }
}

/**
 * The matcher and projector work after the ingest answers, so the rate moves for a while: wait until the API
 * gives a rate and the page (refreshed by the changes feed alone) shows that same rate.
 */
async function waitForLiveRate(baseUrl: string, organisation: string, year: number, shown: () => Promise<string | undefined>): Promise<{ rate: number; shown: string | undefined }> {
  let last: { rate: number | null; shown: string | undefined } = { rate: null, shown: undefined };
  for (let attempt = 0; attempt < 150; attempt++) {
    const rate = await rateOf(baseUrl, organisation, year);
    last = { rate, shown: await shown() };
    if (rate !== null && last.shown === displayedRate(rate)) return { rate, shown: last.shown };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${organisation} ${year}: the page shows ${last.shown ?? 'nothing'} while the API says ${displayedRate(last.rate)}`);
}
