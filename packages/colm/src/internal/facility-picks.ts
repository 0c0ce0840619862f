import { pairwiseDistances, type Matrix } from '@coresets/core';
import { selectFacilityLocation } from '@coresets/submodular';
import type { ColmDistance } from '../colm-options.js';

export interface FacilityPicks {
  /** Local row indices, pick order. */
  readonly picks: Int32Array;
  readonly gains: Float64Array;
  /** CRAIG cluster sizes, parallel to `picks`. */
  readonly clusterSizes: Float64Array;
}

const METRIC = { l1: 'l1', l2: 'euclidean', cosine: 'cosine' } as const;

/**
 * Greedy facility location on one source's masked rows with S = max(D) − D, the max taken over
 * this source's distance matrix (colm.md §2 step 6).
 */
export function facilityPicks(
  features: Matrix<Float64Array>,
  budget: number,
  distance: ColmDistance,
  optimizer: 'lazy' | 'naive',
): FacilityPicks {
  if (budget === 0) {
    return {
      picks: new Int32Array(0),
      gains: new Float64Array(0),
      clusterSizes: new Float64Array(0),
    };
  }
  const d = pairwiseDistances(features, undefined, { metric: METRIC[distance] });
  let max = 0;
  for (const v of d.data) if (v > max) max = v;
  const s = d.data;
  for (let i = 0; i < s.length; i++) s[i] = max - s[i];
  const result = selectFacilityLocation({ similarity: d }, { budget, optimizer, dtype: 'float64' });
  return { picks: result.indices, gains: result.gains, clusterSizes: result.weights };
}
