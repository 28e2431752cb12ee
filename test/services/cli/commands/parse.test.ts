import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { parsedReportSchema } from '../../../../domain/reader/parsed-report.ts';
import { runCli, type CliIo } from '../../../../services/cli/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const seed = join(root, 'seeds/shenzhen-longhua-civil-affairs-2021-review-2022-plan.txt');
const scratch = mkdtempSync(join(tmpdir(), 'plan-ledger-parse-'));

async function parse(...args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) };
  const code = await runCli(['parse', ...args], io);
  return { code, stdout, stderr };
}

t.test('given a report file and --json', async (t) => {
  const { code, stdout, stderr } = await parse(seed, '--json');
  t.equal(code, 0);
  t.same(stderr, []);
  const report = parsedReportSchema.parse(JSON.parse(stdout.join('\n')));
  t.equal(report.organisation.name, '深圳市龙华区民政局', 'then the contract JSON is printed');
  t.equal(report.plan?.commitments.length, 25);
});

t.test('given a report file without --json', async (t) => {
  const { code, stdout } = await parse(seed);
  t.equal(code, 0);
  t.ok(stdout.some((line) => line.includes('深圳市龙华区民政局')), 'then the summary names the organisation');
  t.ok(stdout.some((line) => line.includes('2022') && line.includes('25 commitments')), 'then it counts the commitments');
});

t.test('given a UTF-8 file with a byte-order mark', async (t) => {
  const file = join(scratch, 'bom.txt');
  writeFileSync(file, '\ufeff来源:深圳市民政局\n一、2021年工作总结\n1、完成换届。\n2、完成选举。');
  const { code, stdout } = await parse(file, '--json');
  t.equal(code, 0);
  t.equal(JSON.parse(stdout.join('\n')).summary.year, 2021);
});

t.test('given a GB18030 file, as Chinese government sites often serve', async (t) => {
  const file = join(scratch, 'gb18030.txt');
  // 来源:深圳市民政局 / 一、2021年工作总结 / 1、完成换届。 / 2、完成选举。 encoded in GB18030.
  writeFileSync(file, Buffer.from('c0b4d4b43ac9eedbdacad0c3f1d5febed60ad2bba1a232303231c4eab9a4d7f7d7dcbde10a31a1a2cdeab3c9bbbbbdeca1a30a32a1a2cdeab3c9d1a1bed9a1a3', 'hex'));
  const { code, stdout } = await parse(file, '--json');
  t.equal(code, 0);
  const report = JSON.parse(stdout.join('\n'));
  t.equal(report.organisation.name, '深圳市民政局', 'then the text is decoded');
  t.equal(report.summary.heading, '一、2021年工作总结');
});

t.test('given a text with nothing readable', async (t) => {
  const file = join(scratch, 'plain.txt');
  writeFileSync(file, '今天天气很好。');
  const { code, stdout, stderr } = await parse(file, '--json');
  t.not(code, 0);
  t.same(stdout, []);
  t.equal(stderr.length, 1, 'then one line');
  t.match(stderr[0], /no_parts_found/, 'then the typed reason');
});

t.test('given an unreadable file', async (t) => {
  const missing = await parse(join(scratch, 'missing.txt'));
  t.not(missing.code, 0);
  t.same(missing.stderr.length, 1);
  t.match(missing.stderr[0], /no such file/);
  const directory = await parse(scratch);
  t.not(directory.code, 0);
  t.match(directory.stderr[0], /not a regular file/);
  const binary = join(scratch, 'binary.txt');
  writeFileSync(binary, Buffer.from([0xff, 0xff, 0xff, 0x00, 0x81]));
  const undecodable = await parse(binary);
  t.not(undecodable.code, 0);
  t.equal(undecodable.stderr.length, 1, 'then one line, no stack trace');
});

t.test('given no file or an unknown option', async (t) => {
  const none = await parse();
  t.equal(none.code, 2);
  t.match(none.stderr[0], /usage/);
  const unknown = await parse(seed, '--yaml');
  t.equal(unknown.code, 2);
});
