import { CoresetError, forEachDistanceBlock, throwIfAborted, type Matrix } from '@coresets/core';
import { TopKRow } from '../internal/top-k-row.js';
import { prepareRows, type KernelBuildOptions } from './build-dense-kernel.js';
import type { SparseFacilityKernel } from './facility-kernel.js';
import { similarityRowsToKernel } from './sparsify-similarity.js';
import { transformPlan } from './similarity-transforms.js';

export interface KnnKernelOptions extends KernelBuildOptions {
  /** Similarities kept per represented element (its k most similar candidates). */
  readonly neighbors: number;
  /** Square mode only: S ← max(S, Sᵀ) on the union of kept entries. */
  readonly symmetrize?: boolean | undefined;
}

/** Throws unless `k` is a valid neighbour count for `n` candidates. */
export function assertNeighbors(k: number, n: number): void {
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new CoresetError('OUT_OF_RANGE', `neighbors must be an integer in [1, ${n}], got ${k}`, {
      argument: 'neighbors',
    });
  }
}

/**
 * kNN-sparsified kernel: for each represented element keep its k most similar candidates (ties →
 * lower candidate index); everything else is 0. Streams distance blocks from core and keeps
 * O(|V|·k) state, so no |V|×n matrix is ever held. The max-minus transforms use the exact max over
 * the full matrix, tracked during the same pass, so k = n reproduces the dense kernel.
 */
export function buildKnnKernel(features: Matrix, options: KnnKernelOptions): SparseFacilityKernel {
  const plan = transformPlan(options.transform, options);
  const { candidates, represented } = prepareRows(features, options);
  const n = candidates.rows;
  const m = represented?.rows ?? n;
  const k = options.neighbors;
  assertNeighbors(k, n);
  if (options.symmetrize === true && represented !== undefined) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'symmetrize needs the square mode (no separate represented set)',
      {
        argument: 'symmetrize',
      },
    );
  }
  const log = options.log;
  const indices = new Int32Array(m * k);
  const values = new Float64Array(m * k);
  log?.record('knn.indices', indices);
  log?.record('knn.values', values);
  const top = new TopKRow(k);
  let max = -Infinity;
  throwIfAborted(options.signal);
  // Rows of each block are represented elements and columns candidates: one top-k per row.
  const rowSet = represented ?? candidates;
  const colSet = represented === undefined ? undefined : candidates;
  const blockOptions = { metric: plan.metric, maxBlockBytes: options.maxBlockBytes, engine: options.engine };
  forEachDistanceBlock(rowSet, colSet, blockOptions, (start, block) => {
    log?.recordMax('distance.block', block.data);
    const v = block.data;
    for (let r = 0; r < block.rows; r++) {
      const base = r * n;
      // Columns arrive in increasing j, so once the row holds k entries a newcomer must beat the
      // threshold strictly (a tie would lose on index): one comparison for most entries.
      let threshold = -Infinity;
      if (plan.usesMax) {
        for (let j = 0; j < n; j++) {
          const x = v[base + j];
          if (x > max) max = x;
          if (-x > threshold) {
            top.offer(-x, j, x);
            threshold = top.thresholdKey;
          }
        }
      } else {
        for (let j = 0; j < n; j++) {
          const x = v[base + j];
          if (x > max) max = x;
          const key = plan.similarity(x, 0);
          if (key > threshold) {
            top.offer(key, j, x);
            threshold = top.thresholdKey;
          }
        }
      }
      top.drain(indices, values, (start + r) * k);
    }
    options.onProgress?.({ phase: 'kernel', completed: start + block.rows, total: m });
    throwIfAborted(options.signal);
  });
  for (let p = 0; p < values.length; p++) values[p] = plan.similarity(values[p], max);
  const indptr = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) indptr[i] = i * k;
  return similarityRowsToKernel(m, n, { indptr, indices, data: values }, options);
}
