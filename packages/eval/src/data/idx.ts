import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { CoresetError } from '@coresets/core';

/** Magic numbers of the two IDX files used here: unsigned bytes, rank 3 (images) or 1 (labels). */
export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;

export interface IdxArray {
  readonly magic: number;
  /** Dimensions from the header, e.g. [60000, 28, 28]. */
  readonly dims: readonly number[];
  /** The unsigned-byte payload, row-major, a view into the decoded buffer. */
  readonly data: Uint8Array;
}

/**
 * Decodes an (already gunzipped) IDX file of unsigned bytes and checks its magic number and
 * length. `file` only labels errors.
 */
export function decodeIdx(bytes: Uint8Array, expectedMagic: number, file = '<bytes>'): IdxArray {
  if (bytes.length < 4) {
    throw new CoresetError('PARSE_ERROR', `${file}: too short for an IDX header (${bytes.length} bytes)`, {
      file,
      byte: 0,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) {
    throw new CoresetError(
      'UNSUPPORTED_FORMAT',
      `${file}: IDX magic number is ${magic}, expected ${expectedMagic} (${expectedMagic === IDX_IMAGES_MAGIC ? 'images' : 'labels'})`,
      { file, byte: 0 },
    );
  }
  // The third byte codes the element type (0x08 = unsigned byte), the fourth the rank.
  const rank = magic & 0xff;
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw new CoresetError('PARSE_ERROR', `${file}: header of rank ${rank} is truncated`, { file, byte: bytes.length });
  }
  const dims: number[] = [];
  let count = 1;
  for (let r = 0; r < rank; r++) {
    const d = view.getUint32(4 + 4 * r, false);
    dims.push(d);
    count *= d;
  }
  if (bytes.length !== headerBytes + count) {
    throw new CoresetError(
      'PARSE_ERROR',
      `${file}: header promises ${count} values (${dims.join(' × ')}) but the payload has ${bytes.length - headerBytes} bytes`,
      { file, byte: headerBytes },
    );
  }
  return { magic, dims, data: bytes.subarray(headerBytes) };
}

/** Reads an IDX file, gunzipping it when it starts with the gzip signature. */
export function readIdxFile(path: string, expectedMagic: number): IdxArray {
  let raw: Uint8Array;
  try {
    raw = readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IO_ERROR';
    throw new CoresetError(code, `cannot read ${path}`, { file: path, cause });
  }
  let bytes = raw;
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      bytes = gunzipSync(raw);
    } catch (cause) {
      throw new CoresetError('PARSE_ERROR', `${path}: corrupt gzip stream`, { file: path, cause });
    }
  }
  return decodeIdx(bytes, expectedMagic, path);
}
