/**
 * The dashboard in a real browser (Debian's chromium driven by playwright-core) against the whole service
 * started in-process on a temporary data directory with the seeds: the overview of every seeded plan with its
 * rate, a report ingested through the API appearing without a reload, a scorecard, and a commitment whose
 * evidence sentence is highlighted. Screenshots go to test/web/screenshots/ (git-ignored); with
 * UPDATE_SCREENSHOTS=1 the overview and a commitment are also copied to docs/screenshots/ for the README, so an
 * ordinary test run never rewrites tracked files.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import t from 'tap';
import { z } from 'zod';
import { sha256Hex } from '../../domain/ids.ts';
import { parseConfig } from '../../services/config/config.ts';
import { createLogger } from '../../services/logger.ts';
import { startRuntime } from '../../services/runtime.ts';
import { CHROMIUM_ARGS, walkDashboard } from './dashboard-scenario.ts';

const CHROMIUM = '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const REVIEWER_SECRET = 'dashboard-test-reviewer';

const goldSchema = z.object({ documents: z.array(z.object({ org: z.string(), planYear: z.number().int().nullable() })) });

t.test('the dashboard shows the ledger and follows it live', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.fail(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium fonts-noto-cjk\` (CI installs .ci/apt-packages)`);
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plan-ledger-dashboard-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const parsed = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    API_TOKENS: `dashboard-test:${sha256Hex(REVIEWER_SECRET)}:reviewer`,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const runtime = await startRuntime(parsed.config, createLogger('silent'));
  t.teardown(() => runtime.stop());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  t.teardown(() => browser.close());

  const gold = goldSchema.parse(JSON.parse(await readFile(path.join(root, 'test/fixtures/gold/seeds.gold.json'), 'utf8')));
  const seededPlans = gold.documents.flatMap((document) => (document.planYear === null ? [] : [{ organisation: document.org, year: document.planYear }]));
  t.ok(seededPlans.length > 0, 'the seeds hold plans to show');
  const pairs = path.join(root, 'test/fixtures/gold/pairs');
  await walkDashboard(t, browser, {
    baseUrl: runtime.url,
    reviewerSecret: REVIEWER_SECRET,
    seededPlans,
    // Beijing's 2025 report holds the 2025 plan; its 2026 report reviews 2025, so the plan gains evidence.
    newReports: [await readFile(path.join(pairs, 'beijing_gov_2025_report.txt'), 'utf8'), await readFile(path.join(pairs, 'beijing_gov_2026_report.txt'), 'utf8')],
    screenshotDir: path.join(here, 'screenshots'),
    ...(process.env.UPDATE_SCREENSHOTS === '1' ? { docsScreenshotDir: path.join(root, 'docs/screenshots') } : {}),
  });
});
