import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { selectCcs } from '../select/select-ccs.js';
import { searchBeta } from './search-beta.js';

const scores = Array.from({ length: 100 }, (_, i) => (i * 37) % 101);

describe('searchBeta', () => {
  it('tries the feasible grid, keeps the most accurate β and reports skipped values', async () => {
    const seen: number[] = [];
    // accuracy peaks at β = 0.2; the callback sees the subset it should train on
    const result = await searchBeta(
      { scores },
      {
        hard: 'high',
        rate: 0.3,
        strata: 5,
        seed: 11,
        evaluate: (indices, beta) => {
          seen.push(beta);
          expect(indices).toHaveLength(70);
          return 1 - Math.abs(beta - 0.2);
        },
      },
    );
    expect(seen).toEqual([0, 0.1, 0.2, 0.3]);
    expect(result.skipped).toEqual([0.4, 0.5]);
    expect(result.beta).toBe(0.2);
    expect(result.accuracy).toBe(1);
    expect(result.trials).toHaveLength(4);
    const direct = selectCcs(
      { scores },
      { hard: 'high', rate: 0.3, strata: 5, seed: 11, beta: 0.2 },
    );
    expect(Array.from(result.selection.indices)).toEqual(Array.from(direct.indices));
  });

  it('breaks accuracy ties toward the smaller β and awaits async evaluators', async () => {
    const result = await searchBeta(
      { scores },
      { hard: 'low', budget: 10, betas: [0.3, 0.1, 0.5], evaluate: () => Promise.resolve(0.5) },
    );
    expect(result.beta).toBe(0.1);
  });

  it('rejects infeasible explicit candidates and a missing evaluator', async () => {
    await expect(
      searchBeta({ scores }, { hard: 'low', rate: 0.2, betas: [0, 0.5], evaluate: () => 0 }),
    ).rejects.toSatisfy((e) => isCoresetError(e, 'INFEASIBLE') && e.argument === 'beta');
    await expect(
      searchBeta({ scores }, { hard: 'low', rate: 0.2 } as unknown as Parameters<
        typeof searchBeta
      >[1]),
    ).rejects.toSatisfy((e) => isCoresetError(e, 'MISSING_OPTION') && e.argument === 'evaluate');
  });
});
