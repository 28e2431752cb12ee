/** `plan-ledger history <commitmentId>`: every event of one commitment, one readable line each. */
import type { DomainEvent } from '../../../domain/events/catalog.ts';
import type { Actor } from '../../../domain/events/metadata.ts';
import { streamNames } from '../../../domain/ids.ts';
import { decodeRecordedEvent } from '../../events/event-codec.ts';
import type { Config } from '../../config/config.ts';
import { CliUsageError, cliConfig, parseArgs, cliLogger, openCliStore } from '../cli-options.ts';
import type { CliIo } from '../run-cli.ts';

export const summary = 'show every event of one commitment: time, type, actor and what changed';

const short = (id: string): string => id.slice(0, 12);
const quoted = (text: string): string => `「${text.length > 60 ? `${text.slice(0, 60)}…` : text}」`;

export function describeActor(actor: Actor): string {
  return `${actor.kind}:${actor.id}${actor.version === null ? '' : `@${actor.version}`}`;
}

export function describeEvent(event: DomainEvent): string {
  switch (event.type) {
    case 'CommitmentRecorded': {
      const { organisation, planYear, text, targets, reportId, span } = event.data;
      return `${organisation} plan ${planYear}: ${quoted(text)}, ${targets.length} target(s) [${targets.map((target) => target.text).join(', ')}], report ${short(reportId)} chars ${span[0]}-${span[1]}`;
    }
    case 'EvidenceLinkProposed': {
      const { linkId, outcomeId, targetId, score, method, matchedTerms } = event.data;
      return `link ${short(linkId)} to outcome ${short(outcomeId)} for ${targetId ?? 'the whole task'}, score ${score.toFixed(3)} by ${method.name}@${method.version}, terms: ${matchedTerms.join(', ') || '-'}`;
    }
    case 'EvidenceLinkConfirmed':
    case 'EvidenceLinkRejected':
      return `link ${short(event.data.linkId)}${event.data.reason === '' ? '' : `: ${event.data.reason}`}`;
    case 'CommitmentAssessed':
      return `${event.data.status}: ${event.data.rationale}`;
    case 'CommitmentAmended': {
      const changes = [
        ...(event.data.text === null ? [] : [`text now ${quoted(event.data.text)}`]),
        ...(event.data.targets === null ? [] : [`targets now [${event.data.targets.map((target) => target.text).join(', ')}]`]),
      ];
      return `${changes.join('; ')} (reason: ${event.data.reason})`;
    }
    case 'CommitmentWithdrawn':
      return `reason: ${event.data.reason}`;
    default:
      return JSON.stringify(event.data);
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  const [id, ...extra] = parsed.positional;
  if (id === undefined || extra.length > 0) throw new CliUsageError('usage: plan-ledger history <commitmentId> [--data-dir DIR]');
  const commitmentId: string = id.startsWith('commitment-') ? id.slice('commitment-'.length) : id;
  const config: Config = cliConfig(parsed);
  const logger = cliLogger(config);
  const store = await openCliStore(config, logger);
  try {
    let count = 0;
    for await (const recorded of store.readStream(streamNames.commitment(commitmentId))) {
      const { event, metadata } = decodeRecordedEvent(recorded);
      io.stdout(`${metadata.occurredAt}  #${recorded.revision}  ${event.type}  ${describeActor(metadata.actor)}  ${describeEvent(event)}`);
      count += 1;
    }
    if (count === 0) {
      io.stderr(`plan-ledger history: no commitment ${commitmentId} is recorded`);
      return 1;
    }
    return 0;
  } finally {
    await store.close();
  }
}
