import t from 'tap';
import { findCarriedOver, isCarriedOver } from '../../../domain/matching/carried-over.ts';

const NEXT_YEAR_PLAN = [
  '积极应对人口老龄化，完善养老服务体系，新建20个区域养老服务中心，新增5000张家庭养老床位。',
  '加快建设国际科技创新中心，推进三大科学城建设。',
];

t.test('given a task restated next year with other figures, then it is carried over', async (t) => {
  const text = '积极应对人口老龄化，完善养老服务体系，新建50个区域养老服务中心，新增2000张家庭养老床位。';
  t.ok(isCarriedOver(text, NEXT_YEAR_PLAN));
  t.equal(findCarriedOver(text, NEXT_YEAR_PLAN)?.index, 0);
});

t.test('given a task absent from next year’s plan, then it is not carried over', async (t) => {
  t.notOk(isCarriedOver('深入开展基础教育提升、医疗卫生发展、职业培训创新三项工程。', NEXT_YEAR_PLAN));
  t.notOk(isCarriedOver('完善养老服务体系', []), 'no next-year plan, nothing carried over');
});

t.test('given a very short task, then only its exact restatement counts', async (t) => {
  t.notOk(isCarriedOver('加强党建', ['加强党风廉政建设和反腐败工作']));
  t.ok(isCarriedOver('加强党建', ['加强党建。']));
});
