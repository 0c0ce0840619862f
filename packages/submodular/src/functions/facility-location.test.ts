import { matrixFromRows, Rng } from '@coresets/core';
import { randomFeatures } from '../__fixtures__/set-function-cases.js';
import { buildKnnKernel } from '../kernels/build-knn-kernel.js';
import { describe, expect, it } from 'vitest';
import { clusterWeights } from '../cluster-weights.js';
import { buildDenseKernel } from '../kernels/build-dense-kernel.js';
import { denseKernelFromSimilarity, sparseKernelFromCsr } from '../kernels/facility-kernel.js';
import { OPTIMIZER_NAMES, maximize } from '../optimizers/maximize.js';
import { FacilityLocation } from './facility-location.js';

const line = matrixFromRows([[0], [1], [2], [10], [11], [12]]);

describe('FacilityLocation — spec test vectors', () => {
  it('1-D points with maxMinusDist pick [2, 4, 0] with gains [42, 25, 2] and CRAIG weights [2, 3, 1]', () => {
    const kernel = buildDenseKernel(line, {
      transform: 'maxMinusDist',
      distance: 'l1',
      dtype: 'float64',
    });
    expect(Array.from(kernel.data.subarray(0, 6))).toEqual([12, 11, 10, 2, 1, 0]);
    for (const optimizer of ['naive', 'lazy', 'two-stage'] as const) {
      const fn = new FacilityLocation(kernel);
      const result = maximize(fn, optimizer, { budget: 3 });
      expect(Array.from(result.indices)).toEqual([2, 4, 0]);
      expect(Array.from(result.gains)).toEqual([42, 25, 2]);
      expect(result.value).toBe(69);
      expect(fn.evaluate([2, 4, 0])).toBe(69);
      expect(Array.from(clusterWeights(kernel, result.indices))).toEqual([2, 3, 1]);
    }
  });

  it('the 3 × 3 matrix with 0.5 off the diagonal picks [0, 1] with gains [2, 0.5]', () => {
    const s = matrixFromRows([
      [1, 0.5, 0.5],
      [0.5, 1, 0.5],
      [0.5, 0.5, 1],
    ]);
    const result = maximize(new FacilityLocation(denseKernelFromSimilarity(s)), 'naive', {
      budget: 2,
    });
    expect(Array.from(result.indices)).toEqual([0, 1]);
    expect(Array.from(result.gains)).toEqual([2, 0.5]);
  });

  it('1-D points with maxMinusSqEuclidean pick [2, 4] with gains [614, 243]', () => {
    const kernel = buildDenseKernel(line, { transform: 'maxMinusSqEuclidean', dtype: 'float64' });
    expect(Array.from(kernel.data.subarray(0, 6))).toEqual([144, 143, 140, 44, 23, 0]);
    for (const optimizer of OPTIMIZER_NAMES) {
      if (
        optimizer === 'stochastic' ||
        optimizer === 'lazier-than-lazy' ||
        optimizer === 'approximate-lazy'
      )
        continue;
      const result = maximize(new FacilityLocation(kernel), optimizer, { budget: 2 });
      expect(Array.from(result.indices)).toEqual([2, 4]);
      expect(Array.from(result.gains)).toEqual([614, 243]);
    }
  });
});

describe('FacilityLocation — memo and validation', () => {
  it('memoised gains equal from-scratch marginal gains, dense and sparse alike', () => {
    const kernel = buildDenseKernel(line, { transform: 'maxMinusDist', dtype: 'float64' });
    const dense = new FacilityLocation(kernel);
    const csr = {
      rows: 6,
      cols: 6,
      indptr: Int32Array.from([0, 6, 12, 18, 24, 30, 36]),
      indices: Int32Array.from({ length: 36 }, (_, p) => p % 6),
      data: Float64Array.from(kernel.data),
    };
    const sparse = new FacilityLocation(sparseKernelFromCsr(csr));
    for (const fn of [dense, sparse]) {
      fn.reset([3]);
      const out = new Float64Array(6);
      fn.gains(Int32Array.from([0, 1, 2, 3, 4, 5]), out);
      for (let e = 0; e < 6; e++) expect(out[e]).toBe(fn.marginalGain([3], e));
      expect(out[3]).toBe(0);
    }
  });

  it('rejects negative and non-finite similarities', () => {
    expect(() =>
      denseKernelFromSimilarity(
        matrixFromRows([
          [1, -0.1],
          [0, 1],
        ]),
      ),
    ).toThrow(/negative/);
    expect(() =>
      denseKernelFromSimilarity(
        matrixFromRows([
          [1, NaN],
          [0, 1],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: 'NON_FINITE', argument: 'similarity' }));
  });

  it('transposes a non-symmetric similarity so column j is candidate j', () => {
    // Row i = represented, column j = candidate: candidate 1 covers both rows best.
    const s = matrixFromRows([
      [1, 2, 0],
      [0, 3, 1],
    ]);
    const fn = new FacilityLocation(denseKernelFromSimilarity(s));
    expect(fn.n).toBe(3);
    expect(fn.evaluate([1])).toBe(5);
    expect(fn.evaluate([0, 2])).toBe(2);
  });

  it('sparse gain cache: naive recomputes only candidates whose column saw a change, same result', () => {
    const x = randomFeatures(Rng.fromSeed(21), 400, 2);
    const kernel = buildKnnKernel(x, {
      transform: 'maxMinusSqEuclidean',
      neighbors: 5,
      dtype: 'float64',
    });
    const cached = new FacilityLocation(kernel);
    const naive = maximize(cached, 'naive', { budget: 40 });
    // Reference: the same kernel densified, where every gain is summed afresh each step.
    const dense = new Float64Array(400 * 400);
    for (let j = 0; j < 400; j++) {
      for (let p = kernel.colptr[j]; p < kernel.colptr[j + 1]; p++)
        dense[j * 400 + kernel.rowIndices[p]] = kernel.values[p];
    }
    const reference = maximize(
      new FacilityLocation({ kind: 'dense', candidates: 400, represented: 400, data: dense }),
      'naive',
      { budget: 40 },
    );
    expect(Array.from(naive.indices)).toEqual(Array.from(reference.indices));
    expect(Array.from(naive.gains)).toEqual(Array.from(reference.gains));
    expect(naive.evaluations).toBeGreaterThan(15_000);
    expect(cached.computedGains).toBeLessThan(naive.evaluations / 4);
  });
});
