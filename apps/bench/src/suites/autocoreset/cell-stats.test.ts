import { describe, expect, it } from 'vitest';
import { cellStats, quantile } from './cell-stats.js';
import type { TrialResult } from './run-trial.js';

const trial = (epsilon: number, quality: number | null, timeMs: number, size: number): TrialResult => ({
  epsilon,
  quality,
  timeMs,
  size,
  rounds: null,
  stopReason: null,
});

describe('quantile', () => {
  it('interpolates linearly between order statistics (numpy default)', () => {
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([4, 1, 3, 2], 0.75)).toBeCloseTo(3.25, 12);
    expect(quantile([5], 0.3)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('cellStats', () => {
  it('summarises ε, quality, time and size of the trials', () => {
    const s = cellStats('logistic', 'importance', 50, [trial(0.1, 0.9, 10, 40), trial(0.3, 0.95, 30, 50), trial(2, 1, 20, 45)]);
    expect(s.trials).toBe(3);
    expect(s.meanEpsilon).toBeCloseTo(0.8, 12);
    expect(s.medianEpsilon).toBe(0.3);
    expect(s.maxEpsilon).toBe(2);
    expect(s.q25Epsilon).toBeCloseTo(0.2, 12);
    expect(s.q75Epsilon).toBeCloseTo(1.15, 12);
    expect(s.meanQuality).toBeCloseTo(0.95, 12);
    expect(s.meanTimeMs).toBe(20);
    expect(s.medianTimeMs).toBe(20);
    expect(s.meanCoresetSize).toBe(45);
  });

  it('has no quality when no trial has one (k-means)', () => {
    expect(cellStats('kmeans', 'uniform', 50, [trial(0.01, null, 1, 50)]).meanQuality).toBeNull();
  });
});
