import { isCoresetError } from '@coresets/core';
import type { LmExample, LmPool } from '@coresets/eval';
import { describe, expect, it } from 'vitest';
import { createStructuredRandomSelector } from './structured-random.js';

const poolOf = (sources: readonly number[]): LmPool => ({
  step: 0,
  indices: Int32Array.from(sources.keys()),
  examples: sources.map((source, i): LmExample => ({ source, prompt: `p${i}`, answer: 'a' })),
});

describe('structured random selector', () => {
  // Sources 0 and 1 are large (10 and 6 rows in the pool), 2 and 3 small (2 rows and 1 row).
  const sources = [0, 1, 0, 2, 0, 1, 0, 0, 3, 1, 0, 0, 1, 0, 2, 1, 0, 1, 0];

  it('keeps every small-source row first, then per-source proportional quotas', () => {
    const select = createStructuredRandomSelector({ budget: 9, smallSources: [2, 3], seed: 1 });
    const { positions } = select(poolOf(sources));
    expect(positions.length).toBe(9);
    expect(Array.from(positions.slice(0, 3))).toEqual([3, 8, 14]);
    const picks = Array.from(positions.slice(3));
    expect(new Set(picks).size).toBe(picks.length);
    // r = 6 over sizes [10, 6] → floor [3.75, 2.25] = [3, 2], the deficit of 1 goes to the lower k (source 1).
    expect(picks.filter((p) => sources[p] === 0).length).toBe(3);
    expect(picks.filter((p) => sources[p] === 1).length).toBe(3);
  });

  it('is reproducible per seed and varies across seeds', () => {
    const a = createStructuredRandomSelector({ budget: 9, smallSources: [2, 3], seed: 1 });
    const b = createStructuredRandomSelector({ budget: 9, smallSources: [2, 3], seed: 1 });
    const c = createStructuredRandomSelector({ budget: 9, smallSources: [2, 3], seed: 2 });
    const pool = poolOf(sources);
    const runs = [a, b, c].map((s) => Array.from({ length: 4 }, () => Array.from(s(pool).positions).join(',')).join('|'));
    expect(runs[0]).toBe(runs[1]);
    expect(runs[0]).not.toBe(runs[2]);
  });

  it('takes the first b kept rows in pool order when they fill the budget', () => {
    const select = createStructuredRandomSelector({ budget: 2, smallSources: [2, 3], seed: 1 });
    expect(Array.from(select(poolOf(sources)).positions)).toEqual([3, 8]);
  });

  it('rejects a budget above the pool size naming the argument', () => {
    const select = createStructuredRandomSelector({ budget: 30, smallSources: [2], seed: 1 });
    try {
      select(poolOf(sources));
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'OUT_OF_RANGE')).toBe(true);
      expect((e as { argument?: string }).argument).toBe('budget');
    }
  });
});
