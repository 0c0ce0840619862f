import { CoresetError } from '../errors/coreset-error.js';

/**
 * Compressed sparse row matrix. Row i's entries are `indices[indptr[i]..indptr[i+1])` with values
 * `data[...]`; column indices within a row are strictly increasing.
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: Float64Array;
}

/** Checks the CSR invariants; throws `CoresetError` naming `argument` on the first violation. */
export function validateCsr(m: CsrMatrix, argument = 'matrix'): void {
  const fail = (reason: string): never => {
    throw new CoresetError('INVALID_ARGUMENT', `${argument} is not a valid CSR matrix: ${reason}`, { argument });
  };
  if (m.indptr.length !== m.rows + 1) fail(`indptr has length ${m.indptr.length}, expected ${m.rows + 1}`);
  if (m.indptr[0] !== 0) fail('indptr[0] must be 0');
  if (m.indices.length !== m.data.length) fail('indices and data differ in length');
  if (m.indptr[m.rows] !== m.indices.length) fail('indptr[rows] must equal the number of entries');
  for (let i = 0; i < m.rows; i++) {
    if (m.indptr[i + 1] < m.indptr[i]) fail(`indptr decreases at row ${i}`);
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
      const c = m.indices[p];
      if (c < 0 || c >= m.cols) fail(`column ${c} in row ${i} is outside [0, ${m.cols})`);
      if (p > m.indptr[i] && c <= m.indices[p - 1]) fail(`columns of row ${i} are not strictly increasing`);
      if (!Number.isFinite(m.data[p])) fail(`value at row ${i}, column ${c} is not finite`);
    }
  }
}

/** Dense float64 copy; for tests and small matrices only. */
export function csrToDense(m: CsrMatrix): Float64Array {
  const out = new Float64Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) out[i * m.cols + m.indices[p]] = m.data[p];
  }
  return out;
}
