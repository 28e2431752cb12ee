import t from 'tap';
import type { GoldPair } from '../../eval/gold-schema.ts';
import { expectedPairReportMetadata, issuingGovernment } from '../../eval/pair-report-metadata.ts';

function pair(org: string, planYear: number, planFile: string, summaryFile: string): GoldPair {
  return {
    org,
    planYear,
    planFile,
    summaryFile,
    planHeading: `plan heading ${planYear}`,
    summaryHeading: `summary heading ${planYear}`,
    targetParagraphCharOffset: 0,
    fiscalParagraphCharOffset: null,
    targets: [],
  };
}

t.test('the issuer of a place work report is its people government; the State Council stays itself', async (t) => {
  t.equal(issuingGovernment('北京市'), '北京市人民政府');
  t.equal(issuingGovernment('国务院'), '国务院');
  t.equal(issuingGovernment('北京市人民政府'), '北京市人民政府');
});

t.test('a report in the middle of a chain takes its plan labels from one pair and its summary labels from the other', async (t) => {
  const expectations = expectedPairReportMetadata([pair('国务院', 2022, 'r2022.txt', 'r2023.txt'), pair('国务院', 2023, 'r2023.txt', 'r2024.txt')]);
  t.same(expectations.map((item) => item.file), ['r2022.txt', 'r2023.txt', 'r2024.txt']);
  const middle = expectations[1]!;
  t.same(middle.expected, { organisation: '国务院', planYear: 2023, planHeading: 'plan heading 2023', summaryYear: 2022, summaryHeading: 'summary heading 2022' });
  t.same(middle.derived, []);
});

t.test('at the ends of a chain the unlabelled year is derived and the unlabelled heading is not scored', async (t) => {
  const [first, last] = expectedPairReportMetadata([pair('北京市', 2025, 'b2025.txt', 'b2026.txt')]);
  t.equal(first?.expected.summaryYear, 2024);
  t.same(first?.derived, ['summaryYear']);
  t.equal(first?.expected.summaryHeading, undefined);
  t.equal(last?.expected.planYear, 2026);
  t.same(last?.derived, ['planYear']);
  t.equal(last?.expected.planHeading, undefined);
  t.equal(last?.expected.organisation, '北京市人民政府');
});
