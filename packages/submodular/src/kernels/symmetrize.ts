/** Row-major sparse entries (CSR without the shape), values in float64. */
export interface RowSparse {
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: Float64Array;
}

/**
 * S ← max(S, Sᵀ) on the union of the entries of a square sparse matrix: an entry survives when
 * either endpoint kept it. Rows come out with ascending column indices.
 */
export function symmetrizeCsr(n: number, m: RowSparse): RowSparse {
  const nnz = m.indices.length;
  // Counting sort of the 2·nnz directed entries by row.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
      start[i + 1]++;
      start[m.indices[p] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const cols = new Int32Array(2 * nnz);
  const vals = new Float64Array(2 * nnz);
  for (let i = 0; i < n; i++) {
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
      const j = m.indices[p];
      let q = fill[i]++;
      cols[q] = j;
      vals[q] = m.data[p];
      q = fill[j]++;
      cols[q] = i;
      vals[q] = m.data[p];
    }
  }
  const indptr = new Int32Array(n + 1);
  const outCols = new Int32Array(2 * nnz);
  const outVals = new Float64Array(2 * nnz);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const order = Array.from({ length: start[i + 1] - start[i] }, (_, t) => start[i] + t).sort(
      (a, b) => cols[a] - cols[b],
    );
    const rowStart = w;
    for (const q of order) {
      if (w > rowStart && outCols[w - 1] === cols[q]) {
        if (vals[q] > outVals[w - 1]) outVals[w - 1] = vals[q];
      } else {
        outCols[w] = cols[q];
        outVals[w++] = vals[q];
      }
    }
    indptr[i + 1] = w;
  }
  return { indptr, indices: outCols.slice(0, w), data: outVals.slice(0, w) };
}
