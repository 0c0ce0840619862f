/**
 * The five arms of the spec's HTRU2 protocol (two single-draw uniform baselines and three
 * AutoCoreset summarisers), then two ablation baselines that vary only the class budgets of the
 * per-class uniform draw, to explain how the budgets change the baseline.
 */
export const AUTOCORESET_ARMS = [
  'uniform',
  'uniform-global',
  'caratheodory',
  'best-of-k',
  'importance',
  'uniform-proportional',
  'uniform-balanced',
] as const;
export type AutoCoresetArm = (typeof AUTOCORESET_ARMS)[number];

/** Budget ablations of the uniform baseline (classification only), reported apart from the main tables. */
export const ABLATION_ARMS: readonly AutoCoresetArm[] = ['uniform-proportional', 'uniform-balanced'];

export const ARM_LABELS: Readonly<Record<AutoCoresetArm, string>> = {
  uniform: 'uniform (class budgets)',
  'uniform-global': 'uniform-global',
  caratheodory: 'AutoCoreset Caratheodory',
  'best-of-k': 'AutoCoreset best-of-k',
  importance: 'AutoCoreset importance',
  'uniform-proportional': 'uniform (proportional budgets)',
  'uniform-balanced': 'uniform (balanced budgets)',
};

/** Without classes the per-class uniform draw is plain uniform sampling, so it is not called budgeted. */
export function armLabel(problem: BenchProblem, arm: AutoCoresetArm): string {
  return arm === 'uniform' && !isClassification(problem) ? 'uniform' : ARM_LABELS[arm];
}

/** The AutoCoreset summarisers (the arms that run the query loop). */
export const AUTOCORESET_SUMMARIZER_ARMS: readonly AutoCoresetArm[] = ['caratheodory', 'best-of-k', 'importance'];

export const BENCH_PROBLEMS = ['logistic', 'svm', 'kmeans', 'linear'] as const;
export type BenchProblem = (typeof BENCH_PROBLEMS)[number];

export const PROBLEM_LABELS: Readonly<Record<BenchProblem, string>> = {
  logistic: 'Logistic regression',
  svm: 'Linear SVM',
  kmeans: 'k-means (k = 2)',
  linear: 'Linear regression of the ±1 label',
};

/** Classification problems get the 70/30 split, class budgets and test accuracy. */
export function isClassification(problem: BenchProblem): boolean {
  return problem === 'logistic' || problem === 'svm';
}

/**
 * Arms run for a problem. Without classes every uniform baseline is the same single draw of m
 * over all rows (one group), so `uniform-global` and the budget ablations run only where class
 * budgets exist.
 */
export function armsFor(problem: BenchProblem): readonly AutoCoresetArm[] {
  return isClassification(problem) ? AUTOCORESET_ARMS : AUTOCORESET_ARMS.filter((a) => a !== 'uniform-global' && !ABLATION_ARMS.includes(a));
}

/** The arms of the main tables and plots (the spec's five). */
export function mainArmsFor(problem: BenchProblem): readonly AutoCoresetArm[] {
  return armsFor(problem).filter((a) => !ABLATION_ARMS.includes(a));
}

/** Everything that fixes the suite's numbers; recorded in results.json (a change invalidates the cache). */
export interface AutoCoresetProfile {
  readonly problems: readonly BenchProblem[];
  readonly sizes: readonly number[];
  readonly trials: number;
  /** Seed of the 70/30 train/test split of the classification problems. */
  readonly splitSeed: number;
  readonly testShare: number;
}

/** Spec §4/§8: sizes 50…300 in 10 steps, 16 trials; CI profile: one problem, m ∈ {50, 161}, 3 trials. */
export function autoCoresetProfile(quick: boolean): AutoCoresetProfile {
  return quick
    ? { problems: ['logistic'], sizes: [50, 161], trials: 3, splitSeed: 0, testShare: 0.3 }
    : {
        problems: BENCH_PROBLEMS,
        sizes: [50, 77, 105, 133, 161, 188, 216, 244, 272, 300],
        trials: 16,
        splitSeed: 0,
        testShare: 0.3,
      };
}

export interface TrialCell {
  readonly problem: BenchProblem;
  readonly arm: AutoCoresetArm;
  readonly size: number;
  readonly trial: number;
}

/**
 * Trial-major order: an interrupted run leaves fewer trials of the whole grid rather than a
 * finished first problem and nothing of the others.
 */
export function trialCells(profile: AutoCoresetProfile): TrialCell[] {
  const cells: TrialCell[] = [];
  for (let trial = 0; trial < profile.trials; trial++) {
    for (const problem of profile.problems) {
      for (const size of profile.sizes) {
        for (const arm of armsFor(problem)) cells.push({ problem, arm, size, trial });
      }
    }
  }
  return cells;
}

export function trialKey(cell: TrialCell): string {
  return `trial:${cell.problem}:${cell.arm}:m${cell.size}:t${cell.trial}`;
}

/** The same seed for every arm of a (problem, m, trial), distinct across sizes and trials. */
export function trialSeed(cell: Pick<TrialCell, 'size' | 'trial'>): number {
  return 1000 * (cell.trial + 1) + cell.size;
}
