import { describe, expect, it } from 'vitest';
import type { AutoCoresetArm } from './autocoreset-profile.js';
import { formatEpsilon, patternChecks } from './autocoreset-report.js';
import type { CellStats } from './cell-stats.js';
import { epsilonChart, powersOfTen } from './epsilon-plot.js';

function stat(arm: AutoCoresetArm, size: number, median: number, quality: number, max = median * 2): CellStats {
  return {
    problem: 'logistic',
    arm,
    size,
    trials: 4,
    meanEpsilon: median * 1.1,
    medianEpsilon: median,
    stdEpsilon: median / 2,
    q25Epsilon: median * 0.5,
    q75Epsilon: median * 1.5,
    maxEpsilon: max,
    meanQuality: quality,
    meanTimeMs: 1,
    medianTimeMs: 1,
    meanCoresetSize: size,
  };
}

describe('formatEpsilon', () => {
  it('keeps three significant digits, exponent form below 1e-3', () => {
    expect(formatEpsilon(0.123456)).toBe('0.123');
    expect(formatEpsilon(12.345)).toBe('12.3');
    expect(formatEpsilon(0.00042)).toBe('4.2e-4');
    expect(formatEpsilon(-3e-8)).toBe('-3.0e-8');
    expect(formatEpsilon(Number.NaN)).toBe('n/a');
  });
});

describe('patternChecks', () => {
  const stats = [
    stat('uniform', 50, 2, 0.9),
    stat('uniform-global', 50, 1, 0.95),
    stat('caratheodory', 50, 0.01, 0.978, 0.5),
    stat('best-of-k', 50, 0.3, 0.97),
    stat('importance', 50, 1.5, 0.975),
    stat('uniform', 100, 0.5, 0.97),
    stat('uniform-global', 100, 0.6, 0.97),
    stat('caratheodory', 100, 0.001, 0.978),
    stat('best-of-k', 100, 0.1, 0.976),
    stat('importance', 100, 0.05, 0.977),
  ];
  const rows = patternChecks(stats, [{ problem: 'logistic', cost: 1, quality: 0.978, fitMs: 1, solution: {} }], ['logistic']);
  const row = (prefix: string): string => rows.find((r) => r[0].startsWith(prefix))?.[2] ?? '';

  it('counts the (variant, m) cells that beat the best uniform baseline', () => {
    // At m = 50 importance (mean 1.65) loses to uniform-global (mean 1.1); everything else wins.
    expect(row('AutoCoreset mean ε below')).toBe('5/6 (variant, m) cells');
    expect(row('same, on the median')).toBe('5/6');
  });

  it('checks Caratheodory medians, tails, accuracy and the budgeted baseline', () => {
    expect(row('sizes where Caratheodory')).toBe('2/2');
    expect(row('median over m of worst-trial')).toBe('caratheodory: 26; best-of-k: 2.0; importance: 2.0');
    expect(row('smallest m with mean quality')).toBe('uniform: never; uniform-global: never; caratheodory: 50; best-of-k: 100; importance: 50');
    expect(row('sizes where budgeted uniform')).toBe('1/2 (m = 100)');
    expect(row('mean ε at the largest m')).toBe('uniform: 0.25; uniform-global: 0.6; caratheodory: 0.1; best-of-k: 0.333; importance: 0.0333');
  });
});

describe('epsilonChart', () => {
  it('uses a log y axis only when every plotted value is positive', () => {
    const p = { size: 50, value: 0.1, low: 0.05, high: 0.2, series: 'a' };
    expect(epsilonChart('t', 'ε', [p]).logY).toBe(true);
    expect(epsilonChart('t', 'ε', [p, { ...p, low: -1e-6 }]).logY).toBe(false);
  });
});

describe('powersOfTen', () => {
  it('spans the positive values with whole decades', () => {
    const p = { size: 50, value: 0.03, low: 2e-5, high: 4, series: 'a' };
    expect(powersOfTen([p])).toEqual([1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10]);
    expect(powersOfTen([{ ...p, value: -1, low: -1, high: 0 }])).toEqual([]);
  });
});
