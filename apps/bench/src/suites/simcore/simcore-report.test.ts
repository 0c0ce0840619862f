import { describe, expect, it } from 'vitest';
import type { ArmCell } from './arm-cell.js';
import { FULL_SIMCORE_PROFILE, QUICK_SIMCORE_PROFILE } from './simcore-profile.js';
import { armValues, barChartWithErrors, pairedGains, precisionCheck, simcoreReport, type SeedResult } from './simcore-report.js';
import type { CoresetCell, SelectionCell } from './selection-cell.js';

const coreset = (size: number, purity: number, roundMeans: number[] | null): CoresetCell => ({
  positions: [],
  size,
  purity,
  rounds: roundMeans === null ? null : roundMeans.length,
  stopReason: roundMeans === null ? null : 'stop-rule',
  roundMeans,
  selectMs: 10,
});

const ssl = { poolSize: 600, steps: 250, firstLoss: 5, lastLoss: 4, ms: 1000 };

function seedResult(seed: number, targetOnly: number, arms: Partial<Record<'random' | 'all' | 'simcore-fixed' | 'simcore-stop', number>>, stopPurity = 0.9): SeedResult {
  const selection: SelectionCell = {
    targetSize: 600,
    openSetSize: 59_400,
    baseRate: 0.4,
    relevantCount: 23_760,
    pixels: { linearProbe: 0.7, knn: 0.68 },
    targetOnly: { ssl, probe: { linearProbe: targetOnly, knn: targetOnly - 0.02 } },
    embedMs: 100,
    coresets: {
      'simcore-fixed': coreset(2970, 0.95, [0.9, 0.85]),
      'simcore-stop': coreset(1200, stopPurity, [0.9, 0.88, 0.86, 0.84, 0.8, 0.7]),
      random: coreset(2970, 0.39, null),
    },
  };
  const cells: Partial<Record<'random' | 'all' | 'simcore-fixed' | 'simcore-stop', ArmCell>> = {};
  for (const [arm, acc] of Object.entries(arms) as [keyof typeof cells, number][]) cells[arm] = { ssl, probe: { linearProbe: acc, knn: acc - 0.01 } };
  return { seed, selection, arms: cells };
}

describe('simcore report helpers', () => {
  const seeds = [
    seedResult(0, 0.7, { random: 0.705, all: 0.71, 'simcore-fixed': 0.74, 'simcore-stop': 0.75 }),
    seedResult(1, 0.72, { random: 0.72, all: 0.7, 'simcore-fixed': 0.75, 'simcore-stop': 0.78 }),
  ];

  it('collects arm values and paired gains over the seeds where both finished', () => {
    expect(armValues(seeds, 'target-only', 'linearProbe')).toEqual([0.7, 0.72]);
    expect(armValues(seeds, 'simcore-stop', 'knn')).toEqual([0.74, 0.77]);
    const gains = pairedGains(seeds, 'simcore-stop');
    expect(gains[0]).toBeCloseTo(0.05, 12);
    expect(gains[1]).toBeCloseTo(0.06, 12);
    expect(pairedGains([seedResult(2, 0.7, {})], 'random')).toEqual([]);
  });

  it('fails the precision check when a SimCore coreset is not well above the base rate', () => {
    expect(precisionCheck(seeds).passed).toBe(true);
    const bad = precisionCheck([seedResult(3, 0.7, {}, 0.6)]);
    expect(bad.passed).toBe(false);
    expect(bad.failures).toEqual(['seed 3 simcore-stop: precision 0.600 < 0.700']);
    expect(precisionCheck([]).passed).toBe(false);
  });
});

describe('simcoreReport', () => {
  it('writes the arm table, the paper comparison and the pattern from the cells', async () => {
    const seeds = [
      seedResult(0, 0.7, { random: 0.705, all: 0.71, 'simcore-fixed': 0.74, 'simcore-stop': 0.75 }),
      seedResult(1, 0.72, { random: 0.72, all: 0.7, 'simcore-fixed': 0.75, 'simcore-stop': 0.78 }),
    ];
    const report = await simcoreReport({ profile: FULL_SIMCORE_PROFILE, quick: false, seeds, cellTimes: { 'seed0:selection': 60_000 }, dataDir: '/data' });
    expect(report.checkPassed).toBe(true);
    expect(report.markdown).toContain('| X + SimCore, stop rule | 600 | 0.900 ± 0.000 | 76.50 ± 2.12 (n = 2) |');
    expect(report.markdown).toContain('+5.50 ± 0.71 pp');
    expect(report.markdown).toContain('+10.5 pp on average over 11 fine-grained targets');
    expect(report.markdown).toContain('X + random ≈ X only (small gain at most; taken as |Δ| < 1 pp): Δ = +0.25 ± 0.35 pp — holds');
    expect(report.markdown).toContain('**Check (spec §8 CI profile): SimCore precision ≥ 0.700');
    expect(Object.keys(report.svgs).sort()).toEqual(['simcore-gain.svg', 'simcore-purity.svg', 'simcore-stop-curve.svg']);
    expect(report.svgs['simcore-gain.svg']).toMatch(/^<svg/);
  });

  it('reports selection only in the quick profile', async () => {
    const report = await simcoreReport({ profile: QUICK_SIMCORE_PROFILE, quick: true, seeds: [seedResult(0, 0.7, {})], cellTimes: {}, dataDir: '/data' });
    expect(report.markdown).toContain('## Quick profile');
    expect(report.markdown).not.toContain('## Pre-training arms');
    expect(report.markdown).toContain('| SimCore, stop rule | 1200 | 0.900 | 6 | stop-rule | 0.01 |');
    expect(Object.keys(report.svgs).sort()).toEqual(['simcore-purity.svg', 'simcore-stop-curve.svg']);
  });
});

describe('barChartWithErrors', () => {
  it('gives the error-bar layer the value axis title', () => {
    const spec = barChartWithErrors('t', 'accuracy (%)', [{ category: 'a', value: 1, low: 0.5, high: 1.5 }]) as unknown as {
      layer: { encoding: { x: { field: string; title?: string } } }[];
    };
    expect(spec.layer.map((l) => l.encoding.x.title)).toEqual(['accuracy (%)', 'accuracy (%)']);
  });
});
