import t from 'tap';
import { predictedMetadata, scoreMetadata } from '../../eval/score-metadata.ts';
import { plan, report, summary } from './hand-made.ts';

const fullGold = {
  organisation: '深圳市龙华区民政局',
  publishedAt: '2022-12-02',
  summaryYear: 2021,
  planYear: 2022,
  summaryHeading: '一、2021年工作总结',
  planHeading: '二、2022年工作思路',
};

t.test('given the right metadata, then all six fields are exact; the date is compared by its date part', async (t) => {
  const predicted = predictedMetadata({ ok: true, report: report({ summary: summary([]), plan: plan([]) }) });
  t.equal(predicted.publishedAt, '2022-12-02');
  t.same(scoreMetadata(fullGold, predicted).exact, { hits: 6, total: 6 });
});

t.test('given a gold null, then only a predicted null is exact', async (t) => {
  const predicted = predictedMetadata({ ok: true, report: report({ summary: summary([]), plan: plan([]) }) });
  const score = scoreMetadata({ ...fullGold, planYear: null, planHeading: null }, predicted);
  t.same(score.exact, { hits: 4, total: 6 });
  t.same(
    score.checks.filter((check) => !check.exact).map((check) => check.field),
    ['planYear', 'planHeading'],
  );
});

t.test('given a heading with surrounding ideographic spaces, then it is compared trimmed', async (t) => {
  const predicted = predictedMetadata({ ok: true, report: report({ plan: plan([], 2025, '二、2025年工作总体要求和重点任务') }) });
  t.same(scoreMetadata({ planHeading: '\u3000\u3000二、2025年工作总体要求和重点任务' }, predicted).exact, { hits: 1, total: 1 });
});

t.test('given fields the gold does not label, then they are not scored', async (t) => {
  const predicted = predictedMetadata({ ok: true, report: report() });
  const score = scoreMetadata({ organisation: '深圳市龙华区民政局' }, predicted);
  t.same(score.exact, { hits: 1, total: 1 });
});

t.test('given a read failure, then every field reads as null', async (t) => {
  const predicted = predictedMetadata({ ok: false, error: { reason: 'no_parts_found', message: 'none' } });
  const score = scoreMetadata({ ...fullGold, publishedAt: null, planYear: null }, predicted);
  t.same(score.exact, { hits: 2, total: 6 });
});
