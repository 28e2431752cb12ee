import t from 'tap';
import type { GoldPair } from '../../eval/gold-schema.ts';
import { locateGoldTargets, mainParagraphSpan, scorePairTargets } from '../../eval/score-pair-targets.ts';
import { ratio } from '../../eval/tally.ts';
import { commitment, plan, report, target } from './hand-made.ts';

const planSource = [
  '二、2024年工作总体要求',
  '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，居民收入增长和经济增长同步。',
  '赤字率拟按3%安排，赤字规模4.06万亿元。',
].join('\n');

const offsetOf = (phrase: string): number => planSource.indexOf(phrase);
const spanOf = (phrase: string): [number, number] => [offsetOf(phrase), offsetOf(phrase) + phrase.length];

function label(id: string, planText: string, min: number | null, unit: string | null, comparator: GoldPair['targets'][number]['comparator']): GoldPair['targets'][number] {
  return { id, planText, planCharOffset: offsetOf(planText), source: 'targets_paragraph', metric: planText, min, max: min, unit, comparator, direction: 'higher_better', status: 'achieved' };
}

const gold: GoldPair = {
  org: '国务院',
  planYear: 2024,
  planFile: 'plan.txt',
  summaryFile: 'summary.txt',
  planHeading: '二、2024年工作总体要求',
  summaryHeading: '一、2024年工作回顾',
  targetParagraphCharOffset: offsetOf('今年发展'),
  fiscalParagraphCharOffset: offsetOf('赤字率'),
  targets: [
    label('t1', '国内生产总值增长5%左右', 5, '%', 'about'),
    label('t2', '城镇新增就业1200万人以上', 1200, '万人', 'at_least'),
    label('t3', '居民收入增长和经济增长同步', null, null, 'qualitative'),
    label('t4', '赤字率拟按3%安排', 3, '%', 'at_most'),
    label('t5', '赤字规模4.06万亿元', 4.06, '万亿元', 'at_most'),
  ],
};

const mainCommitment = (targets: ReturnType<typeof target>[]) => commitment('今年发展主要预期目标是：…', targets, null, spanOf(planSource.split('\n')[1]!));
const fiscalCommitment = (targets: ReturnType<typeof target>[]) => commitment('赤字率拟按3%安排…', targets, null, spanOf(planSource.split('\n')[2]!));

const allRight = [
  target(5, 5, '%', { span: spanOf('5%左右'), comparator: 'about' }),
  target(1200, 1200, '万人', { span: spanOf('1200万人以上'), comparator: 'at_least' }),
];
const fiscalRight = [
  target(3, 3, '%', { span: spanOf('3%安排'), comparator: 'at_most' }),
  target(4.06, 4.06, '万亿元', { span: spanOf('4.06万亿元'), comparator: 'at_most' }),
];

t.test('labels are located where the gold puts them, qualitative ones are left out', async (t) => {
  const located = locateGoldTargets(gold, planSource);
  t.same(located.map((item) => item.gold.id), ['t1', 't2', 't4', 't5']);
  t.equal(planSource.slice(...located[0]!.span), '国内生产总值增长5%左右');
  t.equal(planSource.slice(...mainParagraphSpan(gold, planSource)), planSource.split('\n')[1]);
});

t.test('given every labelled target read at its place, then recall and main-paragraph precision are 1', async (t) => {
  const score = scorePairTargets(gold, planSource, { ok: true, report: report({ plan: plan([mainCommitment(allRight), fiscalCommitment(fiscalRight)], 2024) }) });
  t.equal(ratio(score.recall), 1);
  t.same(score.mainParagraphPrecision, { hits: 2, total: 2 });
  t.equal(score.qualitativeLabels, 1);
  t.same(score.mainParagraphCommitments, ['今年发展主要预期目标是：…']);
});

t.test('given a target with the wrong comparator, then it is missed and, inside the main paragraph, a false alarm', async (t) => {
  const wrong = [allRight[0]!, target(1200, 1200, '万人', { span: spanOf('1200万人以上'), comparator: 'about' })];
  const score = scorePairTargets(gold, planSource, { ok: true, report: report({ plan: plan([mainCommitment(wrong), fiscalCommitment(fiscalRight)], 2024) }) });
  t.same(score.recall, { hits: 3, total: 4 });
  t.same(score.mainParagraphPrecision, { hits: 1, total: 2 });
  t.equal(score.checks[1]?.nearMisses.length, 1);
});

t.test('given the right figure read at another place, then it does not count for the label', async (t) => {
  const elsewhere = [target(5, 5, '%', { span: spanOf('3%安排'), comparator: 'about' }), allRight[1]!];
  const score = scorePairTargets(gold, planSource, { ok: true, report: report({ plan: plan([mainCommitment(elsewhere)], 2024) }) });
  t.same(score.recall, { hits: 1, total: 4 });
  t.same(score.checks[0]?.nearMisses, []);
});

t.test('given an unlabelled figure read outside the main paragraph, then precision is not affected; inside, it is', async (t) => {
  const outside = target(1, 1, '个', { span: [0, 2] });
  const inside = target(2024, 2024, '年', { span: spanOf('今年') });
  const score = scorePairTargets(gold, planSource, { ok: true, report: report({ plan: plan([mainCommitment([...allRight, inside]), fiscalCommitment([...fiscalRight, outside])], 2024) }) });
  t.same(score.recall, { hits: 4, total: 4 });
  t.same(score.mainParagraphPrecision, { hits: 2, total: 3 });
  t.same(score.mainParagraphFalseAlarms.map((item) => item.unit), ['年']);
});

t.test('given a failed read, then recall is 0 and precision has nothing to count', async (t) => {
  const score = scorePairTargets(gold, planSource, { ok: false, error: { reason: 'no_parts_found', message: 'none' } });
  t.same(score.recall, { hits: 0, total: 4 });
  t.equal(ratio(score.mainParagraphPrecision), null);
});
