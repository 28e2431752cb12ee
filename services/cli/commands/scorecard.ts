/**
 * `plan-ledger scorecard --org NAME --year Y [--as-of TIME|POSITION] [--json]`
 * The organisation's commitments for a plan year counted by status per area, with the follow-through rate
 * (achieved ÷ assessable), after catching the matcher and the projector up to the log's head.
 */
import { EXIT_USAGE, type CliIo } from '../run-cli.ts';
import { CliUsageError, cliConfig, parseArgs, stringFlag, type ParsedArgs, cliLogger } from '../cli-options.ts';
import type { Config } from '../../config/config.ts';
import { getScorecard, scorecardKeys, type ScorecardView } from '../../read-models/scorecard-queries.ts';
import { InvalidAsOf, parseAsOf, readModelsAsOfOrganisation } from '../../projector/as-of.ts';
import { catchUpReadSide, openReadSide } from '../../projector/read-side.ts';
import { commitmentStatusSchema } from '../../../domain/events/commitment-events.ts';

export const summary = "an organisation's scorecard for a plan year, by area (--org, --year, --as-of, --json)";

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ParsedArgs;
  let organisation: string;
  let year: number;
  let asOf: ReturnType<typeof parseAsOf> | null;
  let config: Config;
  try {
    parsed = parseArgs(args, ['json']);
    const org = stringFlag(parsed, 'org');
    const yearToken = stringFlag(parsed, 'year');
    if (org === undefined || yearToken === undefined) throw new CliUsageError('needs --org NAME and --year Y');
    if (!/^\d{4}$/.test(yearToken)) throw new CliUsageError(`--year ${JSON.stringify(yearToken)} is not a year`);
    organisation = org;
    year = Number(yearToken);
    const asOfToken = stringFlag(parsed, 'as-of');
    asOf = asOfToken === undefined ? null : parseAsOf(asOfToken);
    config = cliConfig(parsed);
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof InvalidAsOf) {
      io.stderr(`plan-ledger scorecard: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const logger = cliLogger(config);
  const readSide = await openReadSide(config, logger);
  try {
    await catchUpReadSide(readSide, logger);
    let scorecard: ScorecardView | null;
    if (asOf === null) scorecard = getScorecard(readSide.db, organisation, year);
    else {
      const past = await readModelsAsOfOrganisation(readSide.store, readSide.db, asOf, organisation, { logger });
      try {
        scorecard = getScorecard(past.db, organisation, year);
      } finally {
        past.close();
      }
    }
    if (scorecard === null) {
      const known = scorecardKeys(readSide.db, organisation).map((key) => key.year);
      io.stderr(
        `plan-ledger scorecard: no commitments of ${organisation} for ${year}${asOf === null ? '' : ' as of then'}` +
          (known.length === 0 ? ' (no plan of this organisation is recorded)' : ` (plan years recorded: ${known.join(', ')})`),
      );
      return 1;
    }
    if (parsed.flags.get('json') === true) io.stdout(JSON.stringify(scorecard, null, 2));
    else printTable(scorecard, io);
    return 0;
  } finally {
    await readSide.close();
  }
}

const COLUMNS: ReadonlyArray<[string, (typeof commitmentStatusSchema.options)[number]]> = [
  ['ach', 'achieved'],
  ['part', 'partially_achieved'],
  ['prog', 'in_progress'],
  ['not', 'not_achieved'],
  ['none', 'no_evidence'],
  ['pend', 'pending'],
  ['wdr', 'withdrawn'],
];

function printTable(scorecard: ScorecardView, io: CliIo): void {
  io.stdout(`${scorecard.organisation} — plan ${scorecard.year}`);
  io.stdout([...COLUMNS.map(([label]) => label.padStart(4)), 'total'.padStart(5), 'rate'.padStart(6), ' AREA'].join(' '));
  const line = (row: Omit<ScorecardView['total'], never>, area: string): string =>
    [
      ...COLUMNS.map(([, status]) => String(row.counts[status]).padStart(4)),
      String(row.total).padStart(5),
      (row.followThroughRate === null ? '—' : `${(row.followThroughRate * 100).toFixed(0)}%`).padStart(6),
      ` ${area}`,
    ].join(' ');
  for (const row of scorecard.areas) io.stdout(line(row, row.area ?? '(no area)'));
  io.stdout(line(scorecard.total, 'TOTAL'));
  io.stdout('rate = achieved ÷ assessable (assessable: not pending, not withdrawn)');
}
