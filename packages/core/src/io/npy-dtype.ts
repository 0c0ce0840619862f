/** The element types `.npy` files may hold here (numpy names). */
export type NpyDtype =
  | 'float32'
  | 'float64'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'bool';

/** The typed array each dtype decodes into; `bool` is a `Uint8Array` of 0 / 1. */
export type NpyTypedArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array;

export interface NpyDtypeInfo {
  readonly dtype: NpyDtype;
  /** numpy's type character and size, e.g. `f8`. */
  readonly code: string;
  readonly itemSize: number;
  readonly create: (length: number) => NpyTypedArray;
  readonly wrap: (buffer: ArrayBuffer) => NpyTypedArray;
}

function info(
  dtype: NpyDtype,
  code: string,
  Ctor: {
    readonly BYTES_PER_ELEMENT: number;
    new (length: number): NpyTypedArray;
    new (buffer: ArrayBuffer): NpyTypedArray;
  },
): NpyDtypeInfo {
  return {
    dtype,
    code,
    itemSize: Ctor.BYTES_PER_ELEMENT,
    create: (length) => new Ctor(length),
    wrap: (buffer) => new Ctor(buffer),
  };
}

export const NPY_DTYPES: Readonly<Record<NpyDtype, NpyDtypeInfo>> = {
  float32: info('float32', 'f4', Float32Array),
  float64: info('float64', 'f8', Float64Array),
  int8: info('int8', 'i1', Int8Array),
  int16: info('int16', 'i2', Int16Array),
  int32: info('int32', 'i4', Int32Array),
  int64: info('int64', 'i8', BigInt64Array),
  uint8: info('uint8', 'u1', Uint8Array),
  uint16: info('uint16', 'u2', Uint16Array),
  uint32: info('uint32', 'u4', Uint32Array),
  uint64: info('uint64', 'u8', BigUint64Array),
  bool: info('bool', 'b1', Uint8Array),
};

const BY_CODE = new Map(Object.values(NPY_DTYPES).map((d) => [d.code, d]));

export interface ParsedDescr {
  readonly info: NpyDtypeInfo;
  readonly bigEndian: boolean;
}

/**
 * Parses a numpy `descr` such as `<f8`, `|u1` or `>i4`. Returns `undefined` for anything not
 * supported (the caller reports it with the file position). `=` means native order, which is
 * little-endian on every platform Node runs on.
 */
export function parseDescr(descr: string): ParsedDescr | undefined {
  const order = descr[0];
  const dtype = BY_CODE.get(descr.slice(1));
  if (dtype === undefined || !['<', '>', '|', '='].includes(order)) return undefined;
  // numpy writes `|` only for single-byte types; a multi-byte `|` descr is not a valid file.
  if (order === '|' && dtype.itemSize !== 1) return undefined;
  return { info: dtype, bigEndian: order === '>' && dtype.itemSize > 1 };
}

/** The descr numpy writes for a dtype (little-endian, or `|` for single bytes). */
export function descrOf(dtype: NpyDtype): string {
  const d = NPY_DTYPES[dtype];
  return `${d.itemSize === 1 ? '|' : '<'}${d.code}`;
}
