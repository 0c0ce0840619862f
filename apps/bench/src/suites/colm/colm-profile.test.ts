import { describe, expect, it } from 'vitest';
import { FULL_COLM_PROFILE, QUICK_COLM_PROFILE, runCells, runKey } from './colm-profile.js';
import { colmSuite } from './colm-suite.js';

describe('colm profile', () => {
  it('orders runs tier by tier, then seed by seed, and caps costly ablations', () => {
    const cells = runCells(FULL_COLM_PROFILE, 3);
    expect(cells.slice(0, 4).map((c) => c.arm.id)).toEqual(['random-b', 'random-2b', 'structured', 'colm']);
    expect(cells.slice(0, 12).every((c) => c.arm.tier === 1)).toBe(true);
    expect(cells.slice(8, 12).map((c) => c.seed)).toEqual([2, 2, 2, 2]);
    expect(cells[12]).toEqual({ arm: FULL_COLM_PROFILE.arms[4], seed: 0 });
    expect(cells.map((c) => c.arm.tier)).toEqual([...cells.map((c) => c.arm.tier)].sort((a, b) => a - b));
    expect(cells.every((c) => c.seed < c.arm.maxSeeds)).toBe(true);
    expect(cells.filter((c) => c.arm.id === 'colm').map((c) => c.seed)).toEqual([0, 1, 2]);
    expect(cells.filter((c) => c.arm.id === 'exact').map((c) => c.seed)).toEqual([0, 1, 2]);
    expect(runCells(FULL_COLM_PROFILE, 2).filter((c) => c.arm.id === 'exact').map((c) => c.seed)).toEqual([0, 1]);
    // The spec's 16-direction ZO ablation is in the full grid, last (it costs 16× CoLM's ZO passes).
    expect(cells.filter((c) => c.arm.id === 'zo-16').map((c) => c.seed)).toEqual([0, 1, 2]);
    expect(cells[cells.length - 1]).toEqual({ arm: FULL_COLM_PROFILE.arms.find((a) => a.id === 'zo-16'), seed: 2 });
    expect(FULL_COLM_PROFILE.arms.map((a) => a.ablation).filter((x) => x !== undefined)).toEqual([
      'no-keep-small', 'no-adam', 'no-per-source', 'craig', 'fixed-z', 'exact', 'zo-16',
    ]);
    expect(new Set(cells.map(runKey)).size).toBe(cells.length);
    expect(runKey(cells[3])).toBe('run:colm:seed0');
  });

  it('quick profile: two arms, one seed, about 50 steps, gradient steps inside the run', () => {
    expect(runCells(QUICK_COLM_PROFILE, 1).map((c) => c.arm.id)).toEqual(['random-b', 'colm']);
    expect(runCells(QUICK_COLM_PROFILE, 3).length).toBe(2);
    expect(QUICK_COLM_PROFILE.steps).toBe(50);
    for (const p of [QUICK_COLM_PROFILE, FULL_COLM_PROFILE]) {
      expect(p.gradientSteps.every((s) => Number.isInteger(s) && s >= 0 && s < p.steps)).toBe(true);
    }
  });

  it('keeps arms and seeds out of the cached settings, so a new arm extends a finished grid', () => {
    const settings = colmSuite.settings(false, 3);
    expect(settings).not.toHaveProperty('arms');
    expect(settings).toEqual(colmSuite.settings(false, 1));
    expect(settings).toMatchObject({ steps: FULL_COLM_PROFILE.steps, batch: FULL_COLM_PROFILE.batch });
  });
});
