import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { realDataRoot } from '../internal/test-data.js';
import { HTRU2_FILE, loadHtru2, parseHtru2, standardizeDatasets } from './htru2.js';

describe('parseHtru2', () => {
  it('parses CR-only, LF and CRLF lines and skips the empty tail', () => {
    const text = '1,2,3,4,5,6,7,8,0\r9,10,11,12,13,14,15,16,1\n-1.5,0,0,0,0,0,0,2e3,0\r\n';
    const d = parseHtru2(text);
    expect(d.x.rows).toBe(3);
    expect(Array.from(d.labels)).toEqual([0, 1, 0]);
    expect(Array.from(d.x.data.subarray(16, 24))).toEqual([-1.5, 0, 0, 0, 0, 0, 0, 2000]);
    expect(d.numClasses).toBe(2);
  });

  it('reports the line of malformed input', () => {
    const expectLine = (text: string, line: number, pattern: RegExp): void => {
      try {
        parseHtru2(text, 'f.csv');
        expect.unreachable();
      } catch (e) {
        expect(isCoresetError(e, 'PARSE_ERROR') && e.line).toBe(line);
        expect((e as Error).message).toMatch(pattern);
      }
    };
    expectLine('1,2,3,4,5,6,7,8,0\r1,2,3\r', 2, /expected 9 cells/);
    expectLine('1,2,3\r', 1, /expected 9 columns/);
    expectLine('1,2,3,4,5,6,7,8,0\r1,2,x,4,5,6,7,8,0', 2, /cell 3 \("x"\)/);
    expectLine('1,2,3,4,5,6,7,8,0\r1,2,3,4,5,6,7,8,2', 2, /label must be 0 or 1/);
  });
});

describe('standardizeDatasets', () => {
  it('z-scores with the statistics of the first data set', () => {
    const [a, b] = standardizeDatasets(parseHtru2('1,0,0,0,0,0,0,5,0\r3,0,0,0,0,0,0,5,1'), parseHtru2('5,1,0,0,0,0,0,5,0'));
    expect(Array.from(a.x.data.subarray(0, 2))).toEqual([-1, 0]);
    expect(a.x.data[7]).toBe(0); // constant feature: centred only
    expect(Array.from(b.x.data.subarray(0, 2))).toEqual([3, 1]);
  });
});

const root = realDataRoot('htru2', HTRU2_FILE);

describe.skipIf(root === undefined)('loadHtru2 on the real file (CORESETS_DATA_DIR)', () => {
  it('has 17,898 rows, 1,639 pulsars and the known first-feature sum', () => {
    const d = loadHtru2({ env: { CORESETS_DATA_DIR: root } });
    expect(d.x.rows).toBe(17_898);
    expect(d.labels.reduce((s, y) => s + y, 0)).toBe(1_639);
    // Reference sum of column 1 computed once with python3 from the CSV: 1988109.2734375 (float32 storage).
    let s = 0;
    for (let i = 0; i < d.x.rows; i++) s += d.x.data[i * 8];
    expect(Math.abs(s - 1988109.2734375) / 1988109.2734375).toBeLessThan(1e-7);
    expect(Array.from(d.x.data.subarray(0, 2))).toEqual([Math.fround(140.5625), Math.fround(55.68378214)]);
  });
});
