/**
 * Builds the API over an in-memory store with live read models and a running projector, one token per role,
 * and a small ledger recorded through the real command path (two reports of one organisation: the 2022 plan
 * with two commitments, and the 2022 summary with one outcome the matcher linked to the first commitment).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { LedgerCommand } from '../../../domain/commands/ledger-command.ts';
import { commitmentIdOf } from '../../../domain/commands/record-commitment.ts';
import { outcomeIdOf } from '../../../domain/commands/record-outcome.ts';
import { evidenceLinkIdFor, sha256Hex } from '../../../domain/ids.ts';
import type { Span } from '../../../domain/reader/parsed-report.ts';
import { buildApp, defaultApiSettings, type ApiSettings, type AppDependencies } from '../../../services/api/build-app.ts';
import { executeLedgerCommand } from '../../../services/commands/execute-ledger-command.ts';
import { createLogger } from '../../../services/logger.ts';
import { startProjector, type Projector } from '../../../services/projector/start-projector.ts';
import { openReadModelDb, type ReadModelDb } from '../../../services/read-models/schema.ts';
import type { EventStore } from '../../../services/store/event-store.ts';
import { createMemoryStore } from '../../../services/store/memory-store.ts';

export const secrets = {
  reader: 'reader-secret',
  reviewer: 'reviewer-secret',
  auditor: 'auditor-secret',
  admin: 'admin-secret',
} as const;

export const bearer = (role: keyof typeof secrets): { authorization: string } => ({ authorization: `Bearer ${secrets[role]}` });

export const testTokens = (Object.keys(secrets) as (keyof typeof secrets)[]).map((role) => ({
  name: `${role}-token`,
  sha256: sha256Hex(secrets[role]),
  roles: [role],
}));

export const ORGANISATION = '深圳市测试区民政局';
export const PLAN_TEXT = `${ORGANISATION}2021年工作总结和2022年工作思路\n二、2022年工作思路\n(一)社区建设\n一是在全区建设8个社区服务站。\n二是持续推进养老服务体系建设。\n`;
export const SUMMARY_TEXT = `${ORGANISATION}2022年工作总结\n一、2022年工作总结\n(一)社区建设\n一是建成社区服务站10个,覆盖全区。\n`;

function spanOf(text: string, fragment: string): Span {
  const start = text.indexOf(fragment);
  if (start === -1) throw new Error(`fixture text lacks ${fragment}`);
  return [start, start + fragment.length];
}

const commitmentTexts = ['在全区建设8个社区服务站。', '持续推进养老服务体系建设。'] as const;
const outcomeText = '建成社区服务站10个,覆盖全区。';

export const ledgerIds = {
  planReport: sha256Hex(PLAN_TEXT),
  summaryReport: sha256Hex(SUMMARY_TEXT),
  commitments: commitmentTexts.map((text) => commitmentIdOf({ organisation: ORGANISATION, planYear: 2022, text })) as [string, string],
  outcome: outcomeIdOf({ reportId: sha256Hex(SUMMARY_TEXT), span: spanOf(SUMMARY_TEXT, outcomeText) }),
};
export const matcherLinkId = evidenceLinkIdFor({ commitmentId: ledgerIds.commitments[0], outcomeId: ledgerIds.outcome, targetId: null });

function ledgerCommands(): LedgerCommand[] {
  const [first, second] = commitmentTexts;
  const targetSpan = spanOf(PLAN_TEXT, '8个');
  return [
    {
      type: 'RecordCommitment',
      reportId: ledgerIds.planReport,
      organisation: ORGANISATION,
      planYear: 2022,
      area: '(一)社区建设',
      marker: '一是',
      text: first,
      span: spanOf(PLAN_TEXT, first),
      targets: [
        { text: '8个', span: targetSpan, min: 8, max: 8, unit: '个', comparator: 'at_least', direction: 'higher_better', object: '社区服务站', multiYear: false },
      ],
    },
    {
      type: 'RecordCommitment',
      reportId: ledgerIds.planReport,
      organisation: ORGANISATION,
      planYear: 2022,
      area: '(一)社区建设',
      marker: '二是',
      text: second,
      span: spanOf(PLAN_TEXT, second),
      targets: [],
    },
    {
      type: 'RecordReport',
      sha256: ledgerIds.planReport,
      text: PLAN_TEXT,
      source: null,
      organisation: { name: ORGANISATION, evidence: ORGANISATION },
      publishedAt: '2021-12-20T10:00:00+08:00',
      title: `${ORGANISATION}2021年工作总结和2022年工作思路`,
      summary: null,
      plan: { year: 2022, heading: '二、2022年工作思路', headingSpan: spanOf(PLAN_TEXT, '二、2022年工作思路'), span: [spanOf(PLAN_TEXT, '二、')[0], PLAN_TEXT.length], commitmentCount: 2 },
      readerVersion: 'fixture',
    },
    {
      type: 'RecordOutcome',
      reportId: ledgerIds.summaryReport,
      organisation: ORGANISATION,
      summaryYear: 2022,
      area: '(一)社区建设',
      text: outcomeText,
      span: spanOf(SUMMARY_TEXT, outcomeText),
      quantities: [
        { text: '10个', span: spanOf(SUMMARY_TEXT, '10个'), value: 10, unit: '个', qualifier: null, object: '社区服务站', multiYear: false },
      ],
      cue: 'done',
      aboutSummaryYear: true,
    },
    {
      type: 'RecordReport',
      sha256: ledgerIds.summaryReport,
      text: SUMMARY_TEXT,
      source: null,
      organisation: { name: ORGANISATION, evidence: ORGANISATION },
      publishedAt: '2022-12-20T10:00:00+08:00',
      title: `${ORGANISATION}2022年工作总结`,
      summary: { year: 2022, heading: '一、2022年工作总结', headingSpan: spanOf(SUMMARY_TEXT, '一、2022年工作总结'), span: [spanOf(SUMMARY_TEXT, '一、')[0], SUMMARY_TEXT.length], outcomeCount: 1 },
      plan: null,
      readerVersion: 'fixture',
    },
    {
      type: 'ProposeEvidenceLink',
      commitmentId: ledgerIds.commitments[0],
      outcomeId: ledgerIds.outcome,
      targetId: null,
      score: 0.8,
      method: { name: 'fixture-matcher', version: '1' },
      matchedTerms: ['社区服务站'],
    },
  ];
}

export async function recordLedger(store: EventStore): Promise<void> {
  for (const command of ledgerCommands()) {
    const result = await executeLedgerCommand(store, command, {
      actor: { kind: 'system', id: 'fixture', version: null },
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2026-01-01T00:00:00.000Z',
      source: null,
    });
    if (!result.ok) throw new Error(`fixture command ${command.type} refused: ${result.error.message}`);
  }
}

export interface TestApp {
  app: FastifyInstance;
  store: EventStore;
  db: ReadModelDb;
  projector: Projector;
}

export async function buildTestApp(
  overrides: Partial<ApiSettings> = {},
  deps: Partial<AppDependencies> & { withLedger?: boolean } = {},
): Promise<TestApp> {
  const { withLedger = true, ...rest } = deps;
  const store = rest.store ?? createMemoryStore();
  const logger = createLogger('silent');
  const db = openReadModelDb(':memory:');
  const projector = startProjector({ store, db, logger });
  if (withLedger) {
    await recordLedger(store);
    await projector.caughtUp();
  }
  const app = await buildApp({
    store,
    logger,
    readModels: db,
    projector,
    ...rest,
    api: { ...defaultApiSettings, tokens: testTokens, anonymousReads: false, ...overrides },
  });
  app.addHook('onClose', async () => {
    await projector.stop();
    await store.close();
    db.close();
  });
  return { app, store, db, projector };
}
