import { describe, expect, it } from 'vitest';
import { FULL_GORACS_PROFILE, QUICK_GORACS_PROFILE, cellKey, selectionKey, trainingCells } from './goracs-profile.js';

describe('goracs profile', () => {
  it('the quick profile follows spec §10 CI: 100 items, pool 2,000, 3 arms', () => {
    expect(QUICK_GORACS_PROFILE.numItems).toBe(100);
    expect(QUICK_GORACS_PROFILE.poolSize).toBe(2000);
    expect(QUICK_GORACS_PROFILE.grid.flatMap((g) => g.arms)).toHaveLength(3);
    expect(trainingCells(QUICK_GORACS_PROFILE, 1)).toHaveLength(3);
  });

  it('orders cells seed-major, drift at the largest budget first, full pool with budget 0', () => {
    const cells = trainingCells(FULL_GORACS_PROFILE, 2);
    const perSeed = FULL_GORACS_PROFILE.grid.reduce((a, g) => a + g.arms.length, 0);
    const fullOnce = FULL_GORACS_PROFILE.grid.filter((g) => g.seeds === 1).reduce((a, g) => a + g.arms.length, 0);
    expect(fullOnce).toBe(2);
    expect(cells).toHaveLength(2 * perSeed - fullOnce);
    expect(cells.slice(0, perSeed).every((c) => c.seed === 0)).toBe(true);
    expect(cells.filter((c) => c.arm === 'full').map((c) => `${c.scenario}:${c.seed}`)).toEqual(['drift:0', 'no-drift:0']);
    expect(cells[0]).toEqual({ scenario: 'drift', budget: 1000, arm: 'random', seed: 0 });
    expect(cells.filter((c) => c.arm === 'full').every((c) => c.budget === 0)).toBe(true);
    expect(new Set(cells.map(cellKey)).size).toBe(cells.length);
  });

  it('keys deterministic selections without the seed and seeded ones with it', () => {
    expect(selectionKey('drift', 1000, 'itra-0.1', 2)).toBe('select:drift:itra-0.1:n1000');
    expect(selectionKey('drift', 1000, 'random', 2)).toBe('select:drift:random:n1000:seed2');
    expect(selectionKey('no-drift', 200, 'ccs', 0)).toBe('select:no-drift:ccs:n200:seed0');
  });
});

describe('cache settings', () => {
  it('leave the grid out, so adding arms keeps finished cells, but keep every size', async () => {
    const { cacheSettings } = await import('./goracs-suite.js');
    const settings = cacheSettings(FULL_GORACS_PROFILE);
    expect('grid' in settings).toBe(false);
    expect(settings.poolSize).toBe(FULL_GORACS_PROFILE.poolSize);
    expect(cacheSettings({ ...FULL_GORACS_PROFILE, grid: [] })).toEqual(settings);
  });
});
