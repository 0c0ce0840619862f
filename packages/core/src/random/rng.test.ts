import { describe, expect, it } from 'vitest';
import { Rng, weightedSampler } from './rng.js';

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = Rng.fromSeed(42);
    const b = Rng.fromSeed(42);
    const c = Rng.fromSeed(43);
    const sa = Array.from({ length: 8 }, () => a.nextUint32());
    const sb = Array.from({ length: 8 }, () => b.nextUint32());
    const sc = Array.from({ length: 8 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('uniform() stays in [0, 1) with mean ≈ 1/2', () => {
    const rng = Rng.fromSeed(1);
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    // std of the mean is 1/sqrt(12 n) ≈ 0.002; 5 sigma.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.011);
  });

  it('normal() has mean ≈ 0 and variance ≈ 1', () => {
    const rng = Rng.fromSeed(7);
    const n = 20_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.036); // 5 / sqrt(n)
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05); // 5 · sqrt(2/n)
  });

  it('int(n) is unbiased over a small range', () => {
    const rng = Rng.fromSeed(3);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('split() streams differ from the parent and are reproducible', () => {
    const p1 = Rng.fromSeed(9);
    const c1 = p1.split();
    const p2 = Rng.fromSeed(9);
    const c2 = p2.split();
    const child = Array.from({ length: 5 }, () => c1.nextUint32());
    expect(child).toEqual(Array.from({ length: 5 }, () => c2.nextUint32()));
    expect(child).not.toEqual(Array.from({ length: 5 }, () => p1.nextUint32()));
  });

  it('sampleWithoutReplacement returns k distinct values in range', () => {
    const rng = Rng.fromSeed(5);
    const s = rng.sampleWithoutReplacement(1_000_000, 1000);
    expect(new Set(s).size).toBe(1000);
    for (const v of s) expect(v >= 0 && v < 1_000_000).toBe(true);
    expect(() => rng.sampleWithoutReplacement(3, 4)).toThrow(/cannot sample 4/);
  });

  it('permutation contains each index once', () => {
    const p = Rng.fromSeed(11).permutation(100);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('weighted draws follow the weights and never pick a zero weight', () => {
    const rng = Rng.fromSeed(13);
    const draw = weightedSampler([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[draw(rng)]++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[2] / 40_000 - 0.75)).toBeLessThan(0.011);
    expect(() => weightedSampler([0, 0])).toThrow(/must not all be zero/);
    expect(() => weightedSampler([1, -1])).toThrow(/weights\[1\]/);
  });
});
