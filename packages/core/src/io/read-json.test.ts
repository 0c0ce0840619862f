import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import { parseJson, parseJsonl, readJson, readJsonl } from './read-json.js';

function errorOf(fn: () => unknown): {
  code: string;
  line: number | undefined;
  file: string | undefined;
  message: string;
} {
  try {
    fn();
  } catch (error) {
    if (isCoresetError(error))
      return { code: error.code, line: error.line, file: error.file, message: error.message };
    throw error;
  }
  throw new Error('expected a CoresetError');
}

describe('parseJson', () => {
  it('reads number[][] as a matrix and number[] as a vector', () => {
    expect(parseJson(' [[1, 2.5e1], [-0.5, 3]] \n')).toEqual({
      kind: 'matrix',
      matrix: { rows: 2, cols: 2, data: Float64Array.from([1, 25, -0.5, 3]) },
    });
    expect(parseJson('[3,1,2]')).toEqual({ kind: 'vector', vector: Float64Array.from([3, 1, 2]) });
    expect(parseJson('[]')).toEqual({ kind: 'vector', vector: new Float64Array(0) });
    expect(parseJson('[NaN, -Infinity]')).toMatchObject({ kind: 'vector' });
  });

  it('reports the line of syntax errors, non-numbers and ragged rows', () => {
    const f = { file: 'm.json' };
    expect(errorOf(() => parseJson('[\n[1, 2],\n[3, "4"]\n]', f))).toMatchObject({
      code: 'PARSE_ERROR',
      line: 3,
      file: 'm.json',
    });
    expect(errorOf(() => parseJson('[\r\n[1, 2],\r\n[3]\r\n]', f))).toMatchObject({ line: 3 });
    expect(errorOf(() => parseJson('[\r[1, 2],\r[3]\r]', f))).toMatchObject({ line: 3 });
    expect(errorOf(() => parseJson('[1,\n2,\n]', f))).toMatchObject({ line: 3 });
    expect(errorOf(() => parseJson('[1, [2]]', f)).message).toContain('mixes numbers and arrays');
    expect(errorOf(() => parseJson('[[[1]]]', f)).message).toContain('nested');
    expect(errorOf(() => parseJson('{"a": 1}', f))).toMatchObject({ line: 1 });
    expect(errorOf(() => parseJson('7', f)).message).toContain('single number');
    expect(errorOf(() => parseJson('[1] x', f)).message).toContain('after the value');
    expect(errorOf(() => parseJson('[01]', f)).code).toBe('PARSE_ERROR');
  });
});

describe('parseJsonl', () => {
  it('reads rows or numbers, one per line, with any line ending', () => {
    expect(parseJsonl('[1, 2]\r\n[3, 4]\r\n')).toEqual({
      kind: 'matrix',
      matrix: { rows: 2, cols: 2, data: Float64Array.from([1, 2, 3, 4]) },
    });
    expect(parseJsonl('5\r6\r7')).toEqual({ kind: 'vector', vector: Float64Array.from([5, 6, 7]) });
  });

  it('reports the line of bad records', () => {
    const f = { file: 'x.jsonl' };
    expect(errorOf(() => parseJsonl('[1, 2]\n[3]\n', f))).toMatchObject({
      code: 'PARSE_ERROR',
      line: 2,
      file: 'x.jsonl',
    });
    expect(errorOf(() => parseJsonl('1\n2\n[3]\n', f))).toMatchObject({ line: 3 });
    expect(errorOf(() => parseJsonl('1\n\n2\n', f))).toMatchObject({ line: 2 });
    expect(errorOf(() => parseJsonl('1\n2\n"x"\n', f))).toMatchObject({ line: 3 });
    expect(errorOf(() => parseJsonl('[[1]]\n', f))).toMatchObject({ line: 1 });
    expect(errorOf(() => parseJsonl('', f))).toMatchObject({ line: 1 });
  });
});

describe('readJson / readJsonl', () => {
  it('read files and name them in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coresets-json-'));
    try {
      writeFileSync(join(dir, 'a.json'), '[[1, 2], [3, 4]]\n');
      writeFileSync(join(dir, 'b.jsonl'), '0.5\n1.5\n');
      expect(readJson(join(dir, 'a.json'))).toMatchObject({
        kind: 'matrix',
        matrix: { rows: 2, cols: 2 },
      });
      expect(readJsonl(join(dir, 'b.jsonl'))).toEqual({
        kind: 'vector',
        vector: Float64Array.from([0.5, 1.5]),
      });
      expect(errorOf(() => readJson(join(dir, 'c.json')))).toMatchObject({
        code: 'FILE_NOT_FOUND',
        file: join(dir, 'c.json'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
