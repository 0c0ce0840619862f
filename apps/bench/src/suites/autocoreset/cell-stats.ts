import { meanStd, median } from '../../report/markdown.js';
import type { AutoCoresetArm, BenchProblem } from './autocoreset-profile.js';
import type { TrialResult } from './run-trial.js';

/** Summary of the trials of one (problem, arm, m) cell. */
export interface CellStats {
  readonly problem: BenchProblem;
  readonly arm: AutoCoresetArm;
  readonly size: number;
  readonly trials: number;
  readonly meanEpsilon: number;
  readonly medianEpsilon: number;
  readonly stdEpsilon: number;
  readonly q25Epsilon: number;
  readonly q75Epsilon: number;
  readonly maxEpsilon: number;
  /** Mean test accuracy / R²; null for k-means. */
  readonly meanQuality: number | null;
  readonly meanTimeMs: number;
  readonly medianTimeMs: number;
  readonly meanCoresetSize: number;
}

/** Linear-interpolation quantile (numpy's default) of unsorted values; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export function cellStats(problem: BenchProblem, arm: AutoCoresetArm, size: number, runs: readonly TrialResult[]): CellStats {
  const eps = runs.map((r) => r.epsilon);
  const qualities = runs.map((r) => r.quality).filter((q): q is number => q !== null);
  const times = runs.map((r) => r.timeMs);
  const { mean, std } = meanStd(eps);
  return {
    problem,
    arm,
    size,
    trials: runs.length,
    meanEpsilon: mean,
    medianEpsilon: median(eps),
    stdEpsilon: std,
    q25Epsilon: quantile(eps, 0.25),
    q75Epsilon: quantile(eps, 0.75),
    maxEpsilon: eps.length === 0 ? Number.NaN : Math.max(...eps),
    meanQuality: qualities.length === 0 ? null : meanStd(qualities).mean,
    meanTimeMs: meanStd(times).mean,
    medianTimeMs: median(times),
    meanCoresetSize: meanStd(runs.map((r) => r.size)).mean,
  };
}
