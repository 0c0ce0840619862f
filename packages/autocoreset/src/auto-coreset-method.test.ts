import { describe, expect, it } from 'vitest';
import { MethodRegistry, schemaDefaults } from '@coresets/core';
import { twoGaussians } from './__fixtures__/synthetic.js';
import { autoCoresetMethod } from './auto-coreset-method.js';
import type { AutoCoresetResult } from './auto-coreset.js';

describe('autoCoresetMethod', () => {
  const { x, y } = twoGaussians(300, 2, 2);

  it('registers under "autocoreset" and runs the CLI flags directly', async () => {
    const registry = new MethodRegistry().register(autoCoresetMethod);
    const method = registry.get<{ data: typeof x; labels?: Float64Array }, Record<string, unknown>>(
      'autocoreset',
    );
    const result = (await method.select(
      { data: x },
      { problem: 'kmeans', k: 2, size: 15, summarizer: 'uniform' },
    )) as AutoCoresetResult;
    expect(result.meta.problem).toBe('kmeans');
    expect(result.indices.length).toBeGreaterThan(0);
    expect(result.indices.length).toBeLessThanOrEqual(15);
    const lr = (await method.select(
      { data: x, labels: y },
      { problem: 'logistic', size: 30 },
    )) as AutoCoresetResult;
    expect(lr.meta.summarizer).toBe('caratheodory');
    expect(lr.meta.classBudgets.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('schema defaults mirror DEFAULT_AUTOCORESET_OPTIONS and bad flags are rejected', async () => {
    expect(schemaDefaults(autoCoresetMethod.optionsSchema)).toMatchObject({
      summarizer: 'caratheodory',
      initialQueries: 3,
      patience: 5,
      bestOfK: 100,
      seed: 0,
    });
    await expect(
      Promise.resolve().then(() =>
        autoCoresetMethod.select(
          { data: x, labels: y },
          { problem: 'svm', size: 10, summarizer: 'median' as 'uniform' },
        ),
      ),
    ).rejects.toMatchObject({ argument: 'summarizer' });
    await expect(
      Promise.resolve().then(() =>
        autoCoresetMethod.select({ data: x }, { problem: 'kmeans' } as {
          problem: 'kmeans';
          size: number;
        }),
      ),
    ).rejects.toMatchObject({ code: 'MISSING_OPTION', argument: 'size' });
  });
});
