/**
 * Quantity and target extraction throughput over every sample text (seeds and pair reports), in MB/s of UTF-8 input,
 * next to a reference measured in the same run: one pass of a single compiled regular expression for number phrases.
 * Then the scaling on adversarial inputs (numeral runs, dashes, unbalanced quotes) at 100k and 1M characters: a
 * linear scanner takes about 10× as long for 10× the input. Times are CPU time (process.cpuUsage), steadier than wall
 * time on a shared machine.
 *
 *   node --import tsx bench/quantities.bench.ts [--seconds N]
 */
import { extractQuantities, extractTargets } from '../domain/reader/quantities/index.ts';
import { sampleTexts } from './sample-reports.ts';

const REFERENCE = /(?:约|近|超过)?\d+(?:\.\d+)?(?:余|多)?(?:万亿|亿|万|千)?(?:余|多)?(?:人次|[%％个人家元名户件期])(?:以上|左右|以内)?/g;

function secondsOption(): number {
  const at = process.argv.indexOf('--seconds');
  const value = at === -1 ? NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : 2;
}

/** Runs `pass` over all texts for about `seconds` of CPU time; returns MB/s of UTF-8 input per CPU second. */
function throughput(texts: readonly string[], seconds: number, pass: (text: string) => number): number {
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  let sink = 0;
  for (const text of texts) sink += pass(text);
  let rounds = 0;
  const started = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < seconds * 1000 || rounds < 3) {
    for (const text of texts) sink += pass(text);
    rounds++;
    const used = process.cpuUsage(started);
    elapsed = (used.user + used.system) / 1000;
  }
  if (sink < 0) throw new Error('unreachable');
  return (bytes * rounds) / (elapsed / 1000) / 1e6;
}

/** CPU time of one run after a warm-up: on a shared machine it varies far less than wall time. */
function millisecondsFor(run: () => unknown): number {
  run();
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const texts = sampleTexts();
const seconds = secondsOption();
const reference = throughput(texts, seconds, (text) => text.match(REFERENCE)?.length ?? 0);
const quantities = throughput(texts, seconds, (text) => extractQuantities(text, 0).length);
const targets = throughput(texts, seconds, (text) => extractTargets(text, 0).length);
console.log(`sample texts: ${texts.length}, ${(texts.reduce((n, text) => n + text.length, 0) / 1000).toFixed(0)}k chars`);
console.log(`reference regex      ${reference.toFixed(1)} MB/s`);
console.log(`extractQuantities    ${quantities.toFixed(1)} MB/s  (reference/this = ${(reference / quantities).toFixed(1)}×)`);
console.log(`extractTargets       ${targets.toFixed(1)} MB/s  (reference/this = ${(reference / targets).toFixed(1)}×)`);

const adversarial: Record<string, (size: number) => string> = {
  'digit run': (size) => '9'.repeat(size),
  'numeral run': (size) => '一二三四五六七八九十'.repeat(size / 10),
  'dashes': (size) => '1-'.repeat(size / 2),
  'unbalanced quotes': (size) => '“1个'.repeat(size / 3),
  'dense figures': (size) => '发放低保金904.1082万元，'.repeat(size / 16),
};
for (const [name, make] of Object.entries(adversarial)) {
  const small = make(100_000);
  const large = make(1_000_000);
  const smallMs = millisecondsFor(() => extractTargets(small, 0));
  const largeMs = millisecondsFor(() => extractTargets(large, 0));
  const smallRef = millisecondsFor(() => small.match(REFERENCE));
  console.log(
    `${name.padEnd(18)} 100k: ${smallMs.toFixed(1)} ms  1M: ${largeMs.toFixed(1)} ms  ` +
      `scaling ${(largeMs / smallMs).toFixed(1)}× (linear ≈ 10×)  reference 100k: ${smallRef.toFixed(1)} ms`,
  );
}
