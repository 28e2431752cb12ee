import t from 'tap';
import { locateGoldQuantity, scoreQuantities } from '../../eval/score-quantities.ts';
import { ratio } from '../../eval/tally.ts';
import { goldQuantity, quantity, summary } from './hand-made.ts';

const source = '居委会成员684名,占39%;困难家庭和学生近7000人次;党委书记100%“一肩挑”,覆盖率100%。';
const at = (phrase: string, from = 0): [number, number] => {
  const start = source.indexOf(phrase, from);
  return [start, start + phrase.length];
};

const gold = [
  goldQuantity('684名', 684, '名'),
  goldQuantity('近7000人次', 7000, '人次', '近', '困难家庭和学生近7000人次'),
  goldQuantity('100%', 100, '%', null, '覆盖率100%'),
];

t.test('given every quantity read exactly, then found and exact are 1', async (t) => {
  const read = summary([
    quantity('684名', at('684名'), 684, '名'),
    quantity('近7000人次', at('近7000人次'), 7000, '人次', '近'),
    quantity('100%', at('覆盖率100%'), 100, '%'),
  ]);
  const score = scoreQuantities(gold, read, source);
  t.equal(ratio(score.found), 1);
  t.equal(ratio(score.exact), 1);
});

t.test('given a wrong value, unit or qualifier, then the quantity is found but not exact, with the difference named', async (t) => {
  const read = summary([
    quantity('684名', at('684名'), 684, '名'),
    quantity('近7000人次', at('近7000人次'), 7000, '人次', null),
    quantity('100%', at('覆盖率100%'), 1, '%'),
  ]);
  const score = scoreQuantities(gold, read, source);
  t.same(score.found, { hits: 3, total: 3 });
  t.same(score.exact, { hits: 1, total: 3 });
  t.same(score.checks[1]?.differences, ['qualifier 近 ≠ none']);
  t.same(score.checks[2]?.differences, ['value 100 ≠ 1']);
});

t.test('given a quantity read with other text at the right place, then it is found by its span', async (t) => {
  const read = summary([quantity('7000人次', [at('近7000人次')[0] + 1, at('近7000人次')[1]], 7000, '人次', '近')]);
  const score = scoreQuantities([gold[1]!], read, source);
  t.same(score.exact, { hits: 1, total: 1 });
});

t.test('given a phrase that occurs twice, then the occurrence the gold context names is the one judged', async (t) => {
  const first = quantity('100%', at('100%'), 100, '%');
  const secondStart = source.indexOf('覆盖率100%') + '覆盖率'.length;
  const second = quantity('100%', [secondStart, secondStart + '100%'.length], 100, '%');
  const score = scoreQuantities([gold[2]!], summary([first, second]), source);
  t.same(score.checks[0]?.predicted?.span, second.span);
  t.equal(score.checks[0]?.goldOffset, source.indexOf('覆盖率100%') + 3);
});

t.test('given a missing quantity, then it is neither found nor exact', async (t) => {
  const score = scoreQuantities(gold, summary([quantity('684名', at('684名'), 684, '名')]), source);
  t.same(score.found, { hits: 1, total: 3 });
  t.same(score.exact, { hits: 1, total: 3 });
  t.same(score.checks[1]?.differences, ['not found']);
  t.same(scoreQuantities(gold, null, source).found, { hits: 0, total: 3 });
});

t.test('floating-point noise of a normalised value is not a difference', async (t) => {
  const text = '发放低保金904.1082万元';
  const read = summary([quantity('904.1082万元', [5, 15], 904.1082 * 10000, '元')]);
  t.same(scoreQuantities([goldQuantity('904.1082万元', 9041082, '元')], read, text).exact, { hits: 1, total: 1 });
});

t.test('an annotator note after the context does not stop the gold phrase being located', async (t) => {
  const text = '开展培训,组织千名基层社区工作人员培训';
  t.equal(locateGoldQuantity(text, goldQuantity('千名', 1000, '名', null, '组织千名基层社区工作人员培训 (Chinese numeral)')), text.indexOf('千名'));
  t.equal(locateGoldQuantity(text, goldQuantity('万名', 1000, '名')), null);
});
