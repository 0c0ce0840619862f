import { Rng } from '@coresets/core';
import { selectCcs } from '@coresets/ccs';
import { describe, expect, it } from 'vitest';
import {
  isDeterministic,
  roundStored,
  selectCoreset,
  selectionSeed,
  type StoredScores,
} from './select-coreset.js';
import { CCS_METHODS } from './ccs-profile.js';

const n = 200;
const rng = Rng.fromSeed(7);
const aum = Array.from({ length: n }, () => roundStored(rng.normal() * 3));
const scores: StoredScores = {
  aum,
  forgetting: Array.from({ length: n }, () => rng.int(6)),
  el2n: Array.from({ length: n }, () => roundStored(rng.uniform())),
  entropy: Array.from({ length: n }, () => roundStored(rng.uniform() * 2)),
  moderate: { '90%': [5, 6, 7], '50%': Array.from({ length: 100 }, (_, i) => 2 * i) },
};
const byAum = Array.from({ length: n }, (_, i) => i).sort((a, b) => aum[a] - aum[b] || a - b);

describe('selectCoreset', () => {
  it('returns m distinct pool indices for every method that computes its subset', () => {
    for (const method of CCS_METHODS.filter((m) => m !== 'moderate')) {
      const picked = selectCoreset(method, 0.9, 0, scores, 10);
      expect({ method, size: picked.length }).toEqual({ method, size: 20 });
      expect({ method, distinct: new Set(picked).size }).toEqual({ method, distinct: 20 });
      expect({ method, inRange: Math.min(...picked) >= 0 && Math.max(...picked) < n }).toEqual({
        method,
        inRange: true,
      });
    }
  });

  it('keeps the lowest AUM and the highest EL2N, entropy and forgetting (hardest first)', () => {
    expect([...selectCoreset('aum', 0.9, 0, scores, 10)].sort((a, b) => a - b)).toEqual(
      byAum.slice(0, 20).sort((a, b) => a - b),
    );
    const el2n = selectCoreset('el2n', 0.9, 0, scores, 10);
    const minPicked = Math.min(...Array.from(el2n, (i) => scores.el2n[i]));
    const unpicked = Array.from({ length: n }, (_, i) => i).filter((i) => !el2n.includes(i));
    expect(Math.max(...unpicked.map((i) => scores.el2n[i]))).toBeLessThanOrEqual(minPicked);
  });

  it('CCS and cutoff-only never pick the ⌊0.3·N⌋ lowest-AUM examples at 90%; strata-only may', () => {
    const cut = new Set(byAum.slice(0, 60));
    for (const seed of [0, 1, 2]) {
      expect(Array.from(selectCoreset('ccs', 0.9, seed, scores, 10)).some((i) => cut.has(i))).toBe(
        false,
      );
      expect(
        Array.from(selectCoreset('ccs-cutoff-only', 0.9, seed, scores, 10)).some((i) => cut.has(i)),
      ).toBe(false);
    }
    const strataOnly = selectCoreset('ccs-strata-only', 0.9, 0, scores, 10);
    expect(Array.from(strataOnly)).toEqual(
      Array.from(
        selectCcs(
          { scores: Float64Array.from(aum) },
          { hard: 'low', rate: 0.9, strata: 10, beta: 0, seed: selectionSeed(0) },
        ).indices,
      ),
    );
  });

  it('is reproducible per seed and varies with the seed only where the method is random', () => {
    for (const method of CCS_METHODS) {
      const a = Array.from(selectCoreset(method, 0.9, 1, scores, 10));
      expect(Array.from(selectCoreset(method, 0.9, 1, scores, 10))).toEqual(a);
      const b = Array.from(selectCoreset(method, 0.9, 2, scores, 10));
      expect({ method, same: JSON.stringify(a) === JSON.stringify(b) }).toEqual({
        method,
        same: isDeterministic(method),
      });
    }
  });

  it('returns the stored Moderate picks and names a missing rate', () => {
    expect(Array.from(selectCoreset('moderate', 0.9, 0, scores, 10))).toEqual([5, 6, 7]);
    expect(() => selectCoreset('moderate', 0.95, 0, scores, 10)).toThrow(/95%/);
  });
});

describe('roundStored', () => {
  it('keeps 7 significant digits and leaves integers alone', () => {
    expect(roundStored(1 / 3)).toBe(0.3333333);
    expect(roundStored(-12345.678901)).toBe(-12345.68);
    expect(roundStored(42)).toBe(42);
  });
});
