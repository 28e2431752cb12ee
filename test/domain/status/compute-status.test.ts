import t from 'tap';
import { computeStatus } from '../../../domain/status/compute-status.ts';
import { statusResultSchema, type StatusResult } from '../../../domain/status/status-result.ts';
import { evidence, gdpGrowth3, gdpTarget, outcome, statusInput, target } from './status-fixtures.ts';
import type { RecordedTarget } from '../../../domain/events/commitment-events.ts';

/** One target judged against one reported figure, on a fresh commitment. */
function judge(goal: RecordedTarget, text: string, figure: { text: string; value: number; unit: string; qualifier?: '近' | '超过' | null }): StatusResult {
  const reported = outcome(text, [{ text: figure.text, value: figure.value, unit: figure.unit, qualifier: figure.qualifier ?? null, object: null, multiYear: false }]);
  const result = computeStatus(statusInput({ targets: [goal], evidence: [evidence(reported)] }));
  // A result outside the contract fails the test that asked for it.
  statusResultSchema.parse(result);
  return result;
}

t.test('higher is better, about: met at 95% of the target', async (t) => {
  t.test('given GDP growth about 5.5%, when the review reports 3%, then not achieved (a rate is met or missed)', async (t) => {
    const result = judge(gdpTarget, '全年国内生产总值增长3%', { text: '3%', value: 3, unit: '%' });
    t.equal(result.status, 'not_achieved');
    t.equal(result.targets[0]?.rule, 'rate_below_floor');
    t.same(result.targets[0]?.actual, { value: 3, unit: '%', text: '3%', span: [10, 12] });
    t.match(result.targets[0]?.reason, /reported 3%.*about 5\.5%.*5\.225%/);
  });
  t.test('given GDP growth about 5.5%, when the review reports exactly 95% of it (5.225%), then achieved', async (t) => {
    const result = judge(gdpTarget, '国内生产总值增长5.225%', { text: '5.225%', value: 5.225, unit: '%' });
    t.equal(result.status, 'achieved');
    t.equal(result.targets[0]?.rule, 'floor_met');
  });
  t.test('given GDP growth about 5.5%, when the review reports 5.2%, then not achieved', async (t) => {
    t.equal(judge(gdpTarget, '国内生产总值增长5.2%', { text: '5.2%', value: 5.2, unit: '%' }).status, 'not_achieved');
  });
});

t.test('higher is better, at least: met at the floor; counts below it are partly achieved', async (t) => {
  const jobs = target({ text: '1100万人以上', min: 1100, unit: '万人', object: '城镇新增就业' });
  t.test('given 11 million new jobs or more, when 12.06 million are reported, then achieved, actual in the target unit', async (t) => {
    const result = judge(jobs, '城镇新增就业1206万人', { text: '1206万人', value: 12_060_000, unit: '人' });
    t.equal(result.status, 'achieved');
    t.equal(result.targets[0]?.actual?.value, 1206);
    t.equal(result.targets[0]?.actual?.unit, '万人');
  });
  t.test('given 11 million new jobs or more, when 10 million are reported, then partially achieved (a count)', async (t) => {
    const result = judge(jobs, '城镇新增就业1000万人', { text: '1000万人', value: 10_000_000, unit: '人' });
    t.equal(result.status, 'partially_achieved');
    t.equal(result.targets[0]?.rule, 'count_below_target');
  });
  t.test('given a count floor, when zero is reported, then not achieved', async (t) => {
    const result = judge(target({ text: '8个', min: 8, unit: '个', object: '社区' }), '建成社区0个', { text: '0个', value: 0, unit: '个' });
    t.equal(result.status, 'not_achieved');
    t.equal(result.targets[0]?.rule, 'count_none');
  });
  t.test('given grain output 1.3万亿斤 or more, when "近1.3万亿斤" is reported, then partly achieved (just under)', async (t) => {
    const grain = target({ text: '1.3万亿斤以上', min: 1.3, unit: '万亿斤', object: '粮食产量' });
    const result = judge(grain, '粮食产量近1.3万亿斤', { text: '近1.3万亿斤', value: 1.3e12, unit: '斤', qualifier: '近' });
    t.equal(result.status, 'partially_achieved');
  });
  t.test('given energy intensity down about 2.5%, when "超过3%" is reported, then achieved', async (t) => {
    const energy = target({ text: '2.5%左右', min: 2.5, unit: '%', comparator: 'about', object: '单位国内生产总值能耗降低' });
    t.equal(judge(energy, '单位国内生产总值能耗降幅超过3%', { text: '超过3%', value: 3, unit: '%', qualifier: '超过' }).status, 'achieved');
  });
});

t.test('higher is better, range: met at its lower end', async (t) => {
  const range = target({ text: '8-10个', min: 8, max: 10, unit: '个', comparator: 'range', object: '社区' });
  t.test('given 8-10 centres, when 9 are reported, then achieved', async (t) => {
    t.equal(judge(range, '建成社区中心9个', { text: '9个', value: 9, unit: '个' }).status, 'achieved');
  });
  t.test('given 8-10 centres, when 6 are reported, then partially achieved', async (t) => {
    t.equal(judge(range, '建成社区中心6个', { text: '6个', value: 6, unit: '个' }).status, 'partially_achieved');
  });
});

t.test('a target the plan caps (at most) is a ceiling even for a higher-is-better metric', async (t) => {
  const capped = target({ text: '3.9%以内', min: 3.9, unit: '%', comparator: 'at_most', object: '支出增长' });
  const result = judge(capped, '支出增长4%', { text: '4%', value: 4, unit: '%' });
  t.equal(result.status, 'not_achieved');
  t.equal(result.targets[0]?.rule, 'rate_above_ceiling');
});

t.test('lower is better: ceilings', async (t) => {
  const cpi = target({ text: '3%左右', min: 3, unit: '%', comparator: 'about', direction: 'lower_better', object: '居民消费价格涨幅' });
  t.test('given CPI about 3%, when 3.15% (105%) is reported, then achieved', async (t) => {
    const result = judge(cpi, '居民消费价格上涨3.15%', { text: '3.15%', value: 3.15, unit: '%' });
    t.equal(result.status, 'achieved');
    t.equal(result.targets[0]?.rule, 'ceiling_met');
  });
  t.test('given CPI about 3%, when 3.2% is reported, then not achieved', async (t) => {
    t.equal(judge(cpi, '居民消费价格上涨3.2%', { text: '3.2%', value: 3.2, unit: '%' }).status, 'not_achieved');
  });
  t.test('given CPI about 3%, when 0.2% is reported, then achieved (a ceiling, not a point)', async (t) => {
    t.equal(judge(cpi, '居民消费价格上涨0.2%', { text: '0.2%', value: 0.2, unit: '%' }).status, 'achieved');
  });
  const unemployment = target({ text: '5.5%以内', min: 5.5, unit: '%', comparator: 'at_most', direction: 'lower_better', object: '城镇调查失业率' });
  t.test('given unemployment within 5.5%, when 5.5% is reported, then achieved', async (t) => {
    t.equal(judge(unemployment, '年末城镇调查失业率降到5.5%', { text: '5.5%', value: 5.5, unit: '%' }).status, 'achieved');
  });
  t.test('given unemployment within 5.5%, when 5.6% is reported, then not achieved', async (t) => {
    t.equal(judge(unemployment, '城镇调查失业率5.6%', { text: '5.6%', value: 5.6, unit: '%' }).status, 'not_achieved');
  });
  t.test('given a range of 5%-5.5% for a lower-is-better rate, when 5.4% is reported, then achieved; 5.6% not', async (t) => {
    const band = target({ text: '5%-5.5%', min: 5, max: 5.5, unit: '%', comparator: 'range', direction: 'lower_better', object: '城镇调查失业率' });
    t.equal(judge(band, '城镇调查失业率5.4%', { text: '5.4%', value: 5.4, unit: '%' }).status, 'achieved');
    t.equal(judge(band, '城镇调查失业率5.6%', { text: '5.6%', value: 5.6, unit: '%' }).status, 'not_achieved');
  });
  t.test('given a deficit ratio of 3% with no qualifier, when 3.2% is reported, then not achieved (a ceiling)', async (t) => {
    const deficit = target({ text: '3%', min: 3, unit: '%', direction: 'lower_better', object: '赤字率' });
    t.equal(judge(deficit, '财政赤字率3.2%', { text: '3.2%', value: 3.2, unit: '%' }).status, 'not_achieved');
  });
  t.test('given a deficit of 4.06万亿元 at most, when 4.5万亿元 is reported, then not achieved (an amount over its ceiling)', async (t) => {
    const deficit = target({ text: '4.06万亿元', min: 4.06, unit: '万亿元', comparator: 'at_most', direction: 'lower_better', object: '赤字规模' });
    const result = judge(deficit, '赤字规模4.5万亿元', { text: '4.5万亿元', value: 4.5e12, unit: '元' });
    t.equal(result.status, 'not_achieved');
    t.equal(result.targets[0]?.rule, 'amount_above_ceiling');
    t.equal(result.targets[0]?.actual?.value, 4.5);
  });
});

t.test('given the review of the plan year is not ingested, then pending, targets too', async (t) => {
  const result = computeStatus(statusInput({ targets: [gdpTarget], summaryAvailable: false, evidence: [evidence(gdpGrowth3)] }));
  t.equal(result.status, 'pending');
  t.equal(result.targets[0]?.status, 'pending');
  t.equal(result.rule, 'summary_not_ingested');
});

t.test('given the review exists and nothing is linked, then no_evidence', async (t) => {
  const result = computeStatus(statusInput({ targets: [gdpTarget] }));
  t.equal(result.status, 'no_evidence');
  t.equal(result.targets[0]?.status, 'no_evidence');
  t.equal(computeStatus(statusInput({})).rule, 'nothing_in_summary');
});

t.test('given a withdrawn commitment, then withdrawn, even with an assessment', async (t) => {
  const result = computeStatus(
    statusInput({
      targets: [gdpTarget],
      evidence: [evidence(gdpGrowth3)],
      withdrawn: { reason: 'plan revised' },
      assessment: { status: 'achieved', rationale: 'looks done' },
    }),
  );
  t.equal(result.status, 'withdrawn');
  t.equal(result.computedStatus, 'withdrawn');
  t.match(result.reason, /plan revised/);
});

t.test('given a reviewer assessment, then it overrides the status and the computed status stays visible', async (t) => {
  const result = computeStatus(
    statusInput({ targets: [gdpTarget], evidence: [evidence(gdpGrowth3)], assessment: { status: 'partially_achieved', rationale: 'growth held up in Q4' } }),
  );
  t.equal(result.status, 'partially_achieved');
  t.equal(result.computedStatus, 'not_achieved');
  t.equal(result.rule, 'reviewer_assessment');
  t.match(result.reason, /growth held up in Q4.*not_achieved/);
});

t.test('given the only link is rejected, then it is ignored', async (t) => {
  const result = computeStatus(statusInput({ targets: [gdpTarget], evidence: [evidence(gdpGrowth3, { state: 'rejected' })] }));
  t.equal(result.status, 'no_evidence');
  t.same(result.evidenceLinkIds, []);
});

t.test('multi-year evidence never counts for a target', async (t) => {
  t.test('given a statement about five years, then it is ignored', async (t) => {
    const fiveYears = outcome('国内生产总值增长6%', [{ text: '6%', value: 6, unit: '%', qualifier: null, object: null, multiYear: false }], { aboutSummaryYear: false });
    t.equal(computeStatus(statusInput({ targets: [gdpTarget], evidence: [evidence(fiveYears)] })).status, 'no_evidence');
  });
  t.test('given an annual-average figure, then it is ignored', async (t) => {
    const average = outcome('国内生产总值年均增长6%', [{ text: '6%', value: 6, unit: '%', qualifier: null, object: null, multiYear: true }]);
    t.equal(computeStatus(statusInput({ targets: [gdpTarget], evidence: [evidence(average)] })).status, 'no_evidence');
  });
});

t.test('given a proposed link with a higher score and a confirmed one, then the confirmed one decides', async (t) => {
  const better = outcome('国内生产总值增长5.4%', [{ text: '5.4%', value: 5.4, unit: '%', qualifier: null, object: null, multiYear: false }]);
  const result = computeStatus(
    statusInput({
      targets: [gdpTarget],
      evidence: [evidence(gdpGrowth3, { score: 0.99 }), evidence(better, { state: 'confirmed', score: 0.5, linkId: 'confirmed-link' })],
    }),
  );
  t.equal(result.status, 'achieved');
  t.same(result.evidenceLinkIds, ['confirmed-link']);
});

t.test('given one statement reporting several figures, then each target reads its own metric', async (t) => {
  const text = '全年国内生产总值增长3%，城镇新增就业1206万人，年末城镇调查失业率降到5.5%，居民消费价格上涨2%。';
  const reported = outcome(text, [
    { text: '3%', value: 3, unit: '%', qualifier: null, object: null, multiYear: false },
    { text: '1206万人', value: 12_060_000, unit: '人', qualifier: null, object: null, multiYear: false },
    { text: '5.5%', value: 5.5, unit: '%', qualifier: null, object: null, multiYear: false },
    { text: '2%', value: 2, unit: '%', qualifier: null, object: null, multiYear: false },
  ]);
  const plan = '国内生产总值增长5.5%左右；城镇新增就业1100万人以上；城镇调查失业率全年控制在5.5%以内；居民消费价格涨幅3%左右';
  const at = (phrase: string): [number, number] => [1000 + plan.indexOf(phrase), 1000 + plan.indexOf(phrase) + phrase.length];
  const targets: RecordedTarget[] = [
    target({ targetId: 'c1.t0', text: '5.5%左右', span: at('5.5%左右'), min: 5.5, unit: '%', comparator: 'about' }),
    target({ targetId: 'c1.t1', text: '1100万人以上', span: at('1100万人以上'), min: 1100, unit: '万人' }),
    target({ targetId: 'c1.t2', text: '5.5%以内', span: at('5.5%以内'), min: 5.5, unit: '%', comparator: 'at_most', direction: 'lower_better' }),
    target({ targetId: 'c1.t3', text: '3%左右', span: at('3%左右'), min: 3, unit: '%', comparator: 'about', direction: 'lower_better' }),
  ];
  const result = computeStatus(
    statusInput({
      commitment: { text: plan, span: [1000, 1000 + plan.length] },
      targets,
      evidence: targets.map((goal) => evidence(reported, { targetId: goal.targetId, linkId: `l-${goal.targetId}` })),
    }),
  );
  t.same(
    result.targets.map((judged) => [judged.actual?.text, judged.status]),
    [['3%', 'not_achieved'], ['1206万人', 'achieved'], ['5.5%', 'achieved'], ['2%', 'achieved']],
  );
  t.equal(result.status, 'partially_achieved');
  t.equal(result.rule, 'targets_mixed');
});

t.test('roll-up of targets to the commitment', async (t) => {
  const first = target({ targetId: 'c1.t0', text: '5%左右', min: 5, unit: '%', comparator: 'about', object: '增长' });
  const second = target({ targetId: 'c1.t1', text: '10个', min: 10, unit: '个', object: '中心' });
  const growth = (value: number) => outcome(`增长${value}%`, [{ text: `${value}%`, value, unit: '%', qualifier: null, object: null, multiYear: false }]);
  const centres = (value: number) => outcome(`建成中心${value}个`, [{ text: `${value}个`, value, unit: '个', qualifier: null, object: null, multiYear: false }]);
  const run = (links: ReturnType<typeof evidence>[]) => computeStatus(statusInput({ targets: [first, second], evidence: links }));
  t.test('given every target achieved, then achieved', async (t) => {
    const result = run([evidence(growth(5.1), { targetId: 'c1.t0' }), evidence(centres(12), { targetId: 'c1.t1' })]);
    t.equal(result.status, 'achieved');
    t.equal(result.rule, 'all_targets_achieved');
  });
  t.test('given one achieved and one without a figure, then partially achieved', async (t) => {
    const result = run([evidence(growth(5.1), { targetId: 'c1.t0' })]);
    t.equal(result.status, 'partially_achieved');
    t.equal(result.rule, 'targets_achieved_others_unreported');
  });
  t.test('given every rate missed, then not achieved', async (t) => {
    const result = run([evidence(growth(3), { targetId: 'c1.t0' })]);
    t.equal(result.status, 'not_achieved');
    t.equal(result.rule, 'no_target_achieved');
  });
  t.test('given the only judged target is a count partly reached, then partially achieved', async (t) => {
    const result = run([evidence(centres(6), { targetId: 'c1.t1' })]);
    t.equal(result.status, 'partially_achieved');
    t.equal(result.rule, 'targets_partly_reached');
  });
});

t.test('a commitment without targets is judged from the wording of its evidence', async (t) => {
  const said = (cue: 'done' | 'under_way' | 'not_done' | null, text: string) => evidence(outcome(text, [], { cue, outcomeId: `o-${text}` }), { targetId: null });
  const cases: Array<[string, ReturnType<typeof said>[], string, string]> = [
    ['done', [said('done', '建成社区养老服务中心')], 'achieved', 'wording_done'],
    ['under way', [said('under_way', '推进社区养老服务中心建设')], 'in_progress', 'wording_under_way'],
    ['not done', [said('not_done', '社区养老服务中心未能建成')], 'not_achieved', 'wording_not_done'],
    ['done and not done', [said('done', '建成一批中心'), said('not_done', '部分中心未能建成')], 'partially_achieved', 'wording_mixed'],
    ['linked without a cue', [said(null, '社区养老服务中心服务老人')], 'in_progress', 'linked_without_cue'],
  ];
  for (const [name, links, status, rule] of cases) {
    t.test(`given a statement that says ${name}, then ${status}`, async (t) => {
      const result = computeStatus(statusInput({ evidence: links }));
      t.equal(result.status, status);
      t.equal(result.rule, rule);
      t.same(result.evidenceLinkIds, links.map((link) => link.linkId));
    });
  }
});

t.test('given a target linked to a statement that states a verdict without a figure, then the verdict counts', async (t) => {
  const verdict = outcome('超额完成全年任务', [], { cue: 'done' });
  const result = computeStatus(statusInput({ targets: [gdpTarget], evidence: [evidence(verdict)] }));
  t.equal(result.targets[0]?.status, 'achieved');
  t.equal(result.targets[0]?.rule, 'verdict_without_figure/wording_done');
});
