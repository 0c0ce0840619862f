import { checkSet } from './internal/check-set.js';
import type { FacilityKernel } from './kernels/facility-kernel.js';

/**
 * CRAIG cluster weights: weight[t] = how many represented elements have `picks[t]` as their most
 * similar pick, ties going to the earliest pick. Parallel to `picks`; the weights sum to |V|.
 * Elements similar to no pick (all-zero sparse rows) count toward the first pick, as they would
 * in the dense matrix where every pick ties at 0.
 */
export function clusterWeights(kernel: FacilityKernel, picks: ArrayLike<number>): Float64Array {
  checkSet(picks, kernel.candidates, 'picks');
  const k = picks.length;
  const weights = new Float64Array(k);
  const m = kernel.represented;
  if (k === 0) return weights;
  const best = new Float64Array(m);
  const owner = new Int32Array(m);
  if (kernel.kind === 'dense') {
    const data = kernel.data;
    best.fill(-Infinity);
    for (let t = 0; t < k; t++) {
      const base = picks[t] * m;
      for (let i = 0; i < m; i++) {
        const s = data[base + i];
        if (s > best[i]) {
          best[i] = s;
          owner[i] = t;
        }
      }
    }
  } else {
    // Missing entries are 0, so everyone starts owned by the first pick at similarity 0.
    const { colptr, rowIndices, values } = kernel;
    for (let t = 0; t < k; t++) {
      const e = picks[t];
      for (let p = colptr[e]; p < colptr[e + 1]; p++) {
        const i = rowIndices[p];
        if (values[p] > best[i]) {
          best[i] = values[p];
          owner[i] = t;
        }
      }
    }
  }
  for (let i = 0; i < m; i++) weights[owner[i]]++;
  return weights;
}
