import { CoresetError } from '../errors/coreset-error.js';

export type FloatArray = Float32Array | Float64Array;

/** Dense row-major matrix. Element (i, j) is `data[i * cols + j]`. */
export interface Matrix<T extends FloatArray = FloatArray> {
  readonly rows: number;
  readonly cols: number;
  readonly data: T;
}

export type MatrixDtype = 'float32' | 'float64';

export function createMatrix(rows: number, cols: number, dtype: MatrixDtype = 'float64'): Matrix {
  assertDimension(rows, 'rows');
  assertDimension(cols, 'cols');
  const data = dtype === 'float32' ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  return { rows, cols, data };
}

/** Wraps existing storage; throws when `data.length !== rows * cols`. */
export function matrixFrom<T extends FloatArray>(data: T, rows: number, cols: number): Matrix<T> {
  assertDimension(rows, 'rows');
  assertDimension(cols, 'cols');
  if (data.length !== rows * cols) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `data has ${data.length} elements but rows × cols = ${rows} × ${cols} = ${rows * cols}`,
      { argument: 'data' },
    );
  }
  return { rows, cols, data };
}

/** Builds a float64 matrix from nested arrays; every row must have the same length. */
export function matrixFromRows(rows: readonly (readonly number[])[], argument = 'rows'): Matrix<Float64Array> {
  const n = rows.length;
  const d = n === 0 ? 0 : rows[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.length !== d) {
      throw new CoresetError('SHAPE_MISMATCH', `${argument}[${i}] has ${row.length} values, expected ${d}`, {
        argument,
      });
    }
    for (let j = 0; j < d; j++) data[i * d + j] = row[j];
  }
  return { rows: n, cols: d, data };
}

export function matrixToRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** A view (no copy) of row `i`. */
export function matrixRow<T extends FloatArray>(m: Matrix<T>, i: number): T {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols) as T;
}

/** Copies the given rows, in the given order, into a new matrix of the same dtype. */
export function selectRows<T extends FloatArray>(m: Matrix<T>, indices: ArrayLike<number>): Matrix<T> {
  const Ctor = m.data.constructor as new (n: number) => T;
  const data = new Ctor(indices.length * m.cols);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= m.rows) {
      throw new CoresetError('OUT_OF_RANGE', `row index ${i} is outside [0, ${m.rows})`, { argument: 'indices' });
    }
    data.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), k * m.cols);
  }
  return { rows: indices.length, cols: m.cols, data };
}

export function toFloat64(m: Matrix): Matrix<Float64Array> {
  return m.data instanceof Float64Array
    ? (m as Matrix<Float64Array>)
    : { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

export function toFloat32(m: Matrix): Matrix<Float32Array> {
  return m.data instanceof Float32Array
    ? (m as Matrix<Float32Array>)
    : { rows: m.rows, cols: m.cols, data: Float32Array.from(m.data) };
}

export function transpose<T extends FloatArray>(m: Matrix<T>): Matrix<T> {
  const Ctor = m.data.constructor as new (n: number) => T;
  const data = new Ctor(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) data[j * m.rows + i] = m.data[i * m.cols + j];
  }
  return { rows: m.cols, cols: m.rows, data };
}

/** Scales every row to unit euclidean norm (rows of norm 0 stay 0). Returns a new float64 matrix. */
export function normalizeRows(m: Matrix): Matrix<Float64Array> {
  const out = new Float64Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let j = 0; j < m.cols; j++) s += m.data[i * m.cols + j] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < m.cols; j++) out[i * m.cols + j] = m.data[i * m.cols + j] * inv;
  }
  return { rows: m.rows, cols: m.cols, data: out };
}

function assertDimension(value: number, argument: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new CoresetError('INVALID_ARGUMENT', `${argument} must be a non-negative integer, got ${value}`, {
      argument,
    });
  }
}
