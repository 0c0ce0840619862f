import { MethodRegistry, matrixFromRows, schemaDefaults } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CCS_OPTIONS,
  DEFAULT_RANDOM_OPTIONS,
  DEFAULT_TOPK_OPTIONS,
  ccsMethod,
  moderateMethod,
  randomMethod,
  topkMethod,
} from './index.js';

describe('CoresetMethod objects', () => {
  it('register under their CLI names with defaults matching DEFAULT_*_OPTIONS', () => {
    const registry = new MethodRegistry()
      .register(ccsMethod)
      .register(randomMethod)
      .register(topkMethod)
      .register(moderateMethod);
    expect(registry.names()).toEqual(['ccs', 'moderate', 'random', 'topk']);
    const { seed: _ccsSeed, ...ccsDefaults } = DEFAULT_CCS_OPTIONS;
    expect(schemaDefaults(ccsMethod.optionsSchema)).toEqual(ccsDefaults);
    const { seed: _randomSeed, ...randomDefaults } = DEFAULT_RANDOM_OPTIONS;
    expect(schemaDefaults(randomMethod.optionsSchema)).toEqual(randomDefaults);
    expect(schemaDefaults(topkMethod.optionsSchema)).toEqual(DEFAULT_TOPK_OPTIONS);
  });

  it('cover the CLI calls directly', async () => {
    const scores = [5, 1, 4, 2, 3, 0, 6, 7];
    const labels = [0, 1, 0, 1, 0, 1, 0, 1];
    const ccs = await ccsMethod.select(
      { scores },
      { hard: 'low', rate: 0.5, beta: 0.25, strata: 2, seed: 1 },
    );
    expect(ccs.indices).toHaveLength(4);
    expect(ccs.meta.cutCount).toBe(2);
    const random = await randomMethod.select({ labels }, { budget: 4, balanced: true, seed: 1 });
    expect(random.meta.classCounts).toEqual([2, 2]);
    const topk = await topkMethod.select(
      { scores, labels },
      { keep: 'high', rate: 0.75, balanced: true },
    );
    expect(Array.from(topk.indices)).toEqual([6, 7]);
    const features = matrixFromRows(scores.map((s) => [s]));
    const moderate = await moderateMethod.select({ features, labels }, { budget: 2 });
    expect(moderate.indices).toHaveLength(2);
  });
});
