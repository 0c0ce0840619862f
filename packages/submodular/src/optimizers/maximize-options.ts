import { CoresetError, type ProgressCallback, type Rng } from '@coresets/core';

/** What every optimiser accepts. */
export interface MaximizeOptions {
  readonly onProgress?: ProgressCallback | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Number of picks, or — with `costs` — the total cost allowed. Picks from `initial` do not count. */
  readonly budget: number;
  /** Seeded generator (or seed) for `stochastic` and `lazier-than-lazy`; ignored by the others. */
  readonly rng?: Rng | number | undefined;
  /** Candidates allowed to be picked (default: all of 0..n−1). */
  readonly candidates?: Int32Array | undefined;
  /** Positive cost per element (length n); turns the budget into a knapsack constraint. */
  readonly costs?: Float64Array | undefined;
  /** Elements already selected: they count toward F but not toward the budget, and are not returned. */
  readonly initial?: Int32Array | undefined;
  /** Stop when the best remaining gain is exactly 0. */
  readonly stopIfZeroGain?: boolean | undefined;
  /** Stop when the best remaining gain is negative. */
  readonly stopIfNegativeGain?: boolean | undefined;
  /** Stochastic sample size s = ⌈(n/k)·ln(1/ε)⌉; ε in (0, 1). */
  readonly epsilon?: number | undefined;
  /** Approximate-lazy acceptance factor β in (0, 1]. */
  readonly beta?: number | undefined;
  /** Two-stage: number of naive picks before switching to lazy. */
  readonly naiveSteps?: number | undefined;
}

export const DEFAULT_MAXIMIZE_OPTIONS = {
  stopIfZeroGain: false,
  stopIfNegativeGain: false,
  epsilon: 0.1,
  beta: 0.9,
  naiveSteps: 10,
} as const;

const KNOWN_KEYS = new Set([
  'budget',
  'rng',
  'candidates',
  'costs',
  'initial',
  'stopIfZeroGain',
  'stopIfNegativeGain',
  'epsilon',
  'beta',
  'naiveSteps',
  'onProgress',
  'signal',
]);

/** What optimisers return: picks in order and the gain each had when it was picked. */
export interface MaximizeResult {
  readonly indices: Int32Array;
  readonly gains: Float64Array;
  /** F(initial ∪ picks). */
  readonly value: number;
  /** Number of single-element gain evaluations (a measure of optimiser work). */
  readonly evaluations: number;
}

/** Throws `UNKNOWN_OPTION` for keys no optimiser understands (a misspelling must not be swallowed). */
export function assertKnownMaximizeKeys(options: object): void {
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new CoresetError(
        'UNKNOWN_OPTION',
        `unknown optimiser option "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`,
        {
          argument: key,
        },
      );
    }
  }
}
