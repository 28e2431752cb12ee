/**
 * `plan-ledger ingest <file|dir>... [--org NAME]`: ingests report texts (a folder means its `.txt` files), one
 * progress line per file and a summary. A rejected file does not stop the others; it makes the exit code 1.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingestReports, type IngestionResult } from '../../ingestion/ingest-report.ts';
import type { Config } from '../../config/config.ts';
import { CliUsageError, cliConfig, parseArgs, stringFlag, cliLogger, openCliStore } from '../cli-options.ts';
import type { CliIo } from '../run-cli.ts';

export const summary = 'ingest report texts (files or folders of .txt): ingest <file|dir>... [--org NAME]';

type FileText = { ok: true; text: string } | { ok: false; message: string };
type IngestReportInput = { type: 'IngestReport'; text: string; sourceUri: string; organisationHint: string | null };

/** Files read and ingested together; their progress lines appear group by group. */
const FILES_PER_GROUP = 16;

async function filesOf(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory() !== true) return [target];
  return (await readdir(target))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(target, name));
}

async function readUtf8(file: string): Promise<FileText> {
  try {
    const bytes = await readFile(file);
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, message: 'not UTF-8 text' };
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error) };
  }
}

function describeSuccess(result: Extract<IngestionResult, { ok: true }>): string {
  const parts = [
    ...(result.years.summary === null ? [] : [`summary ${result.years.summary} (${result.outcomesFound} outcomes)`]),
    ...(result.years.plan === null ? [] : [`plan ${result.years.plan} (${result.commitmentsFound} commitments)`]),
  ];
  return `${result.organisation}, ${parts.join(', ')}, report ${result.reportId.slice(0, 12)}`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.positional.length === 0) throw new CliUsageError('usage: plan-ledger ingest <file|dir>... [--org NAME] [--data-dir DIR]');
  const targets: string[] = parsed.positional;
  const organisationHint: string | null = stringFlag(parsed, 'org') ?? null;
  const config: Config = cliConfig(parsed);
  const logger = cliLogger(config);
  const store = await openCliStore(config, logger);
  const tally = { ingested: 0, already: 0, rejected: 0 };
  const report = (file: string, result: IngestionResult): void => {
    if (!result.ok) {
      tally.rejected += 1;
      io.stderr(`rejected ${file}: ${result.error.message}`);
    } else if (result.alreadyIngested) {
      tally.already += 1;
      io.stdout(`already ingested ${file}: ${describeSuccess(result)}`);
    } else {
      tally.ingested += 1;
      io.stdout(`ingested ${file}: ${describeSuccess(result)}`);
    }
  };
  // Files go in groups: on the embedded store a group is one transaction, much faster than one per file.
  let group: Array<{ file: string; input: IngestReportInput }> = [];
  const flush = async (): Promise<void> => {
    if (group.length === 0) return;
    const results = await ingestReports({ store, clock: () => new Date(), logger }, group.map(({ input }) => input), { documentsPerTransaction: FILES_PER_GROUP });
    group.forEach(({ file }, index) => report(file, results[index] ?? { ok: false, error: { code: 'invalid_command', message: 'not ingested' } }));
    group = [];
  };
  try {
    for (const target of targets) {
      for (const file of await filesOf(target)) {
        const read = await readUtf8(file);
        if (!read.ok) {
          await flush();
          report(file, { ok: false, error: { code: 'invalid_command', message: read.message } });
          continue;
        }
        group.push({ file, input: { type: 'IngestReport', text: read.text, sourceUri: pathToFileURL(path.resolve(file)).href, organisationHint } });
        if (group.length === FILES_PER_GROUP) await flush();
      }
    }
    await flush();
  } finally {
    await store.close();
  }
  const files = tally.ingested + tally.already + tally.rejected;
  io.stdout(`${files} file(s): ${tally.ingested} ingested, ${tally.already} already ingested, ${tally.rejected} rejected`);
  return tally.rejected > 0 ? 1 : 0;
}
