import { CoresetError, validateCsr, type CsrMatrix, type Matrix } from '@coresets/core';

/**
 * Facility-location similarities s_ij between represented elements i ∈ V (|V| = `represented`) and
 * candidates j (`candidates`), stored candidate-major so one candidate's similarities are
 * contiguous: gains read a column of S as one run of memory.
 */
export interface DenseFacilityKernel {
  readonly kind: 'dense';
  readonly candidates: number;
  readonly represented: number;
  /** `data[j * represented + i]` = s_ij. */
  readonly data: Float32Array | Float64Array;
}

/** Sparse candidate-major (CSC of S): missing entries are 0. */
export interface SparseFacilityKernel {
  readonly kind: 'sparse';
  readonly candidates: number;
  readonly represented: number;
  /** Candidate j's entries are `colptr[j] .. colptr[j + 1]`, with ascending represented indices. */
  readonly colptr: Int32Array;
  readonly rowIndices: Int32Array;
  readonly values: Float32Array | Float64Array;
}

export type FacilityKernel = DenseFacilityKernel | SparseFacilityKernel;

/** Throws unless every similarity is finite and ≥ 0 (facility location needs s ≥ 0 to be monotone). */
export function assertSimilarities(values: ArrayLike<number>, argument: string): void {
  for (let p = 0; p < values.length; p++) {
    const v = values[p];
    if (!Number.isFinite(v)) {
      throw new CoresetError(
        'NON_FINITE',
        `${argument} has a non-finite similarity (${v}) at entry ${p}`,
        {
          argument,
        },
      );
    }
    if (v < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `${argument} has a negative similarity (${v}) at entry ${p}; apply a similarity transform first`,
        { argument },
      );
    }
  }
}

/**
 * A dense kernel from a caller's similarity matrix with rows = represented elements and columns =
 * candidates (s_ij at row i, column j). A symmetric square matrix is used as is (its transpose is
 * itself); anything else is copied into candidate-major order.
 */
export function denseKernelFromSimilarity(
  similarity: Matrix,
  argument = 'similarity',
): DenseFacilityKernel {
  const { rows, cols, data } = similarity;
  if (data.length !== rows * cols) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${argument} has ${data.length} values for ${rows} × ${cols}`,
      {
        argument,
      },
    );
  }
  assertSimilarities(data, argument);
  if (rows === cols && isSymmetric(data, rows)) {
    return { kind: 'dense', candidates: cols, represented: rows, data };
  }
  const out =
    data instanceof Float32Array ? new Float32Array(data.length) : new Float64Array(data.length);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = data[i * cols + j];
  }
  return { kind: 'dense', candidates: cols, represented: rows, data: out };
}

/** A sparse kernel from a CSR similarity with rows = represented elements, columns = candidates. */
export function sparseKernelFromCsr(
  similarity: CsrMatrix,
  argument = 'similarity',
): SparseFacilityKernel {
  validateCsr(similarity, argument);
  assertSimilarities(similarity.data, argument);
  return csrToCandidateMajor(
    similarity.rows,
    similarity.cols,
    similarity.indptr,
    similarity.indices,
    similarity.data,
  );
}

/**
 * Transposes row-major sparse entries (rows = represented) into candidate-major order with a
 * counting sort, which keeps represented indices ascending inside each candidate.
 */
export function csrToCandidateMajor(
  represented: number,
  candidates: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float32Array | Float64Array,
): SparseFacilityKernel {
  const nnz = indices.length;
  const colptr = new Int32Array(candidates + 1);
  for (let p = 0; p < nnz; p++) colptr[indices[p] + 1]++;
  for (let j = 0; j < candidates; j++) colptr[j + 1] += colptr[j];
  const fill = colptr.slice(0, candidates);
  const rowIndices = new Int32Array(nnz);
  const values = data instanceof Float32Array ? new Float32Array(nnz) : new Float64Array(nnz);
  for (let i = 0; i < represented; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const q = fill[indices[p]]++;
      rowIndices[q] = i;
      values[q] = data[p];
    }
  }
  return { kind: 'sparse', candidates, represented, colptr, rowIndices, values };
}

/** s_ij of a kernel (for tests and small checks; O(log nnz) for sparse kernels). */
export function kernelEntry(kernel: FacilityKernel, i: number, j: number): number {
  if (kernel.kind === 'dense') return kernel.data[j * kernel.represented + i];
  let lo = kernel.colptr[j];
  let hi = kernel.colptr[j + 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = kernel.rowIndices[mid];
    if (r === i) return kernel.values[mid];
    if (r < i) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

function isSymmetric(data: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (data[i * n + j] !== data[j * n + i]) return false;
  }
  return true;
}
