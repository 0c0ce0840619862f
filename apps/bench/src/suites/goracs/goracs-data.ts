import { makeSequentialRecommendation, type SequentialRecommendation } from '@coresets/eval';
import type { GoracsProfile, Scenario } from './goracs-profile.js';

/** Seed of the generator: both scenarios share the item clusters and regimes. */
export const DATA_SEED = 2025;

/**
 * Spec §10's synthetic sequential recommendation: under drift the pool is 70% old regime, 20% new
 * and 10% new-regime histories with random targets; the no-drift control draws the whole pool from
 * the new regime, clean. V_sel (OT target), V_es (early stopping) and test are new and clean, and
 * disjoint.
 */
export function scenarioData(profile: GoracsProfile, scenario: Scenario): SequentialRecommendation {
  return makeSequentialRecommendation({
    numItems: profile.numItems,
    poolSize: profile.poolSize,
    validSelectSize: profile.validSelectSize,
    validEarlyStopSize: profile.validEarlyStopSize,
    testSize: profile.testSize,
    drift: scenario === 'drift',
    seed: DATA_SEED,
  });
}

/** Shares of old-regime and noisy-target samples among `indices`. */
export function originShares(data: SequentialRecommendation, indices: ArrayLike<number>): { old: number; noisy: number } {
  let old = 0;
  let noisy = 0;
  for (let p = 0; p < indices.length; p++) {
    const origin = data.poolOrigin[indices[p]];
    if (origin === 'old') old++;
    else if (origin === 'noisy') noisy++;
  }
  const n = Math.max(1, indices.length);
  return { old: old / n, noisy: noisy / n };
}
