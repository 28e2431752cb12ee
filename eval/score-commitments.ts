/**
 * Commitment and target precision/recall of one plan part against the seeds' gold.
 * A predicted commitment matches a gold one when its text starts with the gold `startsWith`; targets are matched
 * only inside matched commitments, so the targets of unmatched commitments count as misses or false alarms.
 */
import type { Commitment, PlanPart } from '../domain/reader/parsed-report.ts';
import type { GoldCommitment, GoldSeedTarget } from './gold-schema.ts';
import { matchOneToOne } from './match-one-to-one.ts';
import { sameLine } from './same-figure.ts';
import { targetAgrees } from './target-agreement.ts';
import { precisionRecall, tally, type PrecisionRecall, type Tally } from './tally.ts';

export interface TargetMiss {
  /** The gold `startsWith` of the commitment the target belongs to. */
  commitment: string;
  target: GoldSeedTarget;
  /** Whether the reader found the commitment at all. */
  commitmentFound: boolean;
}

export interface TargetFalseAlarm {
  commitment: string;
  target: { text: string; min: number; max: number; unit: string };
  commitmentMatched: boolean;
}

export interface AreaMismatch {
  commitment: string;
  expected: string | null;
  predicted: string | null;
}

export interface CommitmentScore {
  commitments: PrecisionRecall;
  /** Of the matched commitments, how many carry the gold area. */
  sameArea: Tally;
  targets: PrecisionRecall;
  missedCommitments: string[];
  extraCommitments: string[];
  areaMismatches: AreaMismatch[];
  missedTargets: TargetMiss[];
  falseAlarmTargets: TargetFalseAlarm[];
}

export function commitmentStartsWith(gold: GoldCommitment, predicted: Commitment): boolean {
  return predicted.text.trimStart().startsWith(gold.startsWith);
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 24 ? `${trimmed.slice(0, 24)}…` : trimmed;
}

export function scoreCommitments(gold: readonly GoldCommitment[], plan: PlanPart | null): CommitmentScore {
  const predicted = plan?.commitments ?? [];
  const matching = matchOneToOne(gold, predicted, commitmentStartsWith);
  const missedCommitments: string[] = [];
  const areaMismatches: AreaMismatch[] = [];
  const missedTargets: TargetMiss[] = [];
  const falseAlarmTargets: TargetFalseAlarm[] = [];
  let sameAreaCount = 0;
  let matchedTargets = 0;

  gold.forEach((goldCommitment, goldIndex) => {
    const predictedIndex = matching.predictedForGold[goldIndex] ?? null;
    const match = predictedIndex === null ? undefined : predicted[predictedIndex];
    if (match === undefined) {
      missedCommitments.push(goldCommitment.startsWith);
      for (const target of goldCommitment.targets) {
        missedTargets.push({ commitment: goldCommitment.startsWith, target, commitmentFound: false });
      }
      return;
    }
    if (sameLine(goldCommitment.area, match.area)) sameAreaCount++;
    else areaMismatches.push({ commitment: goldCommitment.startsWith, expected: goldCommitment.area, predicted: match.area });

    const targetMatching = matchOneToOne(goldCommitment.targets, match.targets, targetAgrees);
    matchedTargets += targetMatching.matchedCount;
    goldCommitment.targets.forEach((target, targetIndex) => {
      if (targetMatching.predictedForGold[targetIndex] === null) {
        missedTargets.push({ commitment: goldCommitment.startsWith, target, commitmentFound: true });
      }
    });
    for (const extraIndex of targetMatching.unmatchedPredicted) {
      const extra = match.targets[extraIndex];
      if (extra !== undefined) falseAlarmTargets.push({ commitment: goldCommitment.startsWith, target: extra, commitmentMatched: true });
    }
  });

  const extraCommitments: string[] = [];
  for (const extraIndex of matching.unmatchedPredicted) {
    const extra = predicted[extraIndex];
    if (extra === undefined) continue;
    extraCommitments.push(excerpt(extra.text));
    for (const target of extra.targets) {
      falseAlarmTargets.push({ commitment: excerpt(extra.text), target, commitmentMatched: false });
    }
  }

  const goldTargetCount = gold.reduce((sum, commitment) => sum + commitment.targets.length, 0);
  const predictedTargetCount = predicted.reduce((sum, commitment) => sum + commitment.targets.length, 0);
  return {
    commitments: precisionRecall(matching.matchedCount, predicted.length, gold.length),
    sameArea: tally(sameAreaCount, matching.matchedCount),
    targets: precisionRecall(matchedTargets, predictedTargetCount, goldTargetCount),
    missedCommitments,
    extraCommitments,
    areaMismatches,
    missedTargets,
    falseAlarmTargets,
  };
}
