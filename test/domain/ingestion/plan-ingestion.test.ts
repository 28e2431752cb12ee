import t from 'tap';
import { commitmentIdOf } from '../../../domain/commands/record-commitment.ts';
import { sha256Hex } from '../../../domain/ids.ts';
import { checkOrganisationHint } from '../../../domain/ingestion/organisation-hint.ts';
import { planIngestion } from '../../../domain/ingestion/plan-ingestion.ts';
import type { ParsedReport } from '../../../domain/reader/parsed-report.ts';

const text = '一、2021年工作总结\n全年发放低保金904.1082万元。\n二、2022年工作思路\n一是在全区56个社区建立社会工作点。';
const parsed: ParsedReport = {
  organisation: { name: '深圳市龙华区民政局', evidence: '来源: 龙华区民政局' },
  publishedAt: '2022-12-02T00:00:00.000+08:00',
  title: '龙华区民政局2021年工作总结和2022年工作思路',
  summary: {
    year: 2021,
    heading: '一、2021年工作总结',
    headingSpan: [0, 11],
    span: [0, 29],
    outcomes: [{ text: '全年发放低保金904.1082万元。', span: [12, 29], area: null, quantities: [], cue: 'done', aboutSummaryYear: true }],
  },
  plan: {
    year: 2022,
    heading: '二、2022年工作思路',
    headingSpan: [30, 41],
    span: [30, 60],
    commitments: [{ area: null, marker: '一是', text: '在全区56个社区建立社会工作点。', span: [44, 60], targets: [] }],
  },
};

t.test('given a parsed report, then one command per commitment and outcome, and the report with counts', async (t) => {
  const sha256 = sha256Hex(text);
  const plan = planIngestion({ text, sha256, parsed, sourceUri: null, readerVersion: 'reader-x' });
  t.equal(plan.reportId, sha256);
  t.same(plan.commitments.map((command) => [command.type, command.organisation, command.planYear, command.span]), [
    ['RecordCommitment', '深圳市龙华区民政局', 2022, [44, 60]],
  ]);
  t.same(plan.outcomes.map((command) => [command.type, command.organisation, command.summaryYear, command.span]), [
    ['RecordOutcome', '深圳市龙华区民政局', 2021, [12, 29]],
  ]);
  t.same(plan.report.plan, { year: 2022, heading: '二、2022年工作思路', headingSpan: [30, 41], span: [30, 60], commitmentCount: 1 });
  t.same(plan.report.summary?.outcomeCount, 1);
  t.equal(plan.report.readerVersion, 'reader-x');
  t.equal(plan.report.text, text, 'the text travels with the report so the log alone can replay');
});

t.test('given a summary-only report, then no commitments and a null plan', async (t) => {
  const plan = planIngestion({ text, sha256: sha256Hex(text), parsed: { ...parsed, plan: null }, sourceUri: 'u', readerVersion: 'r' });
  t.same(plan.commitments, []);
  t.equal(plan.report.plan, null);
  t.equal(plan.report.source, 'u');
});

t.test('commitment ids do not depend on the document: the same task in another scrape is the same commitment', async (t) => {
  const [first] = planIngestion({ text, sha256: sha256Hex(text), parsed, sourceUri: null, readerVersion: 'r' }).commitments;
  const [second] = planIngestion({ text: `${text} `, sha256: sha256Hex(`${text} `), parsed, sourceUri: null, readerVersion: 'r' }).commitments;
  t.equal(commitmentIdOf(first!), commitmentIdOf(second!));
});

t.test('an organisation hint agrees when equal or a suffix either way, and is reported otherwise', async (t) => {
  const found = { name: '深圳市龙华区民政局', evidence: '龙华区民政局' };
  for (const hint of [null, '深圳市龙华区民政局', '龙华区民政局', '区民政局', ' 深圳市龙华区民政局 ']) {
    t.same(checkOrganisationHint(found, hint), { ok: true }, String(hint));
  }
  t.same(checkOrganisationHint({ name: '国务院', evidence: '国务院' }, '中华人民共和国国务院'), { ok: true });
  for (const hint of ['深圳市罗湖区民政局', '龙华区', '民政']) {
    const check = checkOrganisationHint(found, hint);
    t.equal(check.ok, false, hint);
    t.match(check.ok ? '' : check.message, `'${hint}' contradicts the document, which names '深圳市龙华区民政局'`);
  }
});
