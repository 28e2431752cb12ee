/**
 * Whether more of a metric is better or its target is a ceiling. Ceilings: unemployment, consumer prices, deficits,
 * energy and water use per unit of output, emissions, the government's own spending, accident and death rates.
 * A figure that measures a reduction (`能耗降低2.5%`, `排放量下降3%`) is a floor again: the bigger the cut, the better.
 */
import type { Direction } from '../parsed-report.ts';

const REDUCTION = /降低|下降|减少|降幅|压减|压降|削减|缩减|减排|减少|节约|节能|降(?!到|至|为)/;
/** The verbs that set a level rather than a cut: `失业率降到5.5%` keeps the ceiling reading. */
const LEVEL_VERBS = /(?:降到|降至|下降到|降低到|下降至|降低至|控制在|控制到)$/;
const CEILING_METRICS =
  /失业率|消费价格|物价|价格涨幅|价格指数|CPI|通胀|通货膨胀|赤字|能耗|水耗|碳排放|排放|污染物|本级支出|一般性支出|三公经费|死亡率|死亡人数|发生率|事故|负债率|债务率|杠杆率|不良贷款|用水量|浓度|辍学率|犯罪率|发案|空置率|逾期|投诉|超标|差错率|误报率|文盲率|返贫/;

export function metricDirection(object: string): Direction {
  const metric = object.replace(LEVEL_VERBS, '');
  if (REDUCTION.test(metric)) return 'higher_better';
  return CEILING_METRICS.test(metric) ? 'lower_better' : 'higher_better';
}
