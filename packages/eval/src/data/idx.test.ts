import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { decodeIdx, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, readIdxFile } from './idx.js';

function idx(magic: number, dims: number[], payload: number[]): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + payload.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(payload, 4 + 4 * dims.length);
  return out;
}

describe('decodeIdx', () => {
  it('reads big-endian dimensions and the byte payload', () => {
    const images = decodeIdx(idx(IDX_IMAGES_MAGIC, [2, 1, 3], [1, 2, 3, 4, 5, 255]), IDX_IMAGES_MAGIC);
    expect(images.dims).toEqual([2, 1, 3]);
    expect(Array.from(images.data)).toEqual([1, 2, 3, 4, 5, 255]);
    const labels = decodeIdx(idx(IDX_LABELS_MAGIC, [3], [7, 0, 9]), IDX_LABELS_MAGIC);
    expect(labels.dims).toEqual([3]);
  });

  it('raises typed errors for a wrong magic number, a truncated header and a short payload', () => {
    const expectError = (f: () => unknown, code: string, byte: number): void => {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(isCoresetError(e) && [e.code, e.byte]).toEqual([code, byte]);
      }
    };
    // A labels file where images were expected (2049 ≠ 2051).
    expectError(() => decodeIdx(idx(IDX_LABELS_MAGIC, [1], [0]), IDX_IMAGES_MAGIC), 'UNSUPPORTED_FORMAT', 0);
    expectError(() => decodeIdx(new Uint8Array([0, 0]), IDX_LABELS_MAGIC), 'PARSE_ERROR', 0);
    expectError(() => decodeIdx(idx(IDX_IMAGES_MAGIC, [1, 2], []).subarray(0, 10), IDX_IMAGES_MAGIC), 'PARSE_ERROR', 10);
    expectError(() => decodeIdx(idx(IDX_IMAGES_MAGIC, [1, 2, 2], [1, 2, 3]), IDX_IMAGES_MAGIC), 'PARSE_ERROR', 16);
  });
});

describe('readIdxFile', () => {
  it('gunzips gzip files, reads plain ones, and reports missing files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idx-'));
    const bytes = idx(IDX_LABELS_MAGIC, [4], [1, 2, 3, 4]);
    writeFileSync(join(dir, 'a.gz'), gzipSync(bytes));
    writeFileSync(join(dir, 'a'), bytes);
    expect(Array.from(readIdxFile(join(dir, 'a.gz'), IDX_LABELS_MAGIC).data)).toEqual([1, 2, 3, 4]);
    expect(Array.from(readIdxFile(join(dir, 'a'), IDX_LABELS_MAGIC).data)).toEqual([1, 2, 3, 4]);
    expect(() => readIdxFile(join(dir, 'missing.gz'), IDX_LABELS_MAGIC)).toThrow(/cannot read/);
    writeFileSync(join(dir, 'bad.gz'), new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
    expect(() => readIdxFile(join(dir, 'bad.gz'), IDX_LABELS_MAGIC)).toThrow(/corrupt gzip/);
  });
});
