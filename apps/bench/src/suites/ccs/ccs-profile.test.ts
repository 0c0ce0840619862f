import { isCoresetError } from '@coresets/core';
import { recommendedBeta } from '@coresets/ccs';
import { describe, expect, it } from 'vitest';
import {
  FULL_CCS_PROFILE,
  QUICK_CCS_PROFILE,
  cellKey,
  ccsProfile,
  modelFromEnv,
  percent,
  trainingCells,
} from './ccs-profile.js';

describe('ccs profile', () => {
  it('lists training cells seed by seed, highest rate first, with one full-data run per seed', () => {
    const profile = ccsProfile(true, 'mlp');
    const cells = trainingCells(profile, 2);
    const perSeed = QUICK_CCS_PROFILE.grid.reduce((a, g) => a + g.methods.length, 0) + 1;
    expect(cells.length).toBe(2 * perSeed);
    expect(cells.slice(0, perSeed).every((c) => c.seed === 0)).toBe(true);
    expect(cells[0]).toEqual({ rate: 0.9, method: 'random', seed: 0 });
    expect(cells[perSeed - 1]).toEqual({ rate: 0, method: 'full', seed: 0 });
    expect(new Set(cells.map(cellKey)).size).toBe(cells.length);
  });

  it('formats keys with whole and fractional percentages', () => {
    expect(cellKey({ rate: 0.95, method: 'ccs', seed: 2 })).toBe('train:ccs:95%:seed2');
    expect(percent(0.975)).toBe('97.5%');
  });

  it('reads the model from the environment and rejects unknown models by the variable name', () => {
    expect(modelFromEnv({})).toBe('mlp');
    expect(modelFromEnv({ CORESETS_BENCH_CCS_MODEL: 'cnn' })).toBe('cnn');
    try {
      modelFromEnv({ CORESETS_BENCH_CCS_MODEL: 'resnet' });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'INVALID_ARGUMENT')).toBe(true);
      expect((e as { argument?: string }).argument).toBe('CORESETS_BENCH_CCS_MODEL');
    }
  });

  it('runs the ablations only where the β rule is positive (elsewhere they equal CCS and random)', () => {
    for (const g of [...FULL_CCS_PROFILE.grid, ...QUICK_CCS_PROFILE.grid]) {
      if (g.methods.includes('ccs-strata-only') || g.methods.includes('ccs-cutoff-only'))
        expect(recommendedBeta(g.rate)).toBeGreaterThan(0);
    }
  });
});
