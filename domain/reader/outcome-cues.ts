/**
 * What a summary statement says about completion: done (`完成`, `实现`, `建成`), under way (`推进`, `启动`), or
 * not done (`未完成`, `未能`). A negation wins over the words it negates.
 */
export type OutcomeCue = 'done' | 'under_way' | 'not_done';

const NOT_DONE = /未完成|未能|未达到|未达标|未实现|没有完成|没能|尚未|仍未|未如期|滞后|落空/;
const DONE = /完成|实现|建成|达到|达成|超额|圆满|全覆盖|落成|竣工|投用|投入使用|通过验收|获评|荣获|成立|出台|印发|开通|如期/;
const UNDER_WAY = /推进|启动|开展|推动|加快|正在|着手|稳步|逐步|持续|深化|筹备|筹建|试点|探索/;

export function outcomeCue(statement: string): OutcomeCue | null {
  if (NOT_DONE.test(statement)) return 'not_done';
  if (DONE.test(statement)) return 'done';
  if (UNDER_WAY.test(statement)) return 'under_way';
  return null;
}
