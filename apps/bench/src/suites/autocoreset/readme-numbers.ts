import type { AutoCoresetArm, BenchProblem } from './autocoreset-profile.js';

/**
 * The only earlier HTRU2 numbers: packages/autocoreset/README.md "Measured on HTRU2" (same
 * protocol, split seed 0, 5 trials, mean ε). The paper's tables were not available (spec §7), so
 * the report compares against these and against the spec's qualitative pattern.
 */
export const README_MEAN_EPSILON: Readonly<Partial<Record<BenchProblem, Readonly<Record<number, Readonly<Partial<Record<AutoCoresetArm, number>>>>>>>> = {
  logistic: {
    50: { uniform: 3.0, 'uniform-global': 1.79, caratheodory: 0.011, 'best-of-k': 0.37, importance: 0.17 },
    161: { uniform: 0.62, 'uniform-global': 0.74, caratheodory: 0.0001, 'best-of-k': 0.15, importance: 0.016 },
    300: { uniform: 0.29, 'uniform-global': 0.4, caratheodory: 0.0006, 'best-of-k': 0.052, importance: 0.0085 },
  },
  svm: {
    50: { uniform: 4.88, 'uniform-global': 2.09, caratheodory: 1.16, 'best-of-k': 1.37, importance: 0.82 },
    161: { uniform: 1.34, 'uniform-global': 1.04, caratheodory: 0.14, 'best-of-k': 0.3, importance: 0.034 },
    300: { uniform: 0.51, 'uniform-global': 0.44, caratheodory: 0.098, 'best-of-k': 0.14, importance: 0.018 },
  },
  kmeans: {
    50: { uniform: 0.077, 'uniform-global': 0.077, caratheodory: 0.0013, 'best-of-k': 0.014, importance: 0.01 },
    161: { uniform: 0.028, 'uniform-global': 0.028, caratheodory: 0.001, 'best-of-k': 0.0046, importance: 0.0038 },
    300: { uniform: 0.012, 'uniform-global': 0.012, caratheodory: 0.0001, 'best-of-k': 0.0026, importance: 0.0038 },
  },
};

/** README entries printed as "< 0.0001" (an upper bound, not a value). */
export const README_UPPER_BOUNDS: ReadonlySet<string> = new Set(['logistic:161:caratheodory', 'kmeans:300:caratheodory']);
