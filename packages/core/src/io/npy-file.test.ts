import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import type { NpyTypedArray } from './npy-dtype.js';
import { NUMPY_SAVED } from './__fixtures__/numpy-saved.js';
import { readNpy, writeNpy } from './npy-file.js';

/** Elements of a non-bigint array as plain numbers, for readable comparisons. */
const nums = (data: NpyTypedArray): number[] => Array.from(data as ArrayLike<number>);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coresets-npy-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readNpy / writeNpy', () => {
  it('writes numpy-identical files and reads them back', () => {
    const path = join(dir, 'x.npy');
    writeNpy(path, { data: Float32Array.from([1, 2, 3, 4, 5, 6.5]), shape: [2, 3] });
    expect(new Uint8Array(readFileSync(path))).toEqual(NUMPY_SAVED.float32_2x3);
    const arr = readNpy(path);
    expect(arr.shape).toEqual([2, 3]);
    expect(nums(arr.data)).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect(readdirSync(dir)).toEqual(['x.npy']);
  });

  it('names the file in errors', () => {
    const missing = join(dir, 'missing.npy');
    try {
      readNpy(missing);
      expect.unreachable();
    } catch (error) {
      expect(isCoresetError(error, 'FILE_NOT_FOUND')).toBe(true);
      expect((error as { file?: string }).file).toBe(missing);
    }
    const bad = join(dir, 'bad.npy');
    writeFileSync(bad, 'not numpy');
    try {
      readNpy(bad);
      expect.unreachable();
    } catch (error) {
      expect(isCoresetError(error, 'PARSE_ERROR')).toBe(true);
      expect((error as { file?: string }).file).toBe(bad);
      expect((error as Error).message).toContain(bad);
    }
  });
});
