import t from 'tap';
import type { RecordOutcome } from '../../../domain/commands/record-outcome.ts';
import type { RecordReport } from '../../../domain/commands/record-report.ts';
import { outcomeDecider, outcomeFactsOf } from '../../../domain/deciders/outcome-decider.ts';
import { reportDecider } from '../../../domain/deciders/report-decider.ts';
import { outcomeIdFor, sha256Hex } from '../../../domain/ids.ts';
import { errorCodeOf, eventsOf, givenWhen, stateAfter } from './given-when-then.ts';

const text = '一、2021年工作总结\n全年发放低保金904.1082万元。\n二、2022年工作思路\n一是在全区56个社区建立社会工作点。';
const recordReport: RecordReport = {
  type: 'RecordReport',
  sha256: sha256Hex(text),
  text,
  source: 'https://example.gov.cn/report.html',
  organisation: { name: '深圳市龙华区民政局', evidence: '龙华区民政局' },
  publishedAt: '2022-12-02T00:00:00.000+08:00',
  title: null,
  summary: { year: 2021, heading: '一、2021年工作总结', headingSpan: [0, 11], span: [0, 29], outcomeCount: 1 },
  plan: { year: 2022, heading: '二、2022年工作思路', headingSpan: [30, 41], span: [30, 60], commitmentCount: 1 },
  readerVersion: 'reader-1',
};

t.test('report stream', async (t) => {
  t.test('given nothing, when a report is recorded, then ReportIngested with the SHA-256 as its id', async (t) => {
    const { type: _type, ...data } = recordReport;
    t.same(eventsOf(givenWhen(reportDecider, [], recordReport)), [{ type: 'ReportIngested', data: { reportId: recordReport.sha256, ...data } }]);
  });
  t.test('given it is ingested, when recorded again, then nothing happens', async (t) => {
    const given = eventsOf(givenWhen(reportDecider, [], recordReport));
    t.same(eventsOf(givenWhen(reportDecider, given, recordReport)), []);
  });
  t.test('when the SHA-256 is not the text’s, then sha256_mismatch', async (t) => {
    t.equal(errorCodeOf(givenWhen(reportDecider, [], { ...recordReport, text: `${text}!` })), 'sha256_mismatch');
  });
});

t.test('outcome stream', async (t) => {
  const recordOutcome: RecordOutcome = {
    type: 'RecordOutcome',
    reportId: recordReport.sha256,
    organisation: '深圳市龙华区民政局',
    summaryYear: 2021,
    area: null,
    text: '全年发放低保金904.1082万元。',
    span: [12, 29],
    quantities: [],
    cue: 'done',
    aboutSummaryYear: true,
  };
  t.test('given nothing, when an outcome is recorded, then OutcomeRecorded with an id of report + span', async (t) => {
    const events = eventsOf(givenWhen(outcomeDecider, [], recordOutcome));
    t.equal(events.length, 1);
    t.equal(events[0]?.data.outcomeId, outcomeIdFor(recordReport.sha256, [12, 29]));
    t.same(outcomeFactsOf(stateAfter(outcomeDecider, events)), {
      outcomeId: outcomeIdFor(recordReport.sha256, [12, 29]),
      organisation: '深圳市龙华区民政局',
      summaryYear: 2021,
    });
  });
  t.test('given it is recorded, when recorded again, then nothing happens', async (t) => {
    const given = eventsOf(givenWhen(outcomeDecider, [], recordOutcome));
    t.same(eventsOf(givenWhen(outcomeDecider, given, recordOutcome)), []);
  });
  t.test('an unrecorded outcome has no facts to link against', async (t) => {
    t.equal(outcomeFactsOf(outcomeDecider.initialState), null);
  });
});
