import fc from 'fast-check';
import t from 'tap';
import { clauseBefore, metricWordsOf } from '../../../domain/matching/metric-context.ts';
import { sharedWords, termsOf } from '../../../domain/matching/text-terms.ts';

/** The metric words of the figure `figure` inside `text` (held at offset 0). */
function wordsFor(text: string, figure: string): string {
  const at = text.indexOf(figure);
  return metricWordsOf({ text: figure, span: [at, at + figure.length], object: null }, { text, span: [0, text.length] });
}

t.test('the metric of a figure is the clause before it', async (t) => {
  t.equal(wordsFor('全年国内生产总值增长3%，城镇新增就业1206万人', '1206万人'), '城镇新增就业');
  t.equal(wordsFor('年末城镇调查失业率降到5.5%', '5.5%'), '年末城镇调查失业率降到');
});

t.test('an enumeration comma ends a clause only right after a figure', async (t) => {
  t.equal(wordsFor('建设筹集保障性租赁住房5万套、竣工各类保障房8万套', '8万套'), '竣工各类保障房');
  t.equal(wordsFor('全年基础设施、制造业投资分别增长9.4%', '9.4%'), '全年基础设施、制造业投资分别增长');
});

t.test('a clause that is only a change verb takes its subject from the clause before', async (t) => {
  t.equal(wordsFor('国内生产总值超过126万亿元，增长5.2%', '5.2%'), '国内生产总值超过增长');
  t.equal(wordsFor('全市地区生产总值5.2万亿元、增长5.4%', '5.4%'), '全市地区生产总值增长');
  t.equal(wordsFor('经济总量再上新台阶，比上年增长5.2%', '5.2%'), '经济总量再上新台阶比上年增长');
  t.equal(wordsFor('经济运行平稳。增长5.2%', '5.2%'), '增长', 'a sentence end is not crossed');
});

t.test('a figure that opens its clause is named by the words after it', async (t) => {
  t.equal(wordsFor('1206万人城镇新增就业', '1206万人'), '城镇新增就业');
});

t.test('terms: bigrams of Han runs, without figures and framing words', async (t) => {
  t.same([...termsOf('城镇调查失业率全年控制在5.5%以内')], ['城镇', '镇调', '调查', '查失', '失业', '业率']);
  t.same(sharedWords('单位国内生产总值能耗降低', termsOf('国内生产总值增长')), ['国内生产总值']);
});

t.test('synonymous names of headline metrics are spelled one way', async (t) => {
  t.same([...termsOf('全年经济增长')], [...termsOf('生产总值增长')]);
  t.same([...termsOf('CPI上涨')], [...termsOf('居民消费价格上涨')]);
  t.same([...termsOf('物价涨幅')], [...termsOf('居民消费价格涨幅')]);
});

t.test('property: any text gives a clause that ends at the index and never throws', async (t) => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.nat(), (text, seed) => {
      const index = text.length === 0 ? 0 : seed % (text.length + 1);
      const clause = clauseBefore(text, index);
      termsOf(text);
      return text.slice(0, index).endsWith(clause);
    }),
  );
  t.pass('held for every generated text');
});
