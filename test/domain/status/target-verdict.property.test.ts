import fc from 'fast-check';
import t from 'tap';
import { judgeTargetFigure } from '../../../domain/status/target-verdict.ts';
import { quantity, target } from './status-fixtures.ts';

const RANK = { not_achieved: 0, partially_achieved: 1, achieved: 2 } as const;
const rank = (status: string): number => RANK[status as keyof typeof RANK] ?? -1;

const comparators = fc.constantFrom('at_least', 'at_most', 'about', 'range') as fc.Arbitrary<'at_least' | 'at_most' | 'about' | 'range'>;
const units = fc.constantFrom('%', '万人', '个', '亿元');
const goal = fc
  .record({ min: fc.double({ min: 0.1, max: 1e4, noNaN: true }), spread: fc.double({ min: 0, max: 10, noNaN: true }), comparator: comparators, unit: units })
  .map(({ min, spread, comparator, unit }) => ({ min, max: comparator === 'range' ? min + spread : min, comparator, unit }));

t.test('property: for a higher-is-better floor, a larger reported figure never gives a worse verdict', async (t) => {
  fc.assert(
    fc.property(goal, fc.double({ min: 0, max: 2e4, noNaN: true }), fc.double({ min: 0, max: 2e4, noNaN: true }), (written, a, b) => {
      if (written.comparator === 'at_most') return true;
      const floor = target({ text: 'x', ...written, direction: 'higher_better' });
      const [low, high] = a <= b ? [a, b] : [b, a];
      const figure = (value: number) => judgeTargetFigure(floor, quantity({ text: 'y', value: value * (written.unit === '万人' ? 1e4 : written.unit === '亿元' ? 1e8 : 1), unit: written.unit === '万人' ? '人' : written.unit === '亿元' ? '元' : written.unit }));
      return rank(figure(low).status) <= rank(figure(high).status);
    }),
  );
  t.pass('held');
});

t.test('property: for a lower-is-better ceiling, a smaller reported figure never gives a worse verdict, and misses are not_achieved', async (t) => {
  fc.assert(
    fc.property(goal, fc.double({ min: 0, max: 2e4, noNaN: true }), fc.double({ min: 0, max: 2e4, noNaN: true }), (written, a, b) => {
      const ceiling = target({ text: 'x', ...written, unit: '%', direction: 'lower_better' });
      const [low, high] = a <= b ? [a, b] : [b, a];
      const judge = (value: number) => judgeTargetFigure(ceiling, quantity({ text: 'y', value, unit: '%' })).status;
      return rank(judge(low)) >= rank(judge(high)) && judge(high) !== 'partially_achieved';
    }),
  );
  t.pass('held');
});
