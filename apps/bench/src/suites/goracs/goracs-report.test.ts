import { describe, expect, it } from 'vitest';
import { QUICK_GORACS_PROFILE } from './goracs-profile.js';
import { goracsReport, pairedDifference, patternRows, spearman, type ArmResult } from './goracs-report.js';
import type { SelectionCell } from './select-arm.js';
import type { TrainingCell } from './train-arm.js';

const run = (seed: number, hr10: number, testLoss: number): TrainingCell => ({
  seed,
  trainSize: 200,
  epochs: 5,
  bestEpoch: 3,
  bestEarlyStopLoss: 4,
  hr10,
  ndcg10: hr10 / 2,
  sampledHr10: hr10 * 2,
  sampledNdcg10: hr10,
  testLoss,
  trainMs: 1000,
});

const selection = (poo: number, old: number, goracs?: SelectionCell['goracs']): SelectionCell => ({
  indices: [0, 1],
  selectMs: 10,
  poo,
  oldShare: old,
  noiseShare: 0.1,
  ...(goracs === undefined ? {} : { goracs }),
});

const itraMeta = { lambda: 0.1, pooGreedy: 0.3, pooFinal: 0.25, swapsAccepted: 4, swapsTried: 9, solves: 40, costMs: 5, greedyMs: 6, refineMs: 80 };

const results: ArmResult[] = [
  { scenario: 'drift', budget: 200, arm: 'random', runs: [run(0, 0.1, 5), run(1, 0.12, 5)], selections: [selection(0.4, 0.7), selection(0.41, 0.7)] },
  { scenario: 'drift', budget: 200, arm: 'el2n', runs: [run(0, 0.05, 6), run(1, 0.06, 6)], selections: [selection(0.5, 0.8), selection(0.5, 0.8)] },
  { scenario: 'drift', budget: 200, arm: 'itra-0.1', runs: [run(0, 0.2, 4), run(1, 0.23, 4)], selections: [selection(0.25, 0.1, itraMeta), selection(0.25, 0.1, itraMeta)] },
];

describe('spearman', () => {
  it('is 1 for the same order, −1 for the reverse and averages tied ranks', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // ranks a = [1.5, 1.5, 3], b = [1, 2, 3]: ρ = 0.75 / sqrt(0.5 · 2) = 0.8660…
    expect(spearman([5, 5, 7], [1, 2, 3])).toBeCloseTo(Math.sqrt(3) / 2, 12);
    expect(spearman([1, 2], [1, 2])).toBeNaN();
  });
});

describe('pairedDifference', () => {
  it('pairs by seed and skips seeds one side lacks', () => {
    const d = pairedDifference([run(0, 0.3, 1), run(1, 0.5, 1), run(2, 0.9, 1)], [run(1, 0.1, 1), run(0, 0.2, 1)], (r) => r.hr10);
    expect(d.n).toBe(2);
    expect(d.mean).toBeCloseTo(0.25, 12);
    expect(d.std).toBeCloseTo(Math.sqrt(0.045), 12);
  });
});

describe('patternRows', () => {
  it('checks GORACS above Random, EL2N below it, the POO decrease and the POO/CE rank agreement', () => {
    const rows = patternRows(results, 200);
    const byClaim = (text: string) => rows.find((r) => r.claim.includes(text));
    expect(byClaim('far above Random')?.holds).toBe(true);
    expect(byClaim('EL2N at or below Random')?.holds).toBe(true);
    expect(byClaim('lowers POO below the greedy')?.holds).toBe(true);
    expect(byClaim('POO ranks subsets')?.ours).toContain('ρ(POO, test CE) = 1.00');
    expect(byClaim('far above Random')?.ours).toContain('+10.50 ± 0.71 points (2 seeds)');
  });

  it('says no when EL2N beats Random', () => {
    const flipped = results.map((r) => (r.arm === 'el2n' ? { ...r, runs: [run(0, 0.5, 3), run(1, 0.5, 3)] } : r));
    expect(patternRows(flipped, 200).find((r) => r.claim.includes('EL2N'))?.holds).toBe(false);
  });
});

describe('goracsReport', () => {
  it('writes the tables, the pattern check and one plot per group plus the POO scatter', async () => {
    const report = await goracsReport({ profile: QUICK_GORACS_PROFILE, quick: true, seeds: 2, results, features: new Map([['drift', { proxyTrainMs: 1500, featureMs: 200 }]]), missing: [] });
    expect(report.markdown).toContain('## Drift + noise, n = 200');
    expect(report.markdown).toContain('| GORACS ITRA (λ = 0.1) | 2 | 21.50 ± 2.12 |');
    expect(report.markdown).toContain('0.30000 | 0.25000 | -16.67%');
    expect(report.markdown).toContain('proxy training 1.50 s');
    expect(Object.keys(report.svgs).sort()).toEqual(['goracs-hr10-drift-n200.svg', 'goracs-poo-vs-ce.svg']);
    expect(report.svgs['goracs-hr10-drift-n200.svg']).toContain('<svg');
  });
});
