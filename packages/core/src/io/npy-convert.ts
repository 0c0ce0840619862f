import { CoresetError } from '../errors/coreset-error.js';
import type { Matrix } from '../matrix/matrix.js';
import type { NpyArray } from './decode-npy.js';

/**
 * Converts any numeric `.npy` array to float64. 64-bit integers (numpy's default for indices and
 * labels) must lie within ±2^53, where float64 is still exact; beyond that they throw
 * `OUT_OF_RANGE` rather than silently rounding.
 */
function toFloat64Values(array: NpyArray, argument: string): Float64Array {
  const { data } = array;
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    const out = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = Number(data[i]);
      if (!Number.isSafeInteger(v)) {
        throw new CoresetError(
          'OUT_OF_RANGE',
          `${argument}: element ${i} = ${data[i]} of the ${array.dtype} array is beyond ±2^53 and cannot be represented exactly as float64`,
          { argument },
        );
      }
      out[i] = v;
    }
    return out;
  }
  return Float64Array.from(data);
}

/** A 2-D `.npy` array as a float64 matrix; 1-D arrays throw `SHAPE_MISMATCH` (use `npyToVector`). */
export function npyToMatrix(array: NpyArray, argument = 'array'): Matrix<Float64Array> {
  if (array.shape.length !== 2) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${argument}: expected a 2-D array (rows × cols), got shape (${array.shape.join(', ')}); reshape 1-D data to (n, 1) for one feature`,
      { argument },
    );
  }
  return { rows: array.shape[0], cols: array.shape[1], data: toFloat64Values(array, argument) };
}

/** A 1-D array, or a 2-D array with one row or one column, as a Float64Array. */
export function npyToVector(array: NpyArray, argument = 'array'): Float64Array {
  const { shape } = array;
  if (shape.length === 1 || (shape.length === 2 && (shape[0] === 1 || shape[1] === 1))) {
    return toFloat64Values(array, argument);
  }
  throw new CoresetError(
    'SHAPE_MISMATCH',
    `${argument}: expected a vector, got shape (${shape.join(', ')})`,
    {
      argument,
    },
  );
}
