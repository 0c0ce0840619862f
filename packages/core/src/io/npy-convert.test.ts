import { describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import { npyToMatrix, npyToVector } from './npy-convert.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isCoresetError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('npyToMatrix / npyToVector', () => {
  it('converts any numeric dtype to float64', () => {
    const m = npyToMatrix({
      dtype: 'float32',
      shape: [2, 2],
      data: Float32Array.from([0.5, 1, 2, 3]),
    });
    expect(m).toEqual({ rows: 2, cols: 2, data: Float64Array.from([0.5, 1, 2, 3]) });
    const labels = npyToVector({
      dtype: 'int64',
      shape: [3],
      data: BigInt64Array.from([0n, -7n, 2n ** 53n - 1n]),
    });
    expect(labels).toEqual(Float64Array.from([0, -7, 2 ** 53 - 1]));
    expect(npyToVector({ dtype: 'bool', shape: [2], data: Uint8Array.from([1, 0]) })).toEqual(
      Float64Array.from([1, 0]),
    );
    expect(
      npyToVector({ dtype: 'uint64', shape: [1, 1], data: BigUint64Array.from([9n]) }),
    ).toEqual(Float64Array.from([9]));
  });

  it('copies rather than aliasing float64 data', () => {
    const data = Float64Array.from([1, 2]);
    const v = npyToVector({ dtype: 'float64', shape: [2], data });
    v[0] = 99;
    expect(data[0]).toBe(1);
  });

  it('rejects 64-bit integers beyond ±2^53', () => {
    expect(
      codeOf(() =>
        npyToVector({ dtype: 'int64', shape: [2], data: BigInt64Array.from([1n, 2n ** 53n + 1n]) }),
      ),
    ).toBe('OUT_OF_RANGE');
    expect(
      codeOf(() =>
        npyToVector({ dtype: 'int64', shape: [1], data: BigInt64Array.from([-(2n ** 60n)]) }),
      ),
    ).toBe('OUT_OF_RANGE');
  });

  it('accepts n × 1 and 1 × n as vectors, rejects other shapes', () => {
    expect(
      npyToVector({ dtype: 'int32', shape: [1, 3], data: Int32Array.from([4, 5, 6]) }),
    ).toEqual(Float64Array.from([4, 5, 6]));
    expect(
      codeOf(() => npyToVector({ dtype: 'int32', shape: [2, 2], data: new Int32Array(4) })),
    ).toBe('SHAPE_MISMATCH');
    expect(codeOf(() => npyToMatrix({ dtype: 'int32', shape: [4], data: new Int32Array(4) }))).toBe(
      'SHAPE_MISMATCH',
    );
  });
});
