import t from 'tap';
import { evidenceLinkIdFor } from '../../../domain/ids.ts';
import { proposeEvidence, TERM_OVERLAP_METHOD, type ProposedLink } from '../../../domain/matching/propose-evidence.ts';
import { MAIN_TARGETS_2022, planCommitment, REVIEW_OF_2022, reviewOutcome, sentencesOf, STATE_COUNCIL } from './matching-fixtures.ts';

const input = (commitments: ReturnType<typeof planCommitment>[], outcomes: ReturnType<typeof reviewOutcome>[]) => ({
  organisation: STATE_COUNCIL,
  year: 2022,
  commitments,
  outcomes,
});

function targetLinks(links: readonly ProposedLink[]): ProposedLink[] {
  return links.filter((link) => link.targetId !== null);
}

t.test('given the 2022 main targets and the review of 2022, then each target is linked to the sentence that reports its metric', async (t) => {
  const commitment = planCommitment(MAIN_TARGETS_2022);
  const outcomes = sentencesOf(REVIEW_OF_2022, 500);
  const links = targetLinks(proposeEvidence(input([commitment], outcomes)));
  const textOf = (link: ProposedLink) => outcomes.find((outcome) => outcome.outcomeId === link.outcomeId)?.text;
  const byTarget = new Map(links.map((link) => [commitment.targets.find((target) => target.targetId === link.targetId)?.text, textOf(link)]));
  t.equal(byTarget.get('5.5%左右'), '全年国内生产总值增长3%，城镇新增就业1206万人，年末城镇调查失业率降到5.5%，居民消费价格上涨2%。');
  t.equal(byTarget.get('1100万人以上'), byTarget.get('5.5%左右'), 'the jobs figure is in the same sentence');
  t.equal(byTarget.get('1.3万亿斤以上'), '粮食产量1.37万亿斤，增产74亿斤。');
  t.notOk(links.some((link) => textOf(link)?.startsWith('货物进出口')), 'trade growth is no target of this plan');
  const grain = links.find((link) => textOf(link)?.startsWith('粮食'));
  t.same(grain?.matchedTerms, ['粮食产量']);
  t.ok((grain?.score ?? 0) > 0.5, 'a clear match scores high');
});

t.test('given a figure whose clause is only a change verb, then its subject is read from the clause before', async (t) => {
  const commitment = planCommitment('国内生产总值增长5%左右；城镇新增就业1200万人左右', { planYear: 2023 });
  const outcomes = [
    reviewOutcome('国内生产总值超过126万亿元，增长5.2%。', 300, { summaryYear: 2023 }),
    reviewOutcome('技术合同成交额增长28.6%。', 400, { summaryYear: 2023 }),
  ];
  const links = targetLinks(proposeEvidence({ ...input([commitment], outcomes), year: 2023 }));
  t.same(links.map((link) => link.outcomeId), ['o-300']);
});

t.test('given GDP growth and energy intensity reduction targets, then each goes to its own figure, not to the other sharing 国内生产总值', async (t) => {
  const commitment = planCommitment('国内生产总值增长5%左右；单位国内生产总值能耗降低2.5%左右');
  const outcomes = [
    reviewOutcome('经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%。', 100),
    reviewOutcome('单位国内生产总值能耗降幅超过3%。', 900),
  ];
  const links = targetLinks(proposeEvidence(input([commitment], outcomes)));
  t.same(
    links.map((link) => [link.targetId, link.outcomeId]),
    [[`${commitment.commitmentId}.t0`, 'o-100'], [`${commitment.commitmentId}.t1`, 'o-900']],
  );
  const onlyEnergy = targetLinks(proposeEvidence(input([commitment], [outcomes[1]!])));
  t.same(onlyEnergy.map((link) => link.targetId), [`${commitment.commitmentId}.t1`], 'a falling metric is no evidence for a growing one');
});

t.test('given a metric the review does not report in figures, then no target link (Beijing: 居民消费价格总体平稳)', async (t) => {
  const commitment = planCommitment('居民消费价格涨幅2%左右', { organisation: '北京市人民政府', planYear: 2025 });
  const outcomes = sentencesOf('一般公共预算收入增长4.8%，城镇调查失业率4.1%，居民人均可支配收入实际增长4.4%，居民消费价格总体平稳。', 600).map((outcome) => ({
    ...outcome,
    organisation: '北京市人民政府',
    summaryYear: 2025,
  }));
  t.same(targetLinks(proposeEvidence({ organisation: '北京市人民政府', year: 2025, commitments: [commitment], outcomes })), []);
});

t.test('statements about several years never count for a target', async (t) => {
  const commitment = planCommitment('国内生产总值增长5.5%左右');
  t.test('given a five-year statement, then it is not linked', async (t) => {
    const fiveYears = reviewOutcome('国内生产总值增长5.2%。', 100, { aboutSummaryYear: false });
    t.same(proposeEvidence(input([commitment], [fiveYears])), []);
  });
  t.test('given an annual-average figure, then it is not linked', async (t) => {
    const average = reviewOutcome('国内生产总值年均增长5.2%。', 100);
    t.ok(average.quantities.every((quantity) => quantity.multiYear), 'the quantities module marks 年均 as multi-year');
    t.same(targetLinks(proposeEvidence(input([commitment], [average]))), []);
  });
});

t.test('no link across organisations or years', async (t) => {
  const commitment = planCommitment(MAIN_TARGETS_2022);
  const nextYear = sentencesOf(REVIEW_OF_2022, 500).map((outcome) => ({ ...outcome, summaryYear: 2023 }));
  const otherOrg = sentencesOf(REVIEW_OF_2022, 500).map((outcome) => ({ ...outcome, organisation: '北京市人民政府' }));
  t.same(proposeEvidence(input([commitment], nextYear)), [], 'the review of 2023 is no evidence for the plan of 2022');
  t.same(proposeEvidence(input([commitment], otherOrg)), [], "another organisation's review is no evidence");
  t.same(proposeEvidence({ ...input([commitment], sentencesOf(REVIEW_OF_2022, 500)), organisation: '北京市人民政府' }), [], 'commitments of another organisation are left out');
});

t.test('determinism: the same input in any order gives the same links, with ids derived from what they join', async (t) => {
  const commitments = [planCommitment(MAIN_TARGETS_2022), planCommitment('稳定粮食播种面积，粮食产量保持稳定。', { commitmentId: 'c-grain' })];
  const outcomes = sentencesOf(REVIEW_OF_2022, 500);
  const first = proposeEvidence(input(commitments, outcomes));
  const second = proposeEvidence(input([...commitments].reverse(), [...outcomes].reverse()));
  t.ok(first.length > 0);
  t.same(second, first);
  for (const link of first) {
    t.equal(link.linkId, evidenceLinkIdFor(link));
    t.same(link.method, TERM_OVERLAP_METHOD);
  }
  const keys = first.map((link) => `${link.commitmentId}|${link.targetId ?? ''}`);
  t.same(keys, [...keys].sort(), 'sorted by commitment, then target');
});

t.test('given a commitment without targets, then the statements speaking to its task are linked with the words they share', async (t) => {
  const commitment = planCommitment('完善养老服务体系，在“老老人”数量较多的区域新建养老服务中心，新建家庭养老床位。', {
    organisation: '北京市人民政府',
    planYear: 2025,
    commitmentId: 'c-elderly',
  });
  const outcomes = [
    reviewOutcome('织密扎牢社会保障网，新建50个区域养老服务中心，新增7701张家庭养老床位，老楼加装电梯869台。', 100),
    reviewOutcome('开通3条地铁新线、新增运营里程30公里，中心城区绿色出行比例达到75.6%。', 300),
    reviewOutcome('关键核心技术获得突破，国家实验室永久园区启用。', 500),
  ].map((outcome) => ({ ...outcome, organisation: '北京市人民政府', summaryYear: 2025 }));
  const links = proposeEvidence({ organisation: '北京市人民政府', year: 2025, commitments: [commitment], outcomes });
  t.same(links.map((link) => [link.outcomeId, link.targetId]), [['o-100', null]]);
  t.ok(links[0]?.matchedTerms.includes('养老服务中心'), `matched terms: ${links[0]?.matchedTerms.join(', ')}`);
});
