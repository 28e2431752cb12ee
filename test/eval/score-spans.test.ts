import t from 'tap';
import { scoreSpans } from '../../eval/score-spans.ts';
import { commitment, plan, quantity, report, summary, target } from './hand-made.ts';

const source = '二、2022年工作思路\n一是在全区56个社区建立社会工作点。';
const task = '在全区56个社区建立社会工作点。';
const taskStart = source.indexOf(task);
const figureStart = source.indexOf('56个');

t.test('given every quoted text at its span, then all are exact', async (t) => {
  const read = report({
    plan: plan([commitment(task, [target(56, 56, '个', { text: '56个', span: [figureStart, figureStart + 3] })], null, [taskStart, taskStart + task.length])]),
  });
  t.same(scoreSpans({ ok: true, report: read }, source), { exact: { hits: 3, total: 3 }, mismatches: [] });
});

t.test('given a span off by one, then that quotation is a mismatch showing what the span holds', async (t) => {
  const read = report({
    summary: summary([quantity('56个', [figureStart + 1, figureStart + 4], 56, '个')], 2021, null),
    plan: plan([commitment(task, [], null, [taskStart, taskStart + task.length])]),
  });
  const score = scoreSpans({ ok: true, report: read }, source);
  t.same(score.exact, { hits: 2, total: 4 });
  t.same(score.mismatches.map((item) => [item.kind, item.atSpan]), [['outcome', source.slice(0, 1000)], ['quantity', '6个社']]);
});

t.test('given a failed read, then there is nothing to check', async (t) => {
  t.same(scoreSpans({ ok: false, error: { reason: 'empty_text', message: '' } }, source).exact, { hits: 0, total: 0 });
});
