import { Rng, type CsrMatrix, type Matrix } from '@coresets/core';
import type { OptimizerName } from '@coresets/submodular';
import { gaussianBlobs, timeFacilityLocation, type FlTiming } from './facility-location-workload.js';

/** P4: 2-D blobs (100 centres), facility location, k = 10, each optimiser. */
export function optimizerComparison(n: number, k: number, repeats: number): { optimizer: OptimizerName; timing: FlTiming }[] {
  const x = gaussianBlobs(n, 2, 100, 1, 4);
  const optimizers: OptimizerName[] = ['naive', 'lazy', 'stochastic', 'lazier-than-lazy'];
  return optimizers.map((optimizer) => ({
    optimizer,
    timing: timeFacilityLocation({ features: x }, { budget: k, optimizer, seed: 0, dtype: 'float64' }, repeats).timing,
  }));
}

/** A random symmetric similarity matrix with the given share of zeros (dense and CSR forms). */
export function sparseSymmetricKernel(n: number, zeroShare: number, seed: number): { dense: Matrix<Float64Array>; csr: CsrMatrix } {
  const rng = Rng.fromSeed(seed);
  const dense = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    dense[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      if (rng.uniform() >= zeroShare) {
        const v = rng.uniform();
        dense[i * n + j] = v;
        dense[j * n + i] = v;
      }
    }
  }
  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  const data: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = dense[i * n + j];
      if (v !== 0) {
        indices.push(j);
        data.push(v);
      }
    }
    indptr[i + 1] = indices.length;
  }
  return { dense: { rows: n, cols: n, data: dense }, csr: { rows: n, cols: n, indptr, indices: Int32Array.from(indices), data: Float64Array.from(data) } };
}

/** P5: precomputed kernel, 90 % zeros, naive greedy, k = 500 — dense vs CSR storage. */
export function sparseVsDense(n: number, k: number, repeats: number): { dense: FlTiming; csr: FlTiming; sameRanking: boolean } {
  const { dense, csr } = sparseSymmetricKernel(n, 0.9, 5);
  const a = timeFacilityLocation({ similarity: dense }, { budget: k, optimizer: 'naive', transform: 'precomputed' }, repeats);
  const b = timeFacilityLocation({ similarity: csr }, { budget: k, optimizer: 'naive', transform: 'precomputed' }, repeats);
  const sameRanking = a.indices.length === b.indices.length && a.indices.every((v, i) => v === b.indices[i]);
  return { dense: a.timing, csr: b.timing, sameRanking };
}
