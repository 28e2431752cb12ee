/**
 * What the matching process remembers from the log: per (organisation, year), the commitments recorded for plan
 * year Y and the outcomes recorded for summary year Y, plus every link already proposed or rejected.
 *
 * A group is matched when a report touching it has been ingested completely: ingestion writes the commitment and
 * outcome streams first and the report stream last, so `ReportIngested` marks the moment a plan's or a summary's
 * members are all in. Matching on each member as it arrived would propose from half a document, and what was
 * proposed would then depend on arrival order. Amending a commitment's targets marks its group again.
 */
import type { DomainEvent } from '../../domain/events/catalog.ts';
import type { MatchableCommitment, MatchableOutcome } from '../../domain/matching/propose-evidence.ts';

export function groupKey(organisation: string, year: number): string {
  return `${organisation}\u0000${year}`;
}

export interface MatchingGroup {
  organisation: string;
  year: number;
  commitments: MatchableCommitment[];
  outcomes: MatchableOutcome[];
}

export class MatchingState {
  private readonly commitments = new Map<string, MatchableCommitment>();
  private readonly withdrawn = new Set<string>();
  private readonly outcomes = new Map<string, MatchableOutcome>();
  private readonly commitmentsByGroup = new Map<string, Set<string>>();
  private readonly outcomesByGroup = new Map<string, Set<string>>();
  private readonly groups = new Map<string, { organisation: string; year: number }>();
  private readonly proposed = new Set<string>();
  private readonly rejected = new Set<string>();
  private readonly dirty = new Set<string>();

  /** Folds one event in; returns true when it made a group due for matching. */
  apply(event: DomainEvent): boolean {
    switch (event.type) {
      case 'CommitmentRecorded': {
        const { commitmentId, organisation, planYear } = event.data;
        this.commitments.set(commitmentId, event.data);
        this.member(this.commitmentsByGroup, organisation, planYear, commitmentId);
        return false;
      }
      case 'OutcomeRecorded': {
        const { outcomeId, organisation, summaryYear } = event.data;
        this.outcomes.set(outcomeId, event.data);
        this.member(this.outcomesByGroup, organisation, summaryYear, outcomeId);
        return false;
      }
      case 'ReportIngested': {
        const { organisation, summary, plan } = event.data;
        let due = false;
        for (const year of [summary?.year, plan?.year]) {
          if (year !== undefined) due = this.markDirty(organisation.name, year) || due;
        }
        return due;
      }
      case 'CommitmentAmended': {
        const commitment = this.commitments.get(event.data.commitmentId);
        if (commitment === undefined) return false;
        this.commitments.set(commitment.commitmentId, {
          ...commitment,
          text: event.data.text ?? commitment.text,
          targets: event.data.targets ?? commitment.targets,
        });
        return this.markDirty(commitment.organisation, commitment.planYear);
      }
      case 'CommitmentWithdrawn':
        this.withdrawn.add(event.data.commitmentId);
        return false;
      case 'EvidenceLinkProposed':
        this.proposed.add(event.data.linkId);
        return false;
      case 'EvidenceLinkRejected':
        this.rejected.add(event.data.linkId);
        return false;
      default:
        return false;
    }
  }

  /** Whether a link should not be proposed: it exists already, or a reviewer rejected it. */
  isKnownLink(linkId: string): boolean {
    return this.proposed.has(linkId) || this.rejected.has(linkId);
  }

  isWithdrawn(commitmentId: string): boolean {
    return this.withdrawn.has(commitmentId);
  }

  /** The groups due for matching that have both commitments and outcomes; clears the due marks. */
  takeDueGroups(): MatchingGroup[] {
    const due: MatchingGroup[] = [];
    for (const key of [...this.dirty].sort()) {
      const group = this.groups.get(key);
      const commitmentIds = this.commitmentsByGroup.get(key);
      const outcomeIds = this.outcomesByGroup.get(key);
      if (group === undefined || commitmentIds === undefined || outcomeIds === undefined) continue;
      due.push({
        ...group,
        commitments: [...commitmentIds].flatMap((id) => {
          const commitment = this.commitments.get(id);
          return commitment === undefined || this.withdrawn.has(id) ? [] : [commitment];
        }),
        outcomes: [...outcomeIds].flatMap((id) => {
          const outcome = this.outcomes.get(id);
          return outcome === undefined ? [] : [outcome];
        }),
      });
    }
    this.dirty.clear();
    return due;
  }

  private markDirty(organisation: string, year: number): boolean {
    const key = groupKey(organisation, year);
    this.groups.set(key, { organisation, year });
    this.dirty.add(key);
    return true;
  }

  private member(index: Map<string, Set<string>>, organisation: string, year: number, id: string): void {
    const key = groupKey(organisation, year);
    this.groups.set(key, { organisation, year });
    let members = index.get(key);
    if (members === undefined) {
      members = new Set();
      index.set(key, members);
    }
    members.add(id);
  }
}
