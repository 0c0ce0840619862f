import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { selectRandom } from './select-random.js';

describe('selectRandom', () => {
  it('keeps round(N · (1 − rate)) distinct indices in increasing order, reproducibly', () => {
    const r = selectRandom({ n: 1000 }, { rate: 0.9, seed: 5 });
    expect(r.indices).toHaveLength(100);
    expect(new Set(r.indices).size).toBe(100);
    expect(Array.from(r.indices)).toEqual([...r.indices].sort((a, b) => a - b));
    expect(Array.from(selectRandom({ n: 1000 }, { rate: 0.9, seed: 5 }).indices)).toEqual(
      Array.from(r.indices),
    );
    expect(Array.from(selectRandom({ n: 1000 }, { rate: 0.9, seed: 6 }).indices)).not.toEqual(
      Array.from(r.indices),
    );
    expect(r.meta.m).toBe(100);
  });

  it('takes water-filled per-class counts when balanced', () => {
    const labels = [
      ...new Array<number>(3).fill(0),
      ...new Array<number>(50).fill(1),
      ...new Array<number>(47).fill(2),
    ];
    // sizes [3, 50, 47]: class 0 gives all 3, then class 2 (smaller) gets ⌊27/2⌋ = 13, class 1 the rest
    const r = selectRandom({ labels }, { budget: 30, balanced: true, seed: 2 });
    expect(r.meta.classCounts).toEqual([3, 14, 13]);
    const counts = [0, 0, 0];
    for (const i of r.indices) counts[labels[i]]++;
    expect(counts).toEqual([3, 14, 13]);
    expect(new Set(r.indices).size).toBe(30);
  });

  it('draws each index with equal probability', () => {
    const hits = new Array<number>(20).fill(0);
    for (let s = 0; s < 1000; s++)
      for (const i of selectRandom({ n: 20 }, { budget: 5, seed: s }).indices) hits[i]++;
    // binomial(1000, 0.25): sd ≈ 13.7; 5 sd band
    for (const h of hits) expect(Math.abs(h - 250)).toBeLessThan(69);
  });

  it('validates its input', () => {
    const argOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isCoresetError(e) ? `${e.code}:${e.argument}` : 'other';
      }
      return undefined;
    };
    expect(argOf(() => selectRandom({}, { budget: 1 }))).toBe('MISSING_OPTION:n');
    expect(argOf(() => selectRandom({ n: 10 }, { budget: 1, balanced: true }))).toBe(
      'MISSING_OPTION:labels',
    );
    expect(argOf(() => selectRandom({ n: 3, labels: [0, 1] }, { budget: 1 }))).toBe(
      'SHAPE_MISMATCH:n',
    );
    expect(argOf(() => selectRandom({ n: 3 }, { budget: 4 }))).toBe('OUT_OF_RANGE:budget');
    expect(argOf(() => selectRandom({ labels: [0, -1] }, { budget: 1 }))).toBe(
      'INVALID_ARGUMENT:labels',
    );
  });
});
