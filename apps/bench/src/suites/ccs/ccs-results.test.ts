import { describe, expect, it } from 'vitest';
import type { CcsMethod } from './ccs-profile.js';
import { collectCoverage, patternChecks, type MethodRateResult } from './ccs-results.js';
import type { TrainingCell } from './coreset-training.js';

const run = (finalAccuracy: number): TrainingCell => ({
  size: 10,
  classCounts: [],
  finalAccuracy,
  bestAccuracy: finalAccuracy,
  accuracies: [finalAccuracy],
  epochs: 1,
  trainMs: 1,
});
const result = (
  method: CcsMethod,
  rate: number,
  accs: number[],
  coverage: number[] = [],
): MethodRateResult => ({
  method,
  rate,
  runs: accs.map(run),
  coverage,
});

describe('patternChecks', () => {
  it('reports each expected relation at a high rate with the measured gap', () => {
    const checks = patternChecks(
      [
        result('random', 0.9, [0.8, 0.82], [5]),
        result('ccs', 0.9, [0.83, 0.83], [5.1]),
        result('aum', 0.9, [0.4], [6]),
        result('el2n', 0.9, [0.85], [4.9]),
        result('entropy', 0.9, [0.6]),
        result('ccs-strata-only', 0.9, [0.82]),
        result('ccs-cutoff-only', 0.9, [0.84]),
      ],
      [0.9],
    );
    const byClaim = Object.fromEntries(checks.map((c) => [c.claim.replace(/^At 90%, /, ''), c]));
    expect(byClaim['CCS ≥ random (final accuracy)']).toMatchObject({
      holds: true,
      evidence: 'CCS 83.00 vs random 81.00 (+2.00 pt; paired Δ over 2 seeds +2.00 ± 1.41)',
    });
    expect(
      byClaim['every hardest-first method (forgetting, EL2N, AUM) is below random'],
    ).toMatchObject({
      holds: false,
      evidence: 'el2n +4.00 pt, aum -41.00 pt',
    });
    expect(byClaim['entropy lies between the hardest-first methods and random'].holds).toBe(true);
    expect(
      byClaim['AUC_pr of every hardest-first subset > AUC_pr of random and of CCS (worse coverage)']
        .holds,
    ).toBe(false);
    expect(byClaim['CCS beats both ablations (strata only, cutoff only)'].holds).toBe(false);
  });

  it('measures the spread at low rates and skips checks whose inputs were not run', () => {
    const checks = patternChecks(
      [result('random', 0.5, [0.85]), result('aum', 0.5, [0.845]), result('ccs', 0.5, [0.86])],
      [0.5, 0.9],
    );
    expect(checks).toEqual([
      {
        claim: 'At 50%, all methods within about 1 pt of each other',
        evidence: 'spread 1.50 pt (highest ccs 86.00, lowest aum 84.50)',
        holds: false,
      },
    ]);
  });
});

describe('collectCoverage', () => {
  it('reads one value for seed-independent methods and one per seed otherwise', () => {
    const coverage = {
      'aum:90%:seed0': 3,
      'random:90%:seed0': 1,
      'random:90%:seed1': 2,
      'random:90%:seed2': 9,
    };
    expect(collectCoverage(coverage, 'aum', 0.9, 3)).toEqual([3]);
    expect(collectCoverage(coverage, 'random', 0.9, 2)).toEqual([1, 2]);
    expect(collectCoverage(coverage, 'ccs', 0.9, 2)).toEqual([]);
  });
});
