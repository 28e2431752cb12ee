import t from 'tap';
import { classifyPartHeading } from '../../../domain/reader/part-headings.ts';

t.test('summary headings', async (t) => {
  t.same(classifyPartHeading('一、2021年工作总结'), { kind: 'summary', year: 2021, relative: null });
  t.same(classifyPartHeading('一、2017年工作推进落实情况'), { kind: 'summary', year: 2017, relative: null });
  t.same(classifyPartHeading('一、2024年工作回顾'), { kind: 'summary', year: 2024, relative: null });
  t.same(classifyPartHeading('一、过去一年工作回顾'), { kind: 'summary', year: null, relative: 'last' });
  t.same(classifyPartHeading('一、过去一年和五年工作回顾'), { kind: 'summary', year: null, relative: 'last' }, 'a five-year review that includes the last year');
});

t.test('plan headings', async (t) => {
  t.same(classifyPartHeading('二、2018年工作思路'), { kind: 'plan', year: 2018, relative: null });
  t.same(classifyPartHeading('二、下一步工作思路'), { kind: 'plan', year: null, relative: 'next' });
  t.same(classifyPartHeading('2016年重点工作安排'), { kind: 'plan', year: 2016, relative: null }, 'without an enumerator');
  t.same(classifyPartHeading('二、2025年经济社会发展总体要求和政策取向'), { kind: 'plan', year: 2025, relative: null });
  t.same(classifyPartHeading('三、2025年政府工作任务'), { kind: 'plan', year: 2025, relative: null });
  t.same(classifyPartHeading('二、对今年政府工作的建议'), { kind: 'plan', year: null, relative: 'this' });
  t.same(classifyPartHeading('三、2026年重点工作'), { kind: 'plan', year: 2026, relative: null });
});

t.test('five-year sections belong to neither year', async (t) => {
  t.same(classifyPartHeading('二、“十四五”时期发展成就和“十五五”时期主要目标任务'), { kind: 'multi_year', year: null, relative: null });
});

t.test('area headings, sentences and titles are not part headings', async (t) => {
  for (const line of [
    '一、社区建设工作深入推进',
    '(一)健全社会救助保障体系。',
    '三、圆满完成各项重点任务',
    '2022年,我局将在区委区政府的坚强领导下,全力以赴把各项工作做好。',
    '深圳市民政局2007年工作总结',
    '2018年海珠区民政工作报告',
    '2007年全市民政工作有以下特点:',
  ]) {
    t.equal(classifyPartHeading(line), null, line);
  }
});

t.test('headings without a year', async (t) => {
  t.same(classifyPartHeading('一、工作开展情况'), { kind: 'summary', year: null, relative: null }, 'the first section reviewing the work');
  t.equal(classifyPartHeading('三、婚姻登记工作情况'), null, 'a later section about one field is an area');
  t.same(classifyPartHeading('三、工作计划'), { kind: 'plan', year: null, relative: null });
  t.equal(classifyPartHeading('三、精心安排慰问活动'), null, 'an area that merely uses a plan word');
  t.equal(classifyPartHeading('二、重点工作扎实推进'), null);
});

t.test('headings of other governments and bureaus', async (t) => {
  t.same(classifyPartHeading('一、过去一年的工作'), { kind: 'summary', year: null, relative: 'last' });
  t.same(classifyPartHeading('一、一年来的工作'), { kind: 'summary', year: null, relative: 'last' });
  t.same(classifyPartHeading('一、2023年工作进展'), { kind: 'summary', year: 2023, relative: null });
  t.same(classifyPartHeading('一、2023年目标任务完成情况'), { kind: 'summary', year: 2023, relative: null }, 'ending with how the work went');
  t.same(classifyPartHeading('二、2024年工作部署'), { kind: 'plan', year: 2024, relative: null });
  t.same(classifyPartHeading('二、2024年工作目标和重点'), { kind: 'plan', year: 2024, relative: null });
  t.same(classifyPartHeading('二、2022年工作谋划'), { kind: 'plan', year: 2022, relative: null });
  t.same(classifyPartHeading('二、2022年工作举措'), { kind: 'plan', year: 2022, relative: null });
});

t.test('given a heading that names only a year\'s work', async (t) => {
  t.same(classifyPartHeading('一、2023年主要工作'), { kind: 'summary', year: 2023, relative: null }, 'when it is the first section, it reviews');
  t.same(classifyPartHeading('二、2024年主要工作'), { kind: 'plan', year: 2024, relative: null }, 'when it comes later, it plans');
  t.same(classifyPartHeading('二、今年工作'), { kind: 'plan', year: null, relative: 'this' });
  t.same(classifyPartHeading('三、扎实做好2024年各项工作'), { kind: 'plan', year: 2024, relative: null }, 'work to be done well');
  t.equal(classifyPartHeading('一、社区建设工作深入推进'), null, 'an area is still not a part');
});
