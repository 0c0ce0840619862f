import { Rng, type Matrix } from '@coresets/core';
import { FacilityLocation } from '../functions/facility-location.js';
import { FeatureBased } from '../functions/feature-based.js';
import { GraphCut } from '../functions/graph-cut.js';
import { LogDeterminant } from '../functions/log-determinant.js';
import { buildDenseKernel } from '../kernels/build-dense-kernel.js';
import { buildKnnKernel } from '../kernels/build-knn-kernel.js';
import { sparseKernelFromCsr } from '../kernels/facility-kernel.js';
import type { SetFunction } from '../set-function.js';

/** Small random features: integers in [0, 6) when `integral`, else normal draws. */
export function randomFeatures(
  rng: Rng,
  rows: number,
  cols: number,
  integral = false,
): Matrix<Float64Array> {
  const data = new Float64Array(rows * cols);
  for (let p = 0; p < data.length; p++) data[p] = integral ? rng.int(6) : rng.normal();
  return { rows, cols, data };
}

export interface SetFunctionCase {
  readonly name: string;
  /** True when memoised and from-scratch values round identically (sums in the same order). */
  readonly exact: boolean;
  readonly submodular: boolean;
  make(seed: number, n: number): SetFunction;
}

const dims = 3;

/** Every function × kernel mode the property tests cover. */
export const SET_FUNCTION_CASES: readonly SetFunctionCase[] = [
  {
    name: 'facility location, dense square',
    exact: true,
    submodular: true,
    make: (seed, n) =>
      new FacilityLocation(
        buildDenseKernel(randomFeatures(Rng.fromSeed(seed), n, dims), {
          transform: 'maxMinusSqEuclidean',
          dtype: 'float64',
        }),
      ),
  },
  {
    name: 'facility location, dense float32 halfCosine',
    exact: true,
    submodular: true,
    make: (seed, n) =>
      new FacilityLocation(
        buildDenseKernel(randomFeatures(Rng.fromSeed(seed), n, dims), { transform: 'halfCosine' }),
      ),
  },
  {
    name: 'facility location, rectangular',
    exact: true,
    submodular: true,
    make: (seed, n) => {
      const rng = Rng.fromSeed(seed);
      const features = randomFeatures(rng, n, dims);
      const represented = randomFeatures(rng, n + 3, dims);
      return new FacilityLocation(
        buildDenseKernel(features, {
          transform: 'maxMinusDist',
          distance: 'l1',
          represented,
          dtype: 'float64',
        }),
      );
    },
  },
  {
    name: 'facility location, kNN sparse',
    exact: true,
    submodular: true,
    make: (seed, n) =>
      new FacilityLocation(
        buildKnnKernel(randomFeatures(Rng.fromSeed(seed), n, dims), {
          transform: 'rbf',
          sigma: 1.5,
          neighbors: Math.max(1, Math.floor(n / 3)),
          dtype: 'float64',
        }),
      ),
  },
  {
    name: 'facility location, caller CSR with explicit zeros',
    exact: true,
    submodular: true,
    make: (seed, n) => {
      const rng = Rng.fromSeed(seed);
      const indptr = new Int32Array(n + 1);
      const indices: number[] = [];
      const data: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const u = rng.uniform();
          if (u < 0.5) continue;
          indices.push(j);
          data.push(u < 0.6 ? 0 : rng.uniform());
        }
        indptr[i + 1] = indices.length;
      }
      return new FacilityLocation(
        sparseKernelFromCsr({
          rows: n,
          cols: n,
          indptr,
          indices: Int32Array.from(indices),
          data: Float64Array.from(data),
        }),
      );
    },
  },
  {
    name: 'graph cut (λ = 0.3)',
    exact: false,
    submodular: true,
    make: (seed, n) =>
      new GraphCut(
        buildDenseKernel(randomFeatures(Rng.fromSeed(seed), n, dims), {
          transform: 'halfCosine',
          dtype: 'float64',
        }),
        {
          lambda: 0.3,
        },
      ),
  },
  {
    name: 'log-determinant (rbf, λ = 1)',
    exact: false,
    submodular: true,
    make: (seed, n) =>
      new LogDeterminant(
        buildDenseKernel(randomFeatures(Rng.fromSeed(seed), n, dims), {
          transform: 'rbf',
          sigma: 1,
          dtype: 'float64',
        }),
        { lambda: 1 },
      ),
  },
  ...(['sqrt', 'log1p', 'sigmoid'] as const).map((phi): SetFunctionCase => ({
    name: `feature-based (${phi})`,
    exact: false,
    submodular: true,
    make: (seed, n) => {
      const x = randomFeatures(Rng.fromSeed(seed), n, 4);
      for (let p = 0; p < x.data.length; p++) x.data[p] = Math.abs(x.data[p]);
      return new FeatureBased(x, { phi });
    },
  })),
];

/** Best value over all subsets of size ≤ k (n ≤ 10). */
export function bruteForceOptimum(fn: SetFunction, k: number): number {
  let best = 0;
  const walk = (start: number, set: number[]): void => {
    if (set.length > 0) best = Math.max(best, fn.evaluate(set));
    if (set.length === k) return;
    for (let e = start; e < fn.n; e++) walk(e + 1, [...set, e]);
  };
  walk(0, []);
  return best;
}
