import { CoresetError, type CsrMatrix, type Matrix } from '@coresets/core';
import { TopKRow } from '../internal/top-k-row.js';
import type { AllocationLog } from './allocation-log.js';
import {
  assertSimilarities,
  csrToCandidateMajor,
  type SparseFacilityKernel,
} from './facility-kernel.js';
import { symmetrizeCsr, type RowSparse } from './symmetrize.js';

export interface SparsifyOptions {
  readonly symmetrize?: boolean | undefined;
  readonly dtype?: 'float32' | 'float64' | undefined;
  readonly log?: AllocationLog | undefined;
}

/** Row-major similarities (rows = represented) → optional symmetrisation → candidate-major kernel. */
export function similarityRowsToKernel(
  m: number,
  n: number,
  rows: RowSparse,
  options: SparsifyOptions,
): SparseFacilityKernel {
  let entries = rows;
  if (options.symmetrize === true) {
    if (m !== n) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `symmetrize needs a square similarity, got ${m} × ${n}`,
        {
          argument: 'symmetrize',
        },
      );
    }
    entries = symmetrizeCsr(n, rows);
    options.log?.record('knn.symmetric.values', entries.data);
  }
  const stored = options.dtype === 'float64' ? entries.data : Float32Array.from(entries.data);
  const kernel = csrToCandidateMajor(m, n, entries.indptr, entries.indices, stored);
  options.log?.record('kernel.sparse.rowIndices', kernel.rowIndices);
  options.log?.record('kernel.sparse.values', kernel.values);
  return kernel;
}

/**
 * Keeps the k largest similarities of each row of a caller's similarity matrix (dense or CSR,
 * rows = represented, columns = candidates); ties → lower column. Missing entries are 0.
 */
export function sparsifySimilarity(
  similarity: Matrix | CsrMatrix,
  k: number,
  options: SparsifyOptions,
): SparseFacilityKernel {
  const m = similarity.rows;
  const n = similarity.cols;
  const top = new TopKRow(k);
  const indptr = new Int32Array(m + 1);
  const indices = new Int32Array(m * k);
  const values = new Float64Array(m * k);
  let w = 0;
  for (let i = 0; i < m; i++) {
    if ('indptr' in similarity) {
      for (let p = similarity.indptr[i]; p < similarity.indptr[i + 1]; p++) {
        top.offer(similarity.data[p], similarity.indices[p], similarity.data[p]);
      }
    } else {
      for (let j = 0; j < n; j++) {
        const s = similarity.data[i * n + j];
        top.offer(s, j, s);
      }
    }
    w += top.drain(indices, values, w);
    indptr[i + 1] = w;
  }
  assertSimilarities(values.subarray(0, w), 'similarity');
  return similarityRowsToKernel(
    m,
    n,
    { indptr, indices: indices.slice(0, w), data: values.slice(0, w) },
    options,
  );
}
