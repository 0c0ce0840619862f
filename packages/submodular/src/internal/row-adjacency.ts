import type { SparseFacilityKernel } from '../kernels/facility-kernel.js';

/** For each represented element i, the candidates j with a stored s_ij (ascending). */
export interface RowAdjacency {
  readonly rowPtr: Int32Array;
  readonly candidates: Int32Array;
}

/** Transposes the sparsity pattern of a candidate-major kernel (counting sort, O(nnz)). */
export function rowAdjacency(kernel: SparseFacilityKernel): RowAdjacency {
  const { represented, candidates: n, colptr, rowIndices } = kernel;
  const rowPtr = new Int32Array(represented + 1);
  for (let p = 0; p < rowIndices.length; p++) rowPtr[rowIndices[p] + 1]++;
  for (let i = 0; i < represented; i++) rowPtr[i + 1] += rowPtr[i];
  const fill = rowPtr.slice(0, represented);
  const out = new Int32Array(rowIndices.length);
  for (let j = 0; j < n; j++) {
    for (let p = colptr[j]; p < colptr[j + 1]; p++) out[fill[rowIndices[p]]++] = j;
  }
  return { rowPtr, candidates: out };
}
