/**
 * One-to-one matching of gold items to predicted items: each gold item, in order, takes the first predicted item
 * not yet taken that agrees with it. The agreements scored here (same text prefix, same figure) are near
 * equivalences, for which this greedy pass finds a largest matching.
 */
export interface OneToOneMatching {
  /** For each gold index, the predicted index matched to it, or null. */
  predictedForGold: (number | null)[];
  /** Predicted indexes no gold item took, in order. */
  unmatchedPredicted: number[];
  matchedCount: number;
}

export function matchOneToOne<G, P>(gold: readonly G[], predicted: readonly P[], agrees: (gold: G, predicted: P) => boolean): OneToOneMatching {
  const taken = new Set<number>();
  const predictedForGold = gold.map((goldItem) => {
    const index = predicted.findIndex((predictedItem, candidate) => !taken.has(candidate) && agrees(goldItem, predictedItem));
    if (index === -1) return null;
    taken.add(index);
    return index;
  });
  const unmatchedPredicted = predicted.map((_, index) => index).filter((index) => !taken.has(index));
  return { predictedForGold, unmatchedPredicted, matchedCount: taken.size };
}
