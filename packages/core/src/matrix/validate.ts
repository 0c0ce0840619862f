import { CoresetError } from '../errors/coreset-error.js';
import type { Matrix } from './matrix.js';

/** Throws `NON_FINITE` naming the argument and the first bad position. */
export function assertFinite(values: ArrayLike<number>, argument: string, cols = 0): void {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      const where = cols > 0 ? `row ${Math.floor(k / cols)}, column ${k % cols}` : `index ${k}`;
      throw new CoresetError('NON_FINITE', `${argument} has a non-finite value (${values[k]}) at ${where}`, {
        argument,
      });
    }
  }
}

/** Validates a matrix-shaped input: consistent storage, optional expected shape, finite values. */
export function assertMatrix(
  m: Matrix,
  argument: string,
  expect: { rows?: number; cols?: number; minRows?: number } = {},
): void {
  if (m.data.length !== m.rows * m.cols) {
    throw new CoresetError('SHAPE_MISMATCH', `${argument} has ${m.data.length} values for ${m.rows} × ${m.cols}`, {
      argument,
    });
  }
  if (expect.rows !== undefined && m.rows !== expect.rows) {
    throw new CoresetError('SHAPE_MISMATCH', `${argument} has ${m.rows} rows, expected ${expect.rows}`, { argument });
  }
  if (expect.cols !== undefined && m.cols !== expect.cols) {
    throw new CoresetError('SHAPE_MISMATCH', `${argument} has ${m.cols} columns, expected ${expect.cols}`, {
      argument,
    });
  }
  if (expect.minRows !== undefined && m.rows < expect.minRows) {
    throw new CoresetError('INVALID_ARGUMENT', `${argument} needs at least ${expect.minRows} rows, got ${m.rows}`, {
      argument,
    });
  }
  assertFinite(m.data, argument, m.cols);
}

/** Integer in [min, max]; throws `OUT_OF_RANGE` otherwise. */
export function assertInteger(value: number, argument: string, min = -Infinity, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CoresetError('OUT_OF_RANGE', `${argument} must be an integer in [${min}, ${max}], got ${value}`, {
      argument,
    });
  }
}
