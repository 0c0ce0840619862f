import { readMatrixFile, readVectorFile, type Matrix } from '@coresets/core';
import { attributeToFlag, flagError } from '../cli-error.js';

/**
 * Reads a matrix file (.npy .csv .tsv .json .jsonl); every error names the flag and the file.
 * NaN and ±Infinity are rejected here, naming the row and column, since the readers pass them on.
 */
export function readMatrixFlag(flag: string, path: string): Matrix<Float64Array> {
  let matrix: Matrix<Float64Array>;
  try {
    matrix = readMatrixFile(path);
  } catch (error) {
    throw attributeToFlag(flag, error);
  }
  if (matrix.rows === 0) throw flagError(flag, `${path} has no rows`);
  const { cols, data } = matrix;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw flagError(
        flag,
        `${path}: row ${Math.floor(i / cols)}, column ${i % cols} is ${data[i]}`,
        'NON_FINITE',
      );
    }
  }
  return matrix;
}

/** Reads a 1-D vector file (or an n × 1 / 1 × n matrix); non-finite entries are rejected. */
export function readVectorFlag(flag: string, path: string): Float64Array {
  let values: Float64Array;
  try {
    values = readVectorFile(path);
  } catch (error) {
    throw attributeToFlag(flag, error);
  }
  if (values.length === 0) throw flagError(flag, `${path} is empty`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw flagError(flag, `${path}: entry ${i} is ${values[i]}`, 'NON_FINITE');
  }
  return values;
}

/** Reads integer labels / ids; non-integers are an error naming the first bad row. */
export function readLabelsFlag(flag: string, path: string): Int32Array {
  const values = readVectorFlag(flag, path);
  return labelsFromValues(flag, path, values);
}

/** Converts numbers to non-negative int32 labels, naming the first bad entry. */
export function labelsFromValues(
  flag: string,
  path: string,
  values: ArrayLike<number>,
): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v > 2 ** 31 - 1) {
      throw flagError(
        flag,
        `${path}: entry ${i} is ${v}, expected a non-negative integer label`,
        'INVALID_ARGUMENT',
      );
    }
    out[i] = v;
  }
  return out;
}

/** Checks that files given together have the same number of rows. */
export function assertSameRows(
  a: { flag: string; rows: number },
  b: { flag: string; rows: number },
): void {
  if (a.rows !== b.rows) {
    throw flagError(b.flag, `has ${b.rows} rows but ${a.flag} has ${a.rows}`, 'SHAPE_MISMATCH');
  }
}

/** Checks that two matrices have the same number of columns (the same feature space). */
export function assertSameCols(
  a: { flag: string; cols: number },
  b: { flag: string; cols: number },
): void {
  if (a.cols !== b.cols) {
    throw flagError(b.flag, `has ${b.cols} columns but ${a.flag} has ${a.cols}`, 'SHAPE_MISMATCH');
  }
}
