import t from 'tap';
import { scoreCommitments } from '../../eval/score-commitments.ts';
import { ratio } from '../../eval/tally.ts';
import { commitment, goldCommitment, plan, target } from './hand-made.ts';

const gold = [
  goldCommitment('做强社会工作专业服务', [{ text: '56个社区', min: 56, max: 56, unit: '个' }]),
  goldCommitment('做优社会组织培育发展'),
  goldCommitment('加强聚善家园品牌建设', [{ text: '1-2个', min: 1, max: 2, unit: '个' }], '(三)公益'),
  goldCommitment('推动慈善赋能乡村振兴', [], '(三)公益'),
];

const perfect = [
  commitment('做强社会工作专业服务。在全区56个社区建立社会工作点', [target(56, 56, '个')]),
  commitment('做优社会组织培育发展。修订…'),
  commitment('加强聚善家园品牌建设,打造1-2个典范聚善社区', [target(1, 2, '个')], '(三)公益'),
  commitment('推动慈善赋能乡村振兴', [], '(三)公益'),
];

t.test('given a perfect prediction, when scored, then every figure is 1', async (t) => {
  const score = scoreCommitments(gold, plan(perfect));
  t.equal(ratio(score.commitments.precision), 1);
  t.equal(ratio(score.commitments.recall), 1);
  t.equal(ratio(score.sameArea), 1);
  t.equal(ratio(score.targets.precision), 1);
  t.equal(ratio(score.targets.recall), 1);
  t.same(score.missedCommitments, []);
  t.same(score.extraCommitments, []);
});

t.test('given one gold commitment missing from the prediction, then recall drops by one in four and its targets are missed', async (t) => {
  const score = scoreCommitments(gold, plan(perfect.filter((_, index) => index !== 2)));
  t.same(score.commitments.recall, { hits: 3, total: 4 });
  t.same(score.commitments.precision, { hits: 3, total: 3 });
  t.same(score.targets.recall, { hits: 1, total: 2 });
  t.same(score.targets.precision, { hits: 1, total: 1 });
  t.same(score.missedCommitments, ['加强聚善家园品牌建设']);
  t.equal(score.missedTargets[0]?.commitmentFound, false);
});

t.test('given an extra predicted commitment, then precision drops and its targets are false alarms', async (t) => {
  const extra = commitment('2022年,我局将在区委区政府的坚强领导下', [target(2022, 2022, '年')], null);
  const score = scoreCommitments(gold, plan([extra, ...perfect]));
  t.same(score.commitments.precision, { hits: 4, total: 5 });
  t.same(score.commitments.recall, { hits: 4, total: 4 });
  t.same(score.targets.precision, { hits: 2, total: 3 });
  t.same(score.targets.recall, { hits: 2, total: 2 });
  t.equal(score.falseAlarmTargets[0]?.commitmentMatched, false);
  t.equal(score.extraCommitments.length, 1);
});

t.test('given a commitment whose text does not start with the gold prefix, then it neither matches nor counts twice', async (t) => {
  const truncated = [...perfect];
  truncated[1] = commitment('社会组织培育发展。修订…');
  const score = scoreCommitments(gold, plan(truncated));
  t.same(score.commitments.precision, { hits: 3, total: 4 });
  t.same(score.commitments.recall, { hits: 3, total: 4 });
});

t.test('given leading whitespace before the task text, then the prefix still matches', async (t) => {
  const score = scoreCommitments([gold[1]!], plan([commitment('  做优社会组织培育发展。')]));
  t.same(score.commitments.recall, { hits: 1, total: 1 });
});

t.test('given two predictions with the same prefix, then only one matches (one-to-one)', async (t) => {
  const score = scoreCommitments([gold[1]!], plan([commitment('做优社会组织培育发展。A'), commitment('做优社会组织培育发展。B')]));
  t.same(score.commitments.precision, { hits: 1, total: 2 });
  t.same(score.commitments.recall, { hits: 1, total: 1 });
});

t.test('given a matched commitment under another area, then the area tally shows it', async (t) => {
  const moved = [...perfect];
  moved[3] = commitment('推动慈善赋能乡村振兴', [], '(四)民生');
  const score = scoreCommitments(gold, plan(moved));
  t.same(score.sameArea, { hits: 3, total: 4 });
  t.same(score.areaMismatches, [{ commitment: '推动慈善赋能乡村振兴', expected: '(三)公益', predicted: '(四)民生' }]);
});

t.test('given a target with the wrong range or unit, then it is both a miss and a false alarm', async (t) => {
  const wrong = [...perfect];
  wrong[2] = commitment('加强聚善家园品牌建设,打造1-2个典范聚善社区', [target(1, 1, '个')], '(三)公益');
  const score = scoreCommitments(gold, plan(wrong));
  t.same(score.targets.recall, { hits: 1, total: 2 });
  t.same(score.targets.precision, { hits: 1, total: 2 });
  const wrongUnit = [...perfect];
  wrongUnit[0] = commitment('做强社会工作专业服务。在全区56个社区建立社会工作点', [target(56, 56, '社区')]);
  t.same(scoreCommitments(gold, plan(wrongUnit)).targets.recall, { hits: 1, total: 2 });
});

t.test('given a gold comparator, then a different predicted comparator does not match; without one it is not compared', async (t) => {
  const withComparator = [goldCommitment('做强社会工作专业服务', [{ text: '56个', min: 56, max: 56, unit: '个', comparator: 'about' as const }])];
  const predicted = plan([commitment('做强社会工作专业服务', [target(56, 56, '个', { comparator: 'at_least' })])]);
  t.same(scoreCommitments(withComparator, predicted).targets.recall, { hits: 0, total: 1 });
  t.same(scoreCommitments([gold[0]!], predicted).targets.recall, { hits: 1, total: 1 });
});

t.test('given no plan part, then recall is 0 and precision has nothing to count', async (t) => {
  const score = scoreCommitments(gold, null);
  t.same(score.commitments.recall, { hits: 0, total: 4 });
  t.equal(ratio(score.commitments.precision), null);
  t.equal(score.missedTargets.length, 2);
});
