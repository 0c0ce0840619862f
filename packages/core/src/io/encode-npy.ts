import { CoresetError } from '../errors/coreset-error.js';
import type { NpyDtype } from './npy-dtype.js';
import { NPY_DTYPES, descrOf } from './npy-dtype.js';
import { formatNpyHeader } from './npy-header.js';

/** The dtypes `encodeNpy` writes. */
export type NpyWriteDtype = Extract<
  NpyDtype,
  'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool'
>;

export interface NpyWriteInput {
  /** Elements in row-major order. */
  readonly data:
    | Float32Array
    | Float64Array
    | Int32Array
    | BigInt64Array
    | Uint8Array
    | readonly number[]
    | readonly boolean[];
  /** `[n]` or `[rows, cols]`; defaults to `[data.length]`. */
  readonly shape?: readonly number[] | undefined;
  /**
   * Defaults from `data`: Float32Array → float32, Float64Array and number[] → float64, Int32Array →
   * int32, BigInt64Array → int64, Uint8Array → uint8, boolean[] → bool. Pass `int64` to write
   * indices from an Int32Array or numbers in numpy's default integer type.
   */
  readonly dtype?: NpyWriteDtype | undefined;
}

const ALIGN = 64;
const WRITE_DTYPES: readonly NpyWriteDtype[] = [
  'float32',
  'float64',
  'int32',
  'int64',
  'uint8',
  'bool',
];

/**
 * Encodes a 1-D or 2-D array as a `.npy` file (format 1.0, C order, little-endian), byte-identical
 * to what `numpy.save` writes for the same array. Values that do not fit the dtype throw
 * `OUT_OF_RANGE` rather than wrapping.
 */
export function encodeNpy(input: NpyWriteInput): Uint8Array {
  const { data } = input;
  if (!ArrayBuffer.isView(data) && !Array.isArray(data)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'encodeNpy: data must be a typed array or an array',
      {
        argument: 'data',
      },
    );
  }
  const length = data.length;
  const shape = input.shape ?? [length];
  if (shape.length !== 1 && shape.length !== 2) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `encodeNpy: shape must have 1 or 2 dimensions, got ${shape.length}`,
      {
        argument: 'shape',
      },
    );
  }
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `encodeNpy: shape entries must be non-negative integers, got ${d}`,
        {
          argument: 'shape',
        },
      );
    }
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== length) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `encodeNpy: shape (${shape.join(', ')}) has ${count} elements, data has ${length}`,
      {
        argument: 'shape',
      },
    );
  }
  const dtype = input.dtype ?? defaultDtype(data);
  if (!WRITE_DTYPES.includes(dtype)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `encodeNpy: dtype must be one of ${WRITE_DTYPES.join(', ')}, got "${String(dtype)}"`,
      {
        argument: 'dtype',
      },
    );
  }

  const dict = formatNpyHeader({ descr: descrOf(dtype), fortranOrder: false, shape });
  // numpy pads with spaces and a final newline so that magic (6) + version (2) + length (2) + header
  // is a multiple of 64, adding a full 64 when already aligned (numpy/lib/format.py _wrap_header).
  const prefix = 10;
  const padding = ALIGN - ((prefix + dict.length + 1) % ALIGN);
  const headerText = `${dict}${' '.repeat(padding)}\n`;
  if (headerText.length > 0xffff) {
    throw new CoresetError('OUT_OF_RANGE', 'encodeNpy: header longer than 65535 bytes', {
      argument: 'shape',
    });
  }
  const itemSize = NPY_DTYPES[dtype].itemSize;
  const out = new Uint8Array(prefix + headerText.length + count * itemSize);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  const view = new DataView(out.buffer);
  view.setUint16(8, headerText.length, true);
  for (let i = 0; i < headerText.length; i++) out[prefix + i] = headerText.charCodeAt(i);
  writeElements(view, prefix + headerText.length, data, dtype);
  return out;
}

function defaultDtype(data: NpyWriteInput['data']): NpyWriteDtype {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof BigInt64Array) return 'int64';
  if (data instanceof Uint8Array) return 'uint8';
  if (Array.isArray(data))
    return data.length > 0 && typeof data[0] === 'boolean' ? 'bool' : 'float64';
  throw new CoresetError('INVALID_ARGUMENT', 'encodeNpy: unsupported data type; pass `dtype`', {
    argument: 'data',
  });
}

function writeElements(
  view: DataView,
  start: number,
  data: NpyWriteInput['data'],
  dtype: NpyWriteDtype,
): void {
  const n = data.length;
  const at = (i: number): unknown => data[i];
  const bad = (i: number, reason: string): never => {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `encodeNpy: data[${i}] = ${String(at(i))} ${reason} for ${dtype}`,
      {
        argument: 'data',
      },
    );
  };
  const number = (i: number): number => {
    const v = at(i);
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') {
      const x = Number(v);
      return Number.isSafeInteger(x) ? x : bad(i, 'is beyond ±2^53');
    }
    if (typeof v === 'boolean') return v ? 1 : 0;
    return bad(i, 'is not a number');
  };
  switch (dtype) {
    case 'float32':
      for (let i = 0; i < n; i++) view.setFloat32(start + 4 * i, number(i), true);
      return;
    case 'float64':
      for (let i = 0; i < n; i++) view.setFloat64(start + 8 * i, number(i), true);
      return;
    case 'int32':
      for (let i = 0; i < n; i++) {
        const v = number(i);
        if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff)
          bad(i, 'is not representable');
        view.setInt32(start + 4 * i, v, true);
      }
      return;
    case 'int64':
      for (let i = 0; i < n; i++) {
        const v = at(i);
        if (typeof v === 'bigint') {
          if (v < -(2n ** 63n) || v >= 2n ** 63n) bad(i, 'is not representable');
          view.setBigInt64(start + 8 * i, v, true);
        } else {
          const x = number(i);
          if (!Number.isSafeInteger(x)) bad(i, 'is not a safe integer');
          view.setBigInt64(start + 8 * i, BigInt(x), true);
        }
      }
      return;
    case 'uint8':
      for (let i = 0; i < n; i++) {
        const v = number(i);
        if (!Number.isInteger(v) || v < 0 || v > 255) bad(i, 'is not representable');
        view.setUint8(start + i, v);
      }
      return;
    case 'bool':
      for (let i = 0; i < n; i++) {
        const v = number(i);
        if (v !== 0 && v !== 1) bad(i, 'is not 0, 1, true or false');
        view.setUint8(start + i, v);
      }
      return;
  }
}
