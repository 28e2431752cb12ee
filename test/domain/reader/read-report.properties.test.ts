/**
 * Robustness of the reader (fast-check): arbitrary strings, report-like fragments, the sample reports truncated,
 * with lines shuffled or duplicated, with CRLF breaks, and a 5 MB input all give a result or the typed error,
 * never an exception, and every span of a result quotes the text it claims.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import t from 'tap';
import { readReport } from '../../../domain/reader/read-report.ts';
import { parsedReportSchema, readFailureSchema, type ReadResult, type Span } from '../../../domain/reader/parsed-report.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = [
  ...readdirSync(join(root, 'seeds'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(root, 'seeds', name), 'utf8')),
  ...readdirSync(join(root, 'test/fixtures/gold/pairs'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(root, 'test/fixtures/gold/pairs', name), 'utf8')),
];

/** Why a result breaks the contract, or null when it keeps it. */
function contractBreach(text: string, result: ReadResult): string | null {
  if (!result.ok) return readFailureSchema.safeParse(result.error).success ? null : 'malformed failure';
  if (!parsedReportSchema.safeParse(result.report).success) return 'report does not satisfy the schema';
  const inside = (span: Span): boolean => span[0] <= span[1] && span[1] <= text.length;
  const { summary, plan } = result.report;
  for (const part of [summary, plan]) {
    if (part === null) continue;
    if (!inside(part.span)) return 'part span outside the text';
    if (part.headingSpan !== null && !inside(part.headingSpan)) return 'heading span outside the text';
  }
  for (const outcome of summary?.outcomes ?? []) {
    if (!inside(outcome.span) || text.slice(...outcome.span) !== outcome.text) return `outcome span does not quote ${outcome.text.slice(0, 10)}`;
    if (outcome.quantities.some((quantity) => !inside(quantity.span))) return 'quantity span outside the text';
  }
  for (const commitment of plan?.commitments ?? []) {
    if (!inside(commitment.span) || text.slice(...commitment.span) !== commitment.text) return `commitment span does not quote ${commitment.text.slice(0, 10)}`;
    if (commitment.targets.some((target) => !inside(target.span))) return 'target span outside the text';
  }
  return null;
}

function keepsContract(text: string): boolean {
  const breach = contractBreach(text, readReport(text));
  if (breach !== null) throw new Error(breach);
  return true;
}

const FRAGMENTS = [
  '一、', '二、', '三、', '(一)', '（二）', '1、', '2.', '一是', '二是', '是', '——', '2021年', '2022年', '工作总结', '工作思路',
  '下一步', '重点工作安排', '今年以来', '过去一年', '五年来', '主要预期目标是：', '增长5%左右', '1200万人以上', '8-10个', '近7000人次',
  '来源:', '区民政局', '发布日期:2018-03-22 10:43:28', '我代表国务院，', '。', '；', ',', '：', '\n', '\r\n', '\u3000\u3000', ' ', '|',
  '推进', '完成', '未能', '社区', '海曙区', '深圳市', '粤ICP备', '\ud800', '😀',
];

t.test('arbitrary strings', async (t) => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), keepsContract), { numRuns: 150 });
  t.pass('no exception and no contract breach');
});

t.test('report-like fragments in any order', async (t) => {
  const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 200 }).map((parts) => parts.join(''));
  fc.assert(fc.property(text, keepsContract), { numRuns: 150 });
  t.pass('no exception and no contract breach');
});

t.test('sample reports truncated at random points', async (t) => {
  const truncated = fc
    .tuple(fc.constantFrom(...samples), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([text, fraction]) => text.slice(0, Math.floor(text.length * fraction)));
  fc.assert(fc.property(truncated, keepsContract), { numRuns: 40 });
  t.pass('no exception and no contract breach');
});

t.test('sample reports with lines shuffled and duplicated', async (t) => {
  const shuffled = fc.constantFrom(...samples).chain((text) => {
    const lines = text.split('\n');
    return fc.array(fc.nat({ max: lines.length - 1 }), { minLength: 1, maxLength: lines.length * 2 }).map((picks) => picks.map((i) => lines[i]).join('\n'));
  });
  fc.assert(fc.property(shuffled, keepsContract), { numRuns: 30 });
  t.pass('no exception and no contract breach');
});

t.test('sample reports with CRLF line breaks read the same', async (t) => {
  for (const text of samples) {
    const lf = readReport(text);
    const crlf = readReport(text.replace(/\n/g, '\r\n'));
    t.equal(contractBreach(text.replace(/\n/g, '\r\n'), crlf), null);
    if (!lf.ok || !crlf.ok) {
      t.equal(crlf.ok, lf.ok);
      continue;
    }
    t.same(
      crlf.report.plan?.commitments.map((c) => c.text.replace(/\r/g, '')),
      lf.report.plan?.commitments.map((c) => c.text),
      'then the commitments are the same (an area of several paragraphs keeps its own line breaks)',
    );
    t.same([crlf.report.organisation, crlf.report.summary?.year, crlf.report.plan?.year], [lf.report.organisation, lf.report.summary?.year, lf.report.plan?.year]);
  }
});

t.test('a 5 MB input', async (t) => {
  let big = '';
  for (let i = 0; big.length < 5_000_000; i++) big += samples[i % samples.length]! + '\n';
  const result = readReport(big);
  t.equal(contractBreach(big, result), null, 'then the result keeps the contract');
  t.ok(result.ok, 'then the concatenated reports are read');
});
