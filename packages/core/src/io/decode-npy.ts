import { CoresetError } from '../errors/coreset-error.js';
import { fileDetail } from './internal/file-detail.js';
import type { NpyDtype, NpyTypedArray } from './npy-dtype.js';
import { parseDescr } from './npy-dtype.js';
import { parseNpyHeader } from './npy-header.js';

/** A decoded `.npy` array, always in C (row-major) order. */
export interface NpyArray {
  readonly dtype: NpyDtype;
  /** `[n]` or `[rows, cols]`. */
  readonly shape: readonly number[];
  /** Elements in row-major order; `int64`/`uint64` as bigint arrays, `bool` as 0 / 1 bytes. */
  readonly data: NpyTypedArray;
}

export interface DecodeNpyOptions {
  /** Named in error messages. */
  readonly file?: string | undefined;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Decodes the bytes of a `.npy` file (format versions 1.0, 2.0 and 3.0). Big-endian data is
 * converted to native order and Fortran-ordered data is transposed to C order, so `data` is always
 * row-major. Errors are `CoresetError`s with the byte offset of the problem.
 */
export function decodeNpy(bytes: Uint8Array, options: DecodeNpyOptions = {}): NpyArray {
  const { file } = options;
  const where = file ?? '.npy data';
  const fail = (
    code: 'PARSE_ERROR' | 'UNSUPPORTED_FORMAT',
    byte: number,
    reason: string,
  ): never => {
    throw new CoresetError(code, `${where}: ${reason} (byte ${byte})`, {
      argument: 'bytes',
      byte,
      ...fileDetail(file),
    });
  };
  if (!(bytes instanceof Uint8Array)) {
    throw new CoresetError('INVALID_ARGUMENT', 'decodeNpy: bytes must be a Uint8Array', {
      argument: 'bytes',
    });
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes.length <= i)
      fail('PARSE_ERROR', i, 'truncated before the end of the \\x93NUMPY magic string');
    if (bytes[i] !== MAGIC[i])
      fail('PARSE_ERROR', i, 'not a .npy file: bad magic string (expected \\x93NUMPY)');
  }
  if (bytes.length < 8) fail('PARSE_ERROR', bytes.length, 'truncated before the format version');
  const major = bytes[6];
  const minor = bytes[7];
  if (minor !== 0 || major < 1 || major > 3) {
    fail(
      'UNSUPPORTED_FORMAT',
      6,
      `unsupported .npy format version ${major}.${minor} (1.0, 2.0 and 3.0 are)`,
    );
  }
  const lengthBytes = major === 1 ? 2 : 4;
  const headerStart = 8 + lengthBytes;
  if (bytes.length < headerStart)
    fail('PARSE_ERROR', bytes.length, 'truncated inside the header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = headerStart + headerLength;
  if (bytes.length < dataStart) {
    fail(
      'PARSE_ERROR',
      bytes.length,
      `truncated header: it declares ${headerLength} bytes, ${bytes.length - headerStart} present`,
    );
  }
  const headerBytes = bytes.subarray(headerStart, dataStart);
  // Versions 1 and 2 store the header as latin-1, version 3 as UTF-8.
  let headerText: string;
  try {
    headerText = new TextDecoder(major === 3 ? 'utf-8' : 'latin1', { fatal: true }).decode(
      headerBytes,
    );
  } catch (error) {
    throw new CoresetError(
      'PARSE_ERROR',
      `${where}: header is not valid UTF-8 (byte ${headerStart})`,
      {
        argument: 'bytes',
        ...fileDetail(file),
        byte: headerStart,
        cause: error,
      },
    );
  }
  const encoder = new TextEncoder();
  const header = parseNpyHeader(headerText, {
    file,
    byteAt: (charIndex) =>
      headerStart +
      (major === 3 ? encoder.encode(headerText.slice(0, charIndex)).length : charIndex),
  });

  const descr = parseDescr(header.descr);
  if (descr === undefined) {
    return fail('UNSUPPORTED_FORMAT', headerStart, `unsupported dtype descr '${header.descr}'`);
  }
  const { info, bigEndian } = descr;
  const { shape } = header;
  if (shape.length !== 1 && shape.length !== 2) {
    fail(
      'UNSUPPORTED_FORMAT',
      headerStart,
      `${shape.length}-D arrays (shape (${shape.join(', ')})) are not supported; only 1-D and 2-D arrays are`,
    );
  }
  const count = shape.reduce((a, b) => a * b, 1);
  const byteLength = count * info.itemSize;
  const available = bytes.length - dataStart;
  if (available < byteLength) {
    fail(
      'PARSE_ERROR',
      bytes.length,
      `truncated data: shape (${shape.join(', ')}) of ${header.descr} needs ${byteLength} bytes after the header, found ${available}`,
    );
  }
  if (available > byteLength) {
    fail(
      'PARSE_ERROR',
      dataStart + byteLength,
      `${available - byteLength} unexpected trailing bytes after the data`,
    );
  }

  // Copy into a fresh buffer: the payload is rarely aligned for the typed-array view (Node pools
  // small Buffers, and old numpy aligned headers to 16 bytes only).
  // (`bytes.slice` would not do: on a Buffer it returns a view of the shared pool.)
  const copy = new Uint8Array(byteLength);
  copy.set(bytes.subarray(dataStart, dataStart + byteLength));
  if (bigEndian) swapBytes(copy, info.itemSize);
  let data = info.wrap(copy.buffer);
  if (info.dtype === 'bool') {
    const bools = data as Uint8Array;
    for (let i = 0; i < bools.length; i++) {
      if (bools[i] > 1)
        fail(
          'PARSE_ERROR',
          dataStart + i,
          `bool element ${i} has byte value ${bools[i]}, expected 0 or 1`,
        );
    }
  }
  if (header.fortranOrder && shape.length === 2)
    data = fortranToC(data, shape[0], shape[1], info.create);
  return { dtype: info.dtype, shape: [...shape], data };
}

function swapBytes(bytes: Uint8Array, size: number): void {
  for (let offset = 0; offset < bytes.length; offset += size) {
    for (let a = offset, b = offset + size - 1; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
}

/** Column-major `rows × cols` → row-major: element (i, j) moves from `j * rows + i` to `i * cols + j`. */
function fortranToC(
  source: NpyTypedArray,
  rows: number,
  cols: number,
  create: (length: number) => NpyTypedArray,
): NpyTypedArray {
  const out = create(source.length);
  // Same element type on both sides (number or bigint); the cast only spares a per-dtype copy loop.
  const src = source as unknown as Record<number, number>;
  const dst = out as unknown as Record<number, number>;
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) dst[i * cols + j] = src[j * rows + i];
  }
  return out;
}
