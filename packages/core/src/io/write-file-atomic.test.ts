import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import { writeFileAtomic, writeJsonAtomic } from './write-file-atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coresets-atomic-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isCoresetError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('writeFileAtomic', () => {
  it('creates and replaces files, leaving no temp files', () => {
    const path = join(dir, 'out.txt');
    writeFileAtomic(path, 'first');
    writeFileAtomic(path, Uint8Array.from([0x68, 0x69]));
    expect(readFileSync(path, 'utf8')).toBe('hi');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('leaves the target untouched and removes the temp file when the rename fails', () => {
    // A non-empty directory cannot be replaced by a file, so the final rename fails.
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'kept');
    expect(codeOf(() => writeFileAtomic(target, 'new'))).toBe('IO_ERROR');
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('reports a missing directory as FILE_NOT_FOUND naming the path', () => {
    const path = join(dir, 'no', 'such', 'dir.txt');
    try {
      writeFileAtomic(path, 'x');
      expect.unreachable();
    } catch (error) {
      expect(isCoresetError(error, 'FILE_NOT_FOUND')).toBe(true);
      expect((error as { file?: string }).file).toBe(path);
    }
  });

  it('validates its arguments', () => {
    expect(codeOf(() => writeFileAtomic('', 'x'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => writeFileAtomic(join(dir, 'a'), 5 as never))).toBe('INVALID_ARGUMENT');
  });
});

describe('writeJsonAtomic', () => {
  it('writes typed arrays as arrays, with a final newline', () => {
    const path = join(dir, 'r.json');
    writeJsonAtomic(path, { indices: Int32Array.from([3, 1]), w: Float64Array.from([0.5]), n: 7n });
    expect(readFileSync(path, 'utf8')).toBe(
      '{\n  "indices": [\n    3,\n    1\n  ],\n  "w": [\n    0.5\n  ],\n  "n": 7\n}\n',
    );
    writeJsonAtomic(path, [1, 2], { indent: 0 });
    expect(readFileSync(path, 'utf8')).toBe('[1,2]\n');
  });

  it('refuses values JSON would silently corrupt, without touching the target', () => {
    const path = join(dir, 'r.json');
    writeJsonAtomic(path, { ok: true });
    expect(codeOf(() => writeJsonAtomic(path, { loss: Number.NaN }))).toBe('NON_FINITE');
    expect(codeOf(() => writeJsonAtomic(path, { w: Float64Array.from([1, Infinity]) }))).toBe(
      'NON_FINITE',
    );
    expect(codeOf(() => writeJsonAtomic(path, { big: 2n ** 60n }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => writeJsonAtomic(path, undefined))).toBe('INVALID_ARGUMENT');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(codeOf(() => writeJsonAtomic(path, cyclic))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => writeJsonAtomic(path, {}, { indent: -1 }))).toBe('OUT_OF_RANGE');
    expect(readFileSync(path, 'utf8')).toBe('{\n  "ok": true\n}\n');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });
});
