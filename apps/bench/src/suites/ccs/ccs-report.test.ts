import { describe, expect, it } from 'vitest';
import { ccsProfile } from './ccs-profile.js';
import { ccsReport } from './ccs-report.js';
import type { MethodRateResult } from './ccs-results.js';
import type { TrainingCell } from './coreset-training.js';
import type { ScoreRunCell } from './score-run.js';

const run = (finalAccuracy: number, size: number): TrainingCell => ({
  size,
  classCounts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  finalAccuracy,
  bestAccuracy: finalAccuracy + 0.01,
  accuracies: [finalAccuracy],
  epochs: 3,
  trainMs: 500,
});

const score: ScoreRunCell = {
  poolSize: 2000,
  steps: 40,
  numEpochs: 5,
  el2nEpochs: 1,
  neverLearnedCount: 3,
  testAccuracy: 0.8,
  lastEpochTrainAccuracy: 0.85,
  trainMs: 4000,
  coverageMs: 100,
  scores: { aum: [], forgetting: [], el2n: [], entropy: [], moderate: {} },
  coverage: {},
  coverageFullPool: 3.5,
  coverageTestRows: 500,
  strata: [
    {
      rate: 0.9,
      beta: 0.3,
      cutCount: 600,
      m: 200,
      nonEmptyStrata: 2,
      stratumEdges: [0, 1, 2],
      strataSizes: [0, 30, 70],
      budgets: [0, 30, 170],
    },
  ],
};

describe('ccsReport', () => {
  it('writes the tables, the paper comparison, the pattern checks and the plot', async () => {
    const results: MethodRateResult[] = [
      { method: 'full', rate: 0, runs: [run(0.85, 2000)], coverage: [] },
      { method: 'random', rate: 0.9, runs: [run(0.8, 200), run(0.82, 200)], coverage: [4, 4.2] },
      { method: 'ccs', rate: 0.9, runs: [run(0.81, 200), run(0.83, 200)], coverage: [4.1, 4.3] },
      { method: 'aum', rate: 0.9, runs: [run(0.3, 200), run(0.32, 200)], coverage: [6] },
    ];
    const { markdown, svgs } = await ccsReport({
      profile: ccsProfile(true, 'mlp'),
      seeds: 2,
      score,
      results,
      cellTimes: { a: 1000, b: 2000 },
      dataDir: '/data/fashion-mnist',
      quick: true,
      observations: '\nCCS wins here.\n',
    });
    expect(markdown).toContain('| Random |  | — | 81.00 ± 1.41 |');
    expect(markdown).toContain('| AUM (lowest first) | ≈95.3 | — | ≈28.1 | 32.00 ± 1.41 |');
    expect(markdown).toContain(
      '| At 90%, CCS ≥ random (final accuracy) | CCS 82.00 vs random 81.00 (+1.00 pt; paired Δ over 2 seeds +1.00 ± 0.00) | yes |',
    );
    expect(markdown).toContain('| 90% | 0.3 | 600 | 200 | 2 / 3 | 30–70 | 30–170 |');
    expect(markdown).toContain('Sum of the compute times of all cells: 3.00 s.');
    expect(markdown).toContain('## Observations');
    expect(markdown).toContain('\n\nCCS wins here.\n\n## Wall time');
    expect(svgs['ccs-accuracy-vs-rate.svg'].startsWith('<svg')).toBe(true);
    expect(svgs['ccs-accuracy-vs-rate.svg']).toContain('>Full data</text>');
  });
});
