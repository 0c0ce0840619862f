import type { Suite, SuiteContext, SuiteReport } from '../../suite.js';
import { armsFor, autoCoresetProfile, trialCells, trialKey, type AutoCoresetArm, type BenchProblem } from './autocoreset-profile.js';
import { autoCoresetReport } from './autocoreset-report.js';
import { cellStats, type CellStats } from './cell-stats.js';
import { loadHtru2Problems } from './htru2-problems.js';
import { fitReference, runTrial, type FullReference, type TrialResult } from './run-trial.js';
import { logisticGradientSpread, type ClassGradientSpread } from './sampling-variance.js';

/**
 * Issue #8: AutoCoreset's summarisers against single-draw uniform baselines on HTRU2 (spec §8).
 * Trials come from the profile (16 full, 3 quick), not `--seeds`: the spec fixes them. They are
 * left out of the cache settings because cells are keyed by trial, so a run with fewer trials
 * reuses the first ones of a longer run.
 */
export const autoCoresetSuite: Suite = {
  name: 'autocoreset',
  description:
    'AutoCoreset (Maalouf et al., ICML 2023) on HTRU2: ε = F(P; q_coreset)/F(P; q_full) − 1, test accuracy (R² for regression) and construction time of the Caratheodory, best-of-k and importance-sampling summarisers vs single uniform draws (with the same class budgets, and one global draw), for logistic regression, linear SVM, k-means (k = 2) and linear regression.',
  settings: (quick) => {
    const { trials: _trials, ...settings } = autoCoresetProfile(quick);
    return settings;
  },
  totalUnits: (quick) => {
    const profile = autoCoresetProfile(quick);
    return profile.problems.length + trialCells(profile).length;
  },
  async run(ctx: SuiteContext): Promise<SuiteReport> {
    const profile = autoCoresetProfile(ctx.quick);
    const data = loadHtru2Problems(profile, ctx.dataDir);
    const references = new Map<BenchProblem, FullReference>();
    const spreads = new Map<BenchProblem, ClassGradientSpread>();
    for (const problem of profile.problems) {
      const ref = await ctx.cache.cell<FullReference>(`full:${problem}`, () => fitReference(problem, data.get(problem)));
      references.set(problem, ref);
      if (problem === 'logistic') {
        const d = data.get(problem);
        const solution = ref.solution as { theta: number[]; bias: number };
        spreads.set(
          problem,
          logisticGradientSpread(d.train, d.trainLabels ?? new Float64Array(0), { theta: Float64Array.from(solution.theta), bias: solution.bias }, ref.cost),
        );
      }
      ctx.tick(`${problem}: full-data fit`);
    }
    const runs = new Map<string, TrialResult[]>();
    for (const cell of trialCells(profile)) {
      if (ctx.signal?.aborted === true) break;
      const result = await ctx.cache.cell<TrialResult>(trialKey(cell), () =>
        runTrial(cell, data.get(cell.problem), references.get(cell.problem)!, ctx.signal),
      );
      const key = `${cell.problem}:${cell.arm}:${cell.size}`;
      runs.set(key, [...(runs.get(key) ?? []), result]);
      ctx.tick(`${cell.problem} ${cell.arm} m=${cell.size} t${cell.trial}: ε ${result.epsilon.toPrecision(3)}`);
    }
    const stats: CellStats[] = [];
    for (const problem of profile.problems) {
      for (const size of profile.sizes) {
        for (const arm of armsFor(problem) as AutoCoresetArm[]) {
          const cellRuns = runs.get(`${problem}:${arm}:${size}`) ?? [];
          if (cellRuns.length > 0) stats.push(cellStats(problem, arm, size, cellRuns));
        }
      }
    }
    return autoCoresetReport({
      profile,
      data: { dir: data.dir, rows: data.rows, positives: data.positives, trainRows: data.trainRows, testRows: data.testRows, trainCounts: data.trainCounts },
      references: profile.problems.map((p) => references.get(p)!),
      spreads,
      stats,
    });
  },
};
