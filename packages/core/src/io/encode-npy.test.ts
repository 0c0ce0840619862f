import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import type { NpyTypedArray } from './npy-dtype.js';
import { NUMPY_SAVED } from './__fixtures__/numpy-saved.js';
import { decodeNpy } from './decode-npy.js';
import { encodeNpy } from './encode-npy.js';
import { formatNpyHeader } from './npy-header.js';

/** Elements of a non-bigint array as plain numbers, for readable comparisons. */
const nums = (data: NpyTypedArray): number[] => Array.from(data as ArrayLike<number>);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isCoresetError(error)) return `${error.code}:${error.argument}`;
    throw error;
  }
  return undefined;
}

describe('encodeNpy', () => {
  it('writes exactly the bytes numpy.save writes', () => {
    expect(
      encodeNpy({ data: Float64Array.from([1.5, -2, 0, 3.25, 1e300, -0]), shape: [3, 2] }),
    ).toEqual(NUMPY_SAVED.float64_3x2);
    expect(encodeNpy({ data: BigInt64Array.from([0n, -1n, 2n ** 40n]) })).toEqual(
      NUMPY_SAVED.int64_3,
    );
    expect(encodeNpy({ data: [0, -1, 2 ** 40], dtype: 'int64' })).toEqual(NUMPY_SAVED.int64_3);
    expect(encodeNpy({ data: [true, false, false, true] })).toEqual(NUMPY_SAVED.bool_4);
    expect(encodeNpy({ data: Uint8Array.from([1, 0, 0, 1]), dtype: 'bool' })).toEqual(
      NUMPY_SAVED.bool_4,
    );
    expect(encodeNpy({ data: Float32Array.from([1, 2, 3, 4, 5, 6.5]), shape: [2, 3] })).toEqual(
      NUMPY_SAVED.float32_2x3,
    );
    expect(encodeNpy({ data: Int32Array.from([1, -2, 3, 2 ** 31 - 1, -(2 ** 31)]) })).toEqual(
      NUMPY_SAVED.int32_5,
    );
    expect(encodeNpy({ data: Uint8Array.from([0, 255, 7, 8]), shape: [2, 2] })).toEqual(
      NUMPY_SAVED.uint8_2x2,
    );
    expect(encodeNpy({ data: new Float64Array(0), shape: [0, 2] })).toEqual(
      NUMPY_SAVED.float64_0x2,
    );
  });

  it('writes int64 from an Int32Array of indices', () => {
    const bytes = encodeNpy({ data: Int32Array.from([5, 0, 3]), dtype: 'int64' });
    const arr = decodeNpy(bytes);
    expect(arr.dtype).toBe('int64');
    expect(arr.data).toEqual(BigInt64Array.from([5n, 0n, 3n]));
  });

  it('pads the header to a multiple of 64 bytes ending in a newline', () => {
    for (const cols of [1, 12, 1234]) {
      const bytes = encodeNpy({ data: new Float32Array(cols), shape: [1, cols] });
      const headerLength = bytes[8] | (bytes[9] << 8);
      expect((10 + headerLength) % 64).toBe(0);
      expect(bytes[10 + headerLength - 1]).toBe(0x0a);
      expect(bytes.length).toBe(10 + headerLength + 4 * cols);
    }
  });

  it('formats the header dict as numpy does, growth padding included', () => {
    expect(formatNpyHeader({ descr: '<f8', fortranOrder: false, shape: [3, 2] })).toBe(
      "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }" + ' '.repeat(20),
    );
    expect(formatNpyHeader({ descr: '|u1', fortranOrder: false, shape: [12345] })).toBe(
      "{'descr': '|u1', 'fortran_order': False, 'shape': (12345,), }" + ' '.repeat(16),
    );
  });

  it('round-trips random 2-D float64 and 1-D int32 arrays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ noNaN: true }), { minLength: 36, maxLength: 36 }),
        (rows, cols, pool) => {
          const data = Float64Array.from(pool.slice(0, rows * cols));
          const arr = decodeNpy(encodeNpy({ data, shape: [rows, cols] }));
          expect(arr.shape).toEqual([rows, cols]);
          expect(arr.data).toEqual(data);
        },
      ),
      { seed: 20_261_127 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), (values) => {
        const arr = decodeNpy(encodeNpy({ data: Int32Array.from(values) }));
        expect(nums(arr.data)).toEqual(values);
      }),
      { seed: 7 },
    );
  });

  it('throws typed errors for bad shapes and values that do not fit the dtype', () => {
    expect(codeOf(() => encodeNpy({ data: new Float64Array(6), shape: [4, 2] }))).toBe(
      'SHAPE_MISMATCH:shape',
    );
    expect(codeOf(() => encodeNpy({ data: new Float64Array(1), shape: [1, 1, 1] }))).toBe(
      'SHAPE_MISMATCH:shape',
    );
    expect(codeOf(() => encodeNpy({ data: new Float64Array(0), shape: [] }))).toBe(
      'SHAPE_MISMATCH:shape',
    );
    expect(codeOf(() => encodeNpy({ data: new Float64Array(2), shape: [-1, -2] }))).toBe(
      'INVALID_ARGUMENT:shape',
    );
    expect(codeOf(() => encodeNpy({ data: [2 ** 31], dtype: 'int32' }))).toBe('OUT_OF_RANGE:data');
    expect(codeOf(() => encodeNpy({ data: [0.5], dtype: 'int64' }))).toBe('OUT_OF_RANGE:data');
    expect(codeOf(() => encodeNpy({ data: [2 ** 53], dtype: 'int64' }))).toBe('OUT_OF_RANGE:data');
    expect(codeOf(() => encodeNpy({ data: [256], dtype: 'uint8' }))).toBe('OUT_OF_RANGE:data');
    expect(codeOf(() => encodeNpy({ data: [2], dtype: 'bool' }))).toBe('OUT_OF_RANGE:data');
    expect(codeOf(() => encodeNpy({ data: [1], dtype: 'int16' as never }))).toBe(
      'INVALID_ARGUMENT:dtype',
    );
    expect(codeOf(() => encodeNpy({ data: 'abc' as never }))).toBe('INVALID_ARGUMENT:data');
  });
});
