/**
 * `plan-ledger parse <file> [--json]`: reads one report text and prints what the reader finds in it — the
 * ParsedReport contract as JSON with `--json`, otherwise a short summary. An unreadable file or a text with nothing
 * readable is one line on stderr and a non-zero exit.
 */
import { readFile, stat } from 'node:fs/promises';
import type { CliIo } from '../run-cli.ts';
import { CliUsageError, parseArgs } from '../cli-options.ts';
import type { ParsedReport } from '../../../domain/reader/parsed-report.ts';
import { READER_VERSION, readReport } from '../../../domain/reader/read-report.ts';

export const summary = 'read one report text and print its organisation, parts, commitments and outcomes (--json for the contract)';

const EXIT_UNREADABLE = 1;
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['json']);
  const [first, ...others] = parsed.positional;
  if (first === undefined || others.length > 0) throw new CliUsageError('usage: plan-ledger parse <file> [--json]');
  const unknown = [...parsed.flags.keys()].filter((flag) => flag !== 'json');
  if (unknown.length > 0) throw new CliUsageError(`unknown option --${unknown[0]}`);
  const file: string = first;
  const json: boolean = parsed.flags.get('json') === true;
  const text = await readText(file);
  if (!text.ok) {
    io.stderr(`plan-ledger parse: ${file}: ${text.message}`);
    return EXIT_UNREADABLE;
  }
  const result = readReport(text.text);
  if (!result.ok) {
    io.stderr(`plan-ledger parse: ${file}: ${result.error.reason}: ${result.error.message}`);
    return EXIT_UNREADABLE;
  }
  if (json) io.stdout(JSON.stringify(result.report, null, 2));
  else for (const line of humanSummary(result.report)) io.stdout(line);
  return 0;
}

type TextRead = { ok: true; text: string } | { ok: false; message: string };

async function readText(file: string): Promise<TextRead> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, message: 'not a regular file' };
    if (info.size > MAX_FILE_BYTES) return { ok: false, message: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})` };
  }
  return decode(bytes);
}

/** UTF-8 (with or without BOM) or, as Chinese government sites often serve, GB18030. */
function decode(bytes: Buffer): TextRead {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes) };
    } catch {
      // try the next encoding
    }
  }
  return { ok: false, message: 'not UTF-8 or GB18030 text' };
}

function humanSummary(report: ParsedReport): string[] {
  const lines = [
    `reader:        ${READER_VERSION}`,
    `organisation:  ${report.organisation.name}  (from “${report.organisation.evidence}”)`,
    `published:     ${report.publishedAt ?? '—'}`,
    `title:         ${report.title ?? '—'}`,
  ];
  const { summary: review, plan } = report;
  if (review === null) lines.push('summary part:  —');
  else {
    const multiYear = review.outcomes.filter((outcome) => !outcome.aboutSummaryYear).length;
    const quantities = review.outcomes.reduce((sum, outcome) => sum + outcome.quantities.length, 0);
    lines.push(
      `summary part:  ${review.year}  ${review.heading ?? '(no heading)'}  — ${review.outcomes.length} outcomes` +
        `${multiYear > 0 ? ` (${multiYear} about a longer period)` : ''}, ${quantities} quantities`,
    );
  }
  if (plan === null) lines.push('plan part:     —');
  else {
    const targets = plan.commitments.reduce((sum, commitment) => sum + commitment.targets.length, 0);
    lines.push(`plan part:     ${plan.year}  ${plan.heading ?? '(no heading)'}  — ${plan.commitments.length} commitments, ${targets} targets`);
    let area: string | null | undefined;
    for (const commitment of plan.commitments) {
      if (commitment.area !== area) {
        area = commitment.area;
        lines.push(`  ${area ?? '(no area)'}`);
      }
      const text = commitment.text.length > 40 ? `${commitment.text.slice(0, 40)}…` : commitment.text;
      const targetTexts = commitment.targets.map((target) => target.text).join('、');
      lines.push(`    ${commitment.marker ?? '·'} ${text}${targetTexts === '' ? '' : `  [${targetTexts}]`}`);
    }
  }
  return lines;
}
