import { describe, expect, it } from 'vitest';
import { loadColmData } from './colm-data.js';
import { ALL_ARMS, QUICK_COLM_PROFILE, type ColmProfile } from './colm-profile.js';
import { colmReport, isClear, judge, judgeLower, pairedDifference } from './colm-report.js';
import type { PretrainCell } from './pretrain.js';
import type { ArmRunResult } from './run-arm.js';

function fakeRun(arm: string, seed: number, macro: number, small: number, bytes: number): ArmRunResult {
  const perSource = new Array<number>(12).fill(macro);
  return {
    arm,
    seed,
    steps: 50,
    poolSize: 16,
    curve: [
      { step: 0, macro: 0.1, small: 0.1, large: 0.1 },
      { step: 50, macro, small, large: macro },
    ],
    test: { perSource, macro, small, large: macro, nllMacro: 1.5 },
    nll: { perSource: new Array<number>(12).fill(1.5), macro: 1.5, small: 1.5, large: 1.5 },
    ood: { perSource, macro: macro / 2, small: small / 2, large: macro / 2 },
    firstLoss: 2,
    finalLoss: 1,
    lossesFinite: true,
    peakTensorBytes: [bytes, bytes],
    meanRowsPerStep: 8,
    smallShare: 0.3,
    selectMsPerStep: arm === 'colm' ? 200 : 0.1,
    trainMsPerStep: 300,
    gradient: [{ step: 0, error: 0.5, randomError: 0.6 }],
    invariants: { steps: 50, wrongSize: 0, badPositions: 0, keptMissing: 0 },
  };
}

describe('colm report', () => {
  it('pairs differences by seed and ignores unpaired seeds', () => {
    const a = [fakeRun('colm', 0, 0.5, 0.4, 1), fakeRun('colm', 1, 0.6, 0.4, 1), fakeRun('colm', 2, 0.9, 0.4, 1)];
    const b = [fakeRun('random-b', 0, 0.4, 0.2, 1), fakeRun('random-b', 1, 0.4, 0.2, 1)];
    const d = pairedDifference(a, b, (r) => r.test.macro);
    expect(d.n).toBe(2);
    expect(d.mean).toBeCloseTo(0.15, 12);
    expect(d.std).toBeCloseTo(Math.SQRT1_2 * 0.1, 12);
  });

  it('calls a difference clear only beyond two standard errors over ≥ 2 seeds', () => {
    expect(isClear({ mean: 0.03, std: 0.02, n: 3 })).toBe(true); // 2 · 0.02 / √3 = 0.023
    expect(isClear({ mean: 0.02, std: 0.02, n: 3 })).toBe(false);
    expect(isClear({ mean: 0.5, std: 0, n: 1 })).toBe(false);
    expect(judge({ mean: -0.03, std: 0.02, n: 3 }, 'greater')).toBe('no (clearly below)');
    expect(judge({ mean: -0.01, std: 0.02, n: 3 }, 'at-least')).toBe('not contradicted — a tie within seed noise');
    expect(judge({ mean: 0.01, std: 0.02, n: 3 }, 'greater')).toBe('no — the difference is within seed noise');
    expect(judgeLower({ mean: -0.026, std: 0.014, n: 3 })).toBe('yes');
    expect(judgeLower({ mean: 0.003, std: 0.009, n: 3 })).toBe('no — the difference is within seed noise');
  });

  it('renders the tables, the expected-pattern verdicts, the missing runs and the plots', async () => {
    const profile: ColmProfile = QUICK_COLM_PROFILE;
    const data = loadColmData(profile);
    const pretrain: PretrainCell = { weights: {}, finalLoss: 1.2, test: { perSource: new Array<number>(12).fill(0.1), macro: 0.1 }, ood: { perSource: new Array<number>(12).fill(0), macro: 0 }, msPerStep: 100 };
    const runs = new Map([
      ['random-b', [fakeRun('random-b', 0, 0.3, 0.2, 1000)]],
      ['colm', [fakeRun('colm', 0, 0.4, 0.35, 1000)]],
    ]);
    const report = await colmReport({ profile, quick: true, data, pretrain, runs, missing: [{ arm: profile.arms[1], seed: 1 }] });
    expect(report.markdown).toContain('| CoLM b | 16 → 8 | 1 | 40.0 | 35.0 | 40.0 | 20.0 |');
    expect(report.markdown).toContain('| random b | +10.0 (1) | +15.0 (1) | +10.0 (1) | +5.0 (1) | +0.000 | +0.000 |');
    expect(report.markdown).toContain('| CoLM(b) > random(b), macro | 40.0% vs 30.0%: +10.0 (1) | undecided (one seed) |');
    expect(report.markdown).toContain('| CoLM(b) ≥ random(2b), macro | 40.0% vs n/a: — | not measured |');
    expect(report.markdown).toContain('not computed (report written from the cached cells only): colm seed 1.');
    expect(Object.keys(report.svgs).sort()).toEqual(['colm-ablation-accuracy.svg', 'colm-accuracy.svg', 'colm-memory.svg', 'colm-small-accuracy.svg', 'colm-step-time.svg']);
    for (const svg of Object.values(report.svgs)) expect(svg.startsWith('<svg')).toBe(true);
  });

  it('judges the richer-feature ablations (16 ZO directions, exact gradients) against structured random', async () => {
    const profile: ColmProfile = { ...QUICK_COLM_PROFILE, arms: ALL_ARMS };
    const data = loadColmData(profile);
    const pretrain: PretrainCell = { weights: {}, finalLoss: 1.2, test: { perSource: new Array<number>(12).fill(0.1), macro: 0.1 }, ood: { perSource: new Array<number>(12).fill(0), macro: 0 }, msPerStep: 100 };
    const seeds = (arm: string, macros: number[]) => macros.map((m, seed) => fakeRun(arm, seed, m, 0.3, 1000));
    const runs = new Map([
      ['colm', seeds('colm', [0.36, 0.37, 0.38])],
      ['structured', seeds('structured', [0.35, 0.355, 0.36])],
      ['zo-16', seeds('zo-16', [0.4, 0.41, 0.42])],
      ['exact', seeds('exact', [0.36, 0.35, 0.37])],
    ]);
    const report = await colmReport({ profile, quick: false, data, pretrain, runs, missing: [] });
    const row = (label: string) => report.markdown.split('\n').find((l) => l.startsWith(`| ${label} clearly beats structured random`));
    expect(row('CoLM, 16 ZO directions')).toMatch(/\| \+5\.5 ± 0\.5 \(3\) \| yes \|$/);
    expect(row('CoLM, exact gradients')).toMatch(/\| no — the difference is within seed noise \|$/);
    expect(report.markdown).toContain('| CoLM, 16 ZO directions | 3 | 41.0 ± 1.0 |');
    expect(report.markdown).not.toContain('16-direction ZO ablation was dropped');
  });
});
