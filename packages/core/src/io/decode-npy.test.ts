import { describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import type { NpyTypedArray } from './npy-dtype.js';
import { NUMPY_SAVED } from './__fixtures__/numpy-saved.js';
import { decodeNpy } from './decode-npy.js';

/** Elements of a non-bigint array as plain numbers, for readable comparisons. */
const nums = (data: NpyTypedArray): number[] => Array.from(data as ArrayLike<number>);

/** "\x93NUMPY" */
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/**
 * Lays out a .npy file the way numpy does: magic, version bytes, little-endian header length
 * (2 bytes for 1.0, 4 for 2.0/3.0), the dict padded with spaces to `align` and ended by '\n',
 * then the raw payload.
 */
function npy(major: 1 | 2 | 3, dict: string, payload: readonly number[], align = 64): Uint8Array {
  const dictBytes = [...new TextEncoder().encode(dict)];
  const prefix = 8 + (major === 1 ? 2 : 4);
  const pad = align - ((prefix + dictBytes.length + 1) % align);
  const header = [...dictBytes, ...Array<number>(pad).fill(0x20), 0x0a];
  const len = header.length;
  const lenBytes =
    major === 1
      ? [len & 0xff, len >> 8]
      : [len & 0xff, (len >> 8) & 0xff, (len >> 16) & 0xff, len >>> 24];
  return Uint8Array.from([...MAGIC, major, 0, ...lenBytes, ...header, ...payload]);
}

function le(
  kind: 'f8' | 'f4' | 'i4' | 'i2' | 'u2' | 'u4' | 'i8' | 'u8',
  values: readonly number[],
  bigEndian = false,
): number[] {
  const size = { f8: 8, f4: 4, i4: 4, i2: 2, u2: 2, u4: 4, i8: 8, u8: 8 }[kind];
  const view = new DataView(new ArrayBuffer(values.length * size));
  const little = !bigEndian;
  values.forEach((v, i) => {
    const at = i * size;
    if (kind === 'f8') view.setFloat64(at, v, little);
    else if (kind === 'f4') view.setFloat32(at, v, little);
    else if (kind === 'i4') view.setInt32(at, v, little);
    else if (kind === 'i2') view.setInt16(at, v, little);
    else if (kind === 'u2') view.setUint16(at, v, little);
    else if (kind === 'u4') view.setUint32(at, v, little);
    else if (kind === 'i8') view.setBigInt64(at, BigInt(v), little);
    else view.setBigUint64(at, BigInt(v), little);
  });
  return [...new Uint8Array(view.buffer)];
}

function errorOf(fn: () => unknown): { code: string; byte: number | undefined; message: string } {
  try {
    fn();
  } catch (error) {
    if (isCoresetError(error))
      return { code: error.code, byte: error.byte, message: error.message };
    throw error;
  }
  throw new Error('expected a CoresetError');
}

describe('decodeNpy', () => {
  it('reads a file written by numpy.save byte for byte (v1.0, <f8, 3 × 2)', () => {
    const arr = decodeNpy(NUMPY_SAVED.float64_3x2);
    expect(arr.dtype).toBe('float64');
    expect(arr.shape).toEqual([3, 2]);
    expect(arr.data).toBeInstanceOf(Float64Array);
    expect(nums(arr.data)).toEqual([1.5, -2, 0, 3.25, 1e300, -0]);
    expect(Object.is(arr.data[5], -0)).toBe(true);
  });

  it('reads every numpy.save fixture into the natural typed array', () => {
    expect(decodeNpy(NUMPY_SAVED.int64_3).data).toEqual(BigInt64Array.from([0n, -1n, 2n ** 40n]));
    const bools = decodeNpy(NUMPY_SAVED.bool_4);
    expect(bools.dtype).toBe('bool');
    expect(nums(bools.data)).toEqual([1, 0, 0, 1]);
    const f4 = decodeNpy(NUMPY_SAVED.float32_2x3);
    expect(f4.data).toEqual(Float32Array.from([1, 2, 3, 4, 5, 6.5]));
    expect(decodeNpy(NUMPY_SAVED.int32_5).data).toEqual(
      Int32Array.from([1, -2, 3, 2 ** 31 - 1, -(2 ** 31)]),
    );
    const u1 = decodeNpy(NUMPY_SAVED.uint8_2x2);
    expect(u1.shape).toEqual([2, 2]);
    expect(u1.data).toEqual(Uint8Array.from([0, 255, 7, 8]));
    const empty = decodeNpy(NUMPY_SAVED.float64_0x2);
    expect(empty.shape).toEqual([0, 2]);
    expect(empty.data.length).toBe(0);
  });

  it('reads a hand-laid v1.0 file whose header length bytes are written out literally', () => {
    const dict = "{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }";
    // 10 + 118 = 128: the 118-byte header is the dict, spaces, and '\n'.
    const header = dict + ' '.repeat(118 - dict.length - 1) + '\n';
    const bytes = Uint8Array.from([
      ...MAGIC,
      0x01,
      0x00,
      0x76,
      0x00,
      ...[...header].map((c) => c.charCodeAt(0)),
      ...le('i2', [-5, 0, 300]),
    ]);
    const arr = decodeNpy(bytes);
    expect(arr.dtype).toBe('int16');
    expect(arr.data).toEqual(Int16Array.from([-5, 0, 300]));
  });

  it('reads format 2.0 (4-byte header length)', () => {
    const bytes = npy(
      2,
      "{'descr': '<u4', 'fortran_order': False, 'shape': (2, 2), }",
      le('u4', [1, 2, 3, 4_000_000_000]),
    );
    expect(bytes[8]).toBe(116); // 12 + 116 = 128
    const arr = decodeNpy(bytes);
    expect(arr.dtype).toBe('uint32');
    expect(arr.shape).toEqual([2, 2]);
    expect(arr.data).toEqual(Uint32Array.from([1, 2, 3, 4_000_000_000]));
  });

  it('reads format 3.0 (UTF-8 header) and reports byte, not character, offsets', () => {
    const ok = decodeNpy(
      npy(3, "{'descr': '<u2', 'fortran_order': False, 'shape': (3,), }", le('u2', [7, 8, 65535])),
    );
    expect(ok.data).toEqual(Uint16Array.from([7, 8, 65535]));
    // 'é' is two bytes in UTF-8, so everything after it sits one byte later than its char index.
    const dict = "{'descr': '<é', 'fortran_order': Maybe, 'shape': (1,), }";
    const e = errorOf(() => decodeNpy(npy(3, dict, le('u2', [1]))));
    expect(e.code).toBe('PARSE_ERROR');
    expect(e.byte).toBe(12 + dict.indexOf('Maybe') + 1);
  });

  it('converts big-endian data to native order', () => {
    const i4 = decodeNpy(
      npy(
        1,
        "{'descr': '>i4', 'fortran_order': False, 'shape': (3,), }",
        le('i4', [1, -2, 70000], true),
      ),
    );
    expect(i4.data).toEqual(Int32Array.from([1, -2, 70000]));
    const f8 = decodeNpy(
      npy(
        1,
        "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }",
        le('f8', [Math.PI, -1e-300], true),
      ),
    );
    expect(f8.data).toEqual(Float64Array.from([Math.PI, -1e-300]));
    const i8 = decodeNpy(
      npy(1, "{'descr': '>i8', 'fortran_order': False, 'shape': (1,), }", le('i8', [-3], true)),
    );
    expect(i8.data).toEqual(BigInt64Array.from([-3n]));
  });

  it('transposes Fortran-ordered 2-D data to row-major', () => {
    // [[1, 2, 3], [4, 5, 6]] stored column by column.
    const arr = decodeNpy(
      npy(
        1,
        "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
        le('f4', [1, 4, 2, 5, 3, 6]),
      ),
    );
    expect(arr.shape).toEqual([2, 3]);
    expect(nums(arr.data)).toEqual([1, 2, 3, 4, 5, 6]);
    const big = decodeNpy(
      npy(
        1,
        "{'descr': '<i8', 'fortran_order': True, 'shape': (3, 2), }",
        le('i8', [1, 2, 3, 4, 5, 6]),
      ),
    );
    expect(big.data).toEqual(BigInt64Array.from([1n, 4n, 2n, 5n, 3n, 6n]));
    const vector = decodeNpy(
      npy(1, "{'descr': '<i4', 'fortran_order': True, 'shape': (3,), }", le('i4', [9, 8, 7])),
    );
    expect(vector.data).toEqual(Int32Array.from([9, 8, 7]));
  });

  it('reads the remaining integer dtypes, single-byte descrs with any order mark, and uint64', () => {
    expect(
      decodeNpy(npy(1, "{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }", [0xff, 0x7f]))
        .data,
    ).toEqual(Int8Array.from([-1, 127]));
    expect(
      decodeNpy(npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (1,), }", [200])).dtype,
    ).toBe('uint8');
    expect(
      decodeNpy(
        npy(1, "{'descr': '<u8', 'fortran_order': False, 'shape': (1,), }", le('u8', [2 ** 53])),
      ).data,
    ).toEqual(BigUint64Array.from([2n ** 53n]));
  });

  it('accepts old 16-byte aligned headers, double quotes and Python 2 long suffixes', () => {
    const bytes = npy(
      1,
      '{"descr": "<f8", "fortran_order": False, "shape": (2L, 1L)}',
      le('f8', [0.5, 0.25]),
      16,
    );
    expect(bytes.length % 16).toBe(0);
    const arr = decodeNpy(bytes);
    expect(arr.shape).toEqual([2, 1]);
    expect(nums(arr.data)).toEqual([0.5, 0.25]);
  });

  it('decodes from views at an odd byte offset and from pooled Buffers', () => {
    const file = npy(
      1,
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
      le('f8', [1.25, -8]),
    );
    const backing = new Uint8Array(file.length + 3);
    backing.set(file, 1);
    expect(nums(decodeNpy(backing.subarray(1, 1 + file.length)).data)).toEqual([1.25, -8]);
    // Small Buffers share one pooled ArrayBuffer, as readFileSync's results do.
    const pooled = Buffer.from(file);
    expect(nums(decodeNpy(pooled).data)).toEqual([1.25, -8]);
  });

  it('rejects a bad magic string at the first differing byte', () => {
    const bytes = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }", []);
    bytes[3] = 0x6d; // 'm'
    const e = errorOf(() => decodeNpy(bytes, { file: 'x.npy' }));
    expect(e).toMatchObject({ code: 'PARSE_ERROR', byte: 3 });
    expect(e.message).toContain('x.npy');
    expect(e.message).toContain('magic');
    expect(errorOf(() => decodeNpy(Uint8Array.from([0x93, 0x4e]))).byte).toBe(2);
  });

  it('rejects unsupported versions at byte 6', () => {
    const bytes = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }", []);
    bytes[6] = 4;
    expect(errorOf(() => decodeNpy(bytes))).toMatchObject({ code: 'UNSUPPORTED_FORMAT', byte: 6 });
  });

  it('rejects truncated headers and truncated data with the byte offset where the file ends', () => {
    const whole = npy(
      1,
      "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }",
      le('f8', [1, 2, 3]),
    );
    const cutData = whole.subarray(0, whole.length - 5);
    const e = errorOf(() => decodeNpy(cutData));
    expect(e).toMatchObject({ code: 'PARSE_ERROR', byte: cutData.length });
    expect(e.message).toContain('needs 24 bytes');
    const cutHeader = whole.subarray(0, 40);
    expect(errorOf(() => decodeNpy(cutHeader))).toMatchObject({ code: 'PARSE_ERROR', byte: 40 });
    expect(errorOf(() => decodeNpy(whole.subarray(0, 9))).byte).toBe(9);
  });

  it('rejects trailing bytes after the data', () => {
    const bytes = npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", [1, 2, 3]);
    expect(errorOf(() => decodeNpy(bytes))).toMatchObject({ code: 'PARSE_ERROR', byte: 130 });
  });

  it('rejects malformed headers with the offset of the offending character', () => {
    const missing = "{'descr': '<f8', 'shape': (1,), }";
    expect(errorOf(() => decodeNpy(npy(1, missing, le('f8', [1]))))).toMatchObject({
      code: 'PARSE_ERROR',
      byte: 10,
    });
    const garbage = "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1,), }";
    const e = errorOf(() => decodeNpy(npy(1, garbage, le('f8', [1]))));
    expect(e).toMatchObject({ code: 'PARSE_ERROR', byte: 10 + garbage.indexOf('Maybe') });
    const wrongType = "{'descr': '<f8', 'fortran_order': 'no', 'shape': (1,), }";
    expect(errorOf(() => decodeNpy(npy(1, wrongType, le('f8', [1])))).message).toContain(
      "'fortran_order' must be a bool",
    );
    const notDict = "['descr']";
    expect(errorOf(() => decodeNpy(npy(1, notDict, [])))).toMatchObject({
      code: 'PARSE_ERROR',
      byte: 10,
    });
  });

  it('rejects 0-D and 3-D arrays by name', () => {
    const zero = errorOf(() =>
      decodeNpy(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", le('f8', [1]))),
    );
    expect(zero.code).toBe('UNSUPPORTED_FORMAT');
    expect(zero.message).toContain('0-D');
    const three = errorOf(() =>
      decodeNpy(
        npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", le('f8', [1])),
      ),
    );
    expect(three.code).toBe('UNSUPPORTED_FORMAT');
    expect(three.message).toContain('3-D');
  });

  it('rejects unsupported dtypes, including structured ones, by their descr', () => {
    for (const descr of ['<c16', '<f2', '|i4', '<U5', 'xf8']) {
      const e = errorOf(() =>
        decodeNpy(npy(1, `{'descr': '${descr}', 'fortran_order': False, 'shape': (0,), }`, [])),
      );
      expect(e.code).toBe('UNSUPPORTED_FORMAT');
      expect(e.message).toContain(descr);
    }
    const structured = "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (0,), }";
    expect(errorOf(() => decodeNpy(npy(1, structured, []))).message).toContain('structured');
  });

  it('rejects bool bytes other than 0 and 1 at their offset', () => {
    const bytes = npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", [1, 0, 2]);
    expect(errorOf(() => decodeNpy(bytes))).toMatchObject({ code: 'PARSE_ERROR', byte: 128 + 2 });
  });
});
