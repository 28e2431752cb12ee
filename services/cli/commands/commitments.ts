/**
 * `plan-ledger commitments [--org NAME] [--year Y] [--status S] [--area A] [--text T] [--as-of TIME|POSITION] [--json]`
 * Commitments with status, reason, carried-over flag, targets and evidence, after catching the matcher and the
 * projector up to the log's head. `--json` prints the contract array; without it, a readable table.
 */
import { EXIT_USAGE, type CliIo } from '../run-cli.ts';
import { CliUsageError, cliConfig, parseArgs, stringFlag, type ParsedArgs, cliLogger } from '../cli-options.ts';
import { allCommitments, type CommitmentFilter, type CommitmentView } from '../../read-models/commitment-queries.ts';
import { parseStatus, STATUS_NAMES } from '../../read-models/status-filter.ts';
import { InvalidAsOf, parseAsOf, readModelsAsOf, readModelsAsOfOrganisation } from '../../projector/as-of.ts';
import { catchUpReadSide, openReadSide } from '../../projector/read-side.ts';

export const summary = 'list commitments with status, targets and evidence (--org, --year, --status, --as-of, --json)';

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ParsedArgs;
  let filter: CommitmentFilter;
  let asOf: ReturnType<typeof parseAsOf> | null;
  try {
    parsed = parseArgs(args, ['json']);
    filter = filterOf(parsed);
    const asOfToken = stringFlag(parsed, 'as-of');
    asOf = asOfToken === undefined ? null : parseAsOf(asOfToken);
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof InvalidAsOf) {
      io.stderr(`plan-ledger commitments: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const config = cliConfigOrUsage(parsed, io);
  if (config === null) return EXIT_USAGE;
  const logger = cliLogger(config);
  const readSide = await openReadSide(config, logger);
  try {
    await catchUpReadSide(readSide, logger);
    let commitments: CommitmentView[];
    if (asOf === null) commitments = allCommitments(readSide.db, filter);
    else {
      const past =
        filter.organisation === undefined
          ? await readModelsAsOf(readSide.store, asOf, { logger })
          : await readModelsAsOfOrganisation(readSide.store, readSide.db, asOf, filter.organisation, { logger });
      try {
        commitments = allCommitments(past.db, filter);
      } finally {
        past.close();
      }
    }
    if (parsed.flags.get('json') === true) io.stdout(JSON.stringify(commitments.map(contractShape), null, 2));
    else printTable(commitments, io);
    return 0;
  } finally {
    await readSide.close();
  }
}

function filterOf(parsed: ParsedArgs): CommitmentFilter {
  const filter: CommitmentFilter = {};
  const organisation = stringFlag(parsed, 'org');
  if (organisation !== undefined) filter.organisation = organisation;
  const year = stringFlag(parsed, 'year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new CliUsageError(`--year ${JSON.stringify(year)} is not a year`);
    filter.planYear = Number(year);
  }
  const status = stringFlag(parsed, 'status');
  if (status !== undefined) {
    const known = parseStatus(status);
    if (known === null) throw new CliUsageError(`--status ${JSON.stringify(status)} is not one of ${STATUS_NAMES.join(', ')}`);
    filter.status = known;
  }
  const area = stringFlag(parsed, 'area');
  if (area !== undefined) filter.area = area;
  const text = stringFlag(parsed, 'text');
  if (text !== undefined) filter.text = text;
  return filter;
}

function cliConfigOrUsage(parsed: ParsedArgs, io: CliIo): ReturnType<typeof cliConfig> | null {
  try {
    return cliConfig(parsed);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr(`plan-ledger commitments: ${error.message}`);
    return null;
  }
}

/** The `commitments --json` contract: exactly these members. */
function contractShape(commitment: CommitmentView) {
  return {
    id: commitment.id,
    organisation: commitment.organisation,
    planYear: commitment.planYear,
    area: commitment.area,
    text: commitment.text,
    status: commitment.status,
    reason: commitment.reason,
    carriedOver: commitment.carriedOver,
    targets: commitment.targets.map((target) => ({
      text: target.text,
      min: target.min,
      max: target.max,
      unit: target.unit,
      comparator: target.comparator,
      direction: target.direction,
      status: target.status,
      actual: target.actual,
    })),
    evidence: commitment.evidence.map((link) => ({
      outcomeText: link.outcomeText,
      span: link.span,
      score: link.score,
      method: link.method,
      state: link.state,
    })),
  };
}

function printTable(commitments: readonly CommitmentView[], io: CliIo): void {
  if (commitments.length === 0) {
    io.stdout('no commitments match');
    return;
  }
  io.stdout(['STATUS'.padEnd(18), 'CO', 'YEAR', 'ORGANISATION'.padEnd(14), 'TGT', 'EVD', 'COMMITMENT'].join(' '));
  for (const c of commitments) {
    io.stdout(
      [
        c.status.padEnd(18),
        c.carriedOver ? '↻ ' : '  ',
        String(c.planYear),
        clip(c.organisation, 14).padEnd(14),
        String(c.targets.length).padStart(3),
        String(c.evidence.filter((link) => link.state !== 'rejected').length).padStart(3),
        clip(c.text, 60),
      ].join(' '),
    );
  }
  const counts = new Map<string, number>();
  for (const c of commitments) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  io.stdout(`${commitments.length} commitment(s): ${[...counts].map(([status, n]) => `${status} ${n}`).join(', ')}`);
}

function clip(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1)}…`;
}
