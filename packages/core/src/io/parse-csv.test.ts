import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import { parseCsv, readCsv } from './parse-csv.js';

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

describe('parseCsv', () => {
  it('reads LF, CRLF and CR-only line endings, with or without a final newline', () => {
    const expected = { rows: 2, cols: 3, data: Float64Array.from([1, 2.5, -3, 4e-3, 0, 6]) };
    for (const eol of ['\n', '\r\n', '\r']) {
      for (const tail of ['', eol, `${eol}${eol}  ${eol}`]) {
        const { header, matrix } = parseCsv(`1,2.5,-3${eol}4e-3, 0 ,6${tail}`);
        expect(header).toBeUndefined();
        expect(matrix).toEqual(expected);
      }
    }
  });

  it('detects a header line when none of its cells is a number', () => {
    const table = parseCsv('"a","b, c",d\r\n1,2,3\r\n');
    expect(table.header).toEqual(['a', 'b, c', 'd']);
    expect(table.matrix).toEqual({ rows: 1, cols: 3, data: Float64Array.from([1, 2, 3]) });
    expect(parseCsv('x\n').matrix).toEqual({ rows: 0, cols: 1, data: new Float64Array(0) });
  });

  it('honours an explicit header flag', () => {
    expect(parseCsv('1,2\n3,4', { header: true })).toEqual({
      header: ['1', '2'],
      matrix: { rows: 1, cols: 2, data: Float64Array.from([3, 4]) },
    });
    expect(errorOf(() => parseCsv('a,b\n3,4', { header: false }))).toMatchObject({
      code: 'PARSE_ERROR',
      line: 1,
    });
  });

  it('refuses to guess when the first line mixes numbers and text', () => {
    const e = errorOf(() => parseCsv('1,x\n3,4'));
    expect(e).toMatchObject({ code: 'PARSE_ERROR', line: 1 });
    expect(e.message).toContain('header: true or false');
  });

  it('supports other delimiters, quoted numbers, and nan/inf spellings', () => {
    const { matrix } = parseCsv('1\t"2"\nnan\t-inf\n', { delimiter: '\t' });
    expect(Array.from(matrix.data)).toEqual([1, 2, Number.NaN, Number.NEGATIVE_INFINITY]);
  });

  it('reports ragged rows, bad cells and blank lines with file and 1-based line', () => {
    const opts = { file: 'data.csv' };
    const ragged = errorOf(() => parseCsv('1,2\r3,4\r5\r', opts));
    expect(ragged).toMatchObject({ code: 'PARSE_ERROR', line: 3, file: 'data.csv' });
    expect(ragged.message).toMatch(/^data\.csv:3: expected 2 cells/);
    expect(errorOf(() => parseCsv('a,b\n1,2\n3,oops\n', opts))).toMatchObject({ line: 3 });
    expect(errorOf(() => parseCsv('1,2\n3,oops', opts)).message).toContain('"oops"');
    expect(errorOf(() => parseCsv('1,2\n3,\n', opts)).message).toContain('cell 2 is empty');
    expect(errorOf(() => parseCsv('1,2\n0x10,1\n', opts))).toMatchObject({ line: 2 });
    expect(errorOf(() => parseCsv('1,2\n\n3,4\n', opts))).toMatchObject({ line: 2 });
    expect(errorOf(() => parseCsv('1,"2\n', opts)).message).toContain('unterminated');
    expect(errorOf(() => parseCsv('\n \n', opts))).toMatchObject({ code: 'PARSE_ERROR', line: 1 });
  });

  it('validates its options', () => {
    expect(() => parseCsv('1', { delimiter: ';;' })).toThrow(/delimiter/);
    expect(() => parseCsv('1', { delimiter: '"' })).toThrow(/delimiter/);
    expect(errorOf(() => parseCsv('1', { header: 'yes' as never })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('readCsv', () => {
  it('reads a file, stripping a UTF-8 byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coresets-csv-'));
    try {
      const path = join(dir, 't.csv');
      writeFileSync(path, '\uFEFFw,h\r\n1,2\r\n');
      expect(readCsv(path)).toEqual({
        header: ['w', 'h'],
        matrix: { rows: 1, cols: 2, data: Float64Array.from([1, 2]) },
      });
      expect(errorOf(() => readCsv(join(dir, 'nope.csv')))).toMatchObject({
        code: 'FILE_NOT_FOUND',
        file: join(dir, 'nope.csv'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const dataDir = process.env.CORESETS_DATA_DIR;
  const htru2 = dataDir === undefined ? undefined : join(dataDir, 'htru2', 'HTRU_2.csv');
  const present = htru2 !== undefined && existsSync(htru2);
  if (!present && process.env.CI === 'true') {
    it('finds HTRU2 under CORESETS_DATA_DIR in CI', () => {
      expect.fail(
        `HTRU2 not found at ${htru2 ?? '$CORESETS_DATA_DIR/htru2/HTRU_2.csv (CORESETS_DATA_DIR unset)'}`,
      );
    });
  }
  it.skipIf(!present)(
    'reads the real HTRU2 file (CR line endings) as 17,898 × 9 [needs CORESETS_DATA_DIR]',
    () => {
      const { header, matrix } = readCsv(htru2!);
      expect(header).toBeUndefined();
      expect([matrix.rows, matrix.cols]).toEqual([17_898, 9]);
      expect(matrix.data[0]).toBe(140.5625);
      let positives = 0;
      for (let i = 0; i < matrix.rows; i++) positives += matrix.data[i * 9 + 8];
      // The UCI description: 1,639 real pulsar examples.
      expect(positives).toBe(1639);
    },
  );
});
