import { describe, expect, it } from 'vitest';
import { TopKRow } from './top-k-row.js';

describe('TopKRow', () => {
  it('keeps the k largest keys, ties to the lower index, drained by index', () => {
    const top = new TopKRow(3);
    const keys = [5, 1, 7, 5, 7, 2, 5];
    keys.forEach((key, j) => top.offer(key, j, key * 10));
    const idx = new Int32Array(3);
    const val = new Float64Array(3);
    expect(top.drain(idx, val, 0)).toBe(3);
    // 7 (j = 2), 7 (j = 4), then 5 at the lowest index (j = 0).
    expect(Array.from(idx)).toEqual([0, 2, 4]);
    expect(Array.from(val)).toEqual([50, 70, 70]);
    expect(top.size).toBe(0);
  });
});
