import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import { encodeNpy } from './encode-npy.js';
import { readMatrixFile, readVectorFile } from './read-matrix-file.js';

let dir: string;
const at = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coresets-read-'));
  writeFileSync(
    at('m.npy'),
    encodeNpy({ data: Float32Array.from([1, 2, 3, 4, 5, 6]), shape: [3, 2] }),
  );
  writeFileSync(at('v.npy'), encodeNpy({ data: [2, 0, 1], dtype: 'int64' }));
  writeFileSync(at('col.npy'), encodeNpy({ data: Float64Array.from([7, 8]), shape: [2, 1] }));
  writeFileSync(at('M.CSV'), 'a,b\r1,2\r3,4\r5,6\r');
  writeFileSync(at('m.tsv'), '1\t2\n3\t4\n5\t6\n');
  writeFileSync(at('semi.csv'), '1;2\n3;4\n5;6\n');
  writeFileSync(at('m.json'), '[[1,2],[3,4],[5,6]]');
  writeFileSync(at('m.jsonl'), '[1,2]\n[3,4]\n[5,6]\n');
  writeFileSync(at('v.json'), '[2, 0, 1]');
  writeFileSync(at('v.jsonl'), '2\n0\n1\n');
  writeFileSync(at('row.csv'), '2,0,1\n');
  writeFileSync(at('data.parquet'), 'PAR1');
  mkdirSync(at('folder.csv'));
});
afterAll(() => {
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

describe('readMatrixFile', () => {
  it('reads the same 3 × 2 matrix from every format', () => {
    const expected = { rows: 3, cols: 2, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    for (const name of ['m.npy', 'M.CSV', 'm.tsv', 'm.json', 'm.jsonl'])
      expect(readMatrixFile(at(name))).toEqual(expected);
    expect(readMatrixFile(at('semi.csv'), { delimiter: ';' })).toEqual(expected);
  });

  it('rejects vectors, unknown extensions and missing files by name', () => {
    expect(codeOf(() => readMatrixFile(at('v.npy')))).toBe('SHAPE_MISMATCH');
    try {
      readVectorFile(at('m.npy'));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'SHAPE_MISMATCH', argument: 'path', file: at('m.npy') });
    }
    expect(codeOf(() => readMatrixFile(at('v.json')))).toBe('SHAPE_MISMATCH');
    try {
      readMatrixFile(at('data.parquet'));
      expect.unreachable();
    } catch (error) {
      expect(isCoresetError(error, 'UNSUPPORTED_FORMAT')).toBe(true);
      expect((error as Error).message).toContain('".parquet"');
    }
    try {
      readMatrixFile(at('absent.npy'));
      expect.unreachable();
    } catch (error) {
      expect(isCoresetError(error, 'FILE_NOT_FOUND')).toBe(true);
      expect((error as { file?: string }).file).toBe(at('absent.npy'));
    }
  });
  it('reports other read failures as IO_ERROR', () => {
    expect(codeOf(() => readMatrixFile(at('folder.csv')))).toBe('IO_ERROR');
  });
});

describe('readVectorFile', () => {
  it('reads 1-D data and single-column or single-row matrices', () => {
    const expected = Float64Array.from([2, 0, 1]);
    for (const name of ['v.npy', 'v.json', 'v.jsonl', 'row.csv'])
      expect(readVectorFile(at(name))).toEqual(expected);
    expect(readVectorFile(at('col.npy'))).toEqual(Float64Array.from([7, 8]));
  });

  it('rejects wider matrices', () => {
    expect(codeOf(() => readVectorFile(at('m.npy')))).toBe('SHAPE_MISMATCH');
    expect(codeOf(() => readVectorFile(at('m.json')))).toBe('SHAPE_MISMATCH');
  });
});
