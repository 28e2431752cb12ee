/**
 * Reader throughput: `readReport` over every sample text (the seeds and the pair reports), in MB/s of UTF-8 input,
 * next to a reference measured in the same run on the same texts: one pass of a single compiled regular expression
 * (the enumeration markers and numbers a reader has to find at least). Aim: ≥ 5 MB/s and within 10× of the reference.
 *
 * Also prints how the time grows with input size (1 MB vs 5 MB of concatenated reports): about 5× means linear.
 *
 * Times are CPU time of this process (process.cpuUsage), and the passes take turns in several short samples, each
 * pass keeping its best: on a machine shared with other work, wall time and one long run per pass measure the
 * neighbours as much as the code, and a ratio of two runs made at different moments drifts with their load.
 *
 *   node --import tsx bench/reader.bench.ts [--seconds N]
 */
import { readReport, READER_VERSION } from '../domain/reader/read-report.ts';
import { readReportWith } from '../domain/reader/read-report-with.ts';
import { sampleTexts } from './sample-reports.ts';

const AIM_MB_PER_SECOND = 5;
const AIM_RATIO = 10;
const REFERENCE = /(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[)）]|\d+(?:\.\d+)?(?:万|亿)?[%％个人家元])/g;

const SAMPLES = 6;

function cpuMilliseconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

interface Throughput {
  /** The best sample's MB/s of UTF-8 input per CPU second. */
  mbPerSecond: number;
  /** Rounds over all texts, all samples together. */
  rounds: number;
}

/** One sample: `pass` over all texts repeatedly for about `milliseconds` of CPU time (3 rounds at least). */
function sample(texts: readonly string[], milliseconds: number, pass: (text: string) => number): { mbPerSecond: number; rounds: number } {
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  let sink = 0;
  let rounds = 0;
  const started = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < milliseconds || rounds < 3) {
    for (const text of texts) sink += pass(text);
    rounds++;
    elapsed = cpuMilliseconds(started);
  }
  if (sink < 0) throw new Error('unreachable: keeps the work observable');
  return { mbPerSecond: (bytes * rounds) / 1e6 / (elapsed / 1000), rounds };
}

/** Every pass warmed up, then the passes take turns for SAMPLES samples of `seconds / SAMPLES` each. */
function throughputs<Name extends string>(
  texts: readonly string[],
  seconds: number,
  passes: Readonly<Record<Name, (text: string) => number>>,
): Record<Name, Throughput> {
  const names = Object.keys(passes) as Name[];
  const results = {} as Record<Name, Throughput>;
  for (const name of names) {
    for (const text of texts) passes[name](text);
    results[name] = { mbPerSecond: 0, rounds: 0 };
  }
  for (let turn = 0; turn < SAMPLES; turn++) {
    for (const name of names) {
      const measured = sample(texts, (seconds * 1000) / SAMPLES, passes[name]);
      results[name] = {
        mbPerSecond: Math.max(results[name].mbPerSecond, measured.mbPerSecond),
        rounds: results[name].rounds + measured.rounds,
      };
    }
  }
  return results;
}

function concatenated(texts: readonly string[], characters: number): string {
  let text = '';
  for (let i = 0; text.length < characters; i++) text += texts[i % texts.length]! + '\n';
  return text;
}

/** Best of three runs (CPU time) on 1 M and 5 M characters of concatenated reports. */
function sizeScaling(texts: readonly string[]): { smallMs: number; largeMs: number } {
  const time = (text: string): number => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = process.cpuUsage();
      readerPass(text);
      best = Math.min(best, cpuMilliseconds(started));
    }
    return best;
  };
  return { smallMs: time(concatenated(texts, 1_000_000)), largeMs: time(concatenated(texts, 5_000_000)) };
}

function readerPass(text: string): number {
  const result = readReport(text);
  return result.ok ? (result.report.plan?.commitments.length ?? 0) + (result.report.summary?.outcomes.length ?? 0) : 0;
}

/** The reader's own structure work, with number extraction (domain/reader/quantities) left out, to show the split. */
const WITHOUT_NUMBERS = { extractQuantities: () => [], extractTargets: () => [] };
function structurePass(text: string): number {
  const result = readReportWith(text, WITHOUT_NUMBERS);
  return result.ok ? (result.report.plan?.commitments.length ?? 0) : 0;
}

function referencePass(text: string): number {
  let count = 0;
  REFERENCE.lastIndex = 0;
  while (REFERENCE.exec(text) !== null) count++;
  return count;
}

const secondsFlag = process.argv.indexOf('--seconds');
const seconds = secondsFlag === -1 ? 3 : Number(process.argv[secondsFlag + 1] ?? 3);
const texts = sampleTexts();
const totalBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
const { reference, reader, structure } = throughputs(texts, seconds, {
  reference: referencePass,
  reader: readerPass,
  structure: structurePass,
});
const ratio = reference.mbPerSecond / reader.mbPerSecond;
const scaling = sizeScaling(texts);
const lines = [
  `reader benchmark (${READER_VERSION}): ${texts.length} texts, ${(totalBytes / 1e6).toFixed(3)} MB UTF-8 per round; ` +
    `MB per CPU second, best of ${SAMPLES} alternating samples`,
  `reference, one compiled regex pass: ${reference.mbPerSecond.toFixed(1)} MB/s (${reference.rounds} rounds)`,
  `readReport:                         ${reader.mbPerSecond.toFixed(1)} MB/s (${reader.rounds} rounds)`,
  `ratio reference / reader:           ${ratio.toFixed(1)}×`,
  `  of which structure only (numbers left out): ${structure.mbPerSecond.toFixed(1)} MB/s, ratio ${(reference.mbPerSecond / structure.mbPerSecond).toFixed(1)}×`,
  `size scaling: 1 MB in ${scaling.smallMs.toFixed(0)} ms, 5 MB in ${scaling.largeMs.toFixed(0)} ms → ×${(scaling.largeMs / scaling.smallMs).toFixed(1)} for ×5 input`,
  `aims: ≥ ${AIM_MB_PER_SECOND} MB/s ${reader.mbPerSecond >= AIM_MB_PER_SECOND ? 'met' : 'NOT met'}; within ${AIM_RATIO}× ${ratio <= AIM_RATIO ? 'met' : 'NOT met'}`,
];
process.stdout.write(lines.join('\n') + '\n');
