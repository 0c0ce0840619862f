import { CoresetError } from '@coresets/core';

/** Every coreset method of the suite; `full` is the full-data reference (no pruning). */
export const CCS_METHODS = [
  'random',
  'entropy',
  'forgetting',
  'el2n',
  'aum',
  'moderate',
  'ccs',
  'ccs-strata-only',
  'ccs-cutoff-only',
] as const;

export type CcsMethod = (typeof CCS_METHODS)[number];

export const CCS_METHOD_LABELS: Readonly<Record<CcsMethod | 'full', string>> = {
  full: 'Full data (no pruning)',
  random: 'Random',
  entropy: 'Entropy (highest first)',
  forgetting: 'Forgetting (most first)',
  el2n: 'EL2N (highest first)',
  aum: 'AUM (lowest first)',
  moderate: 'Moderate',
  ccs: 'CCS (AUM strata)',
  'ccs-strata-only': 'CCS strata only (β = 0)',
  'ccs-cutoff-only': 'CCS cutoff only (drop β, then random)',
};

/** Short names for plot legends (vega truncates long legend labels). */
export const CCS_METHOD_SHORT: Readonly<Record<CcsMethod | 'full', string>> = {
  full: 'Full data',
  random: 'Random',
  entropy: 'Entropy',
  forgetting: 'Forgetting',
  el2n: 'EL2N',
  aum: 'AUM',
  moderate: 'Moderate',
  ccs: 'CCS',
  'ccs-strata-only': 'CCS β = 0',
  'ccs-cutoff-only': 'CCS cutoff only',
};

/** Hardest-first baselines: the expected pattern says these fall below random at high rates. */
export const HARDEST_FIRST: readonly CcsMethod[] = ['forgetting', 'el2n', 'aum'];

export type ScoreModelKind = 'mlp' | 'cnn';

/** Everything that fixes the suite's numbers; recorded in results.json (a change invalidates the cache). */
export interface CcsProfile {
  readonly model: ScoreModelKind;
  /** Training images moved to a validation split (stratified, seed 0) and kept out of the pool. */
  readonly validationSize: number;
  /** Size of the pool N that is scored and pruned (stratified subset of the training split), or 'all'. */
  readonly poolSize: number | 'all';
  /** Test images used for accuracy (stratified subset), or 'all'. */
  readonly testSize: number | 'all';
  /** Test images (stratified subset of the accuracy test set) used as AUC_pr reference points. */
  readonly coverageTestSize: number;
  readonly scoreEpochs: number;
  readonly scoreBatchSize: number;
  readonly learningRate: number;
  readonly weightDecay: number;
  /** Fixed iteration budget T of every coreset training run, whatever the rate. */
  readonly coresetSteps: number;
  readonly coresetBatchSize: number;
  /** Test evaluations per coreset run (every T / evaluations steps; the last one is the final accuracy). */
  readonly evaluations: number;
  /** CCS strata k. */
  readonly strata: number;
  /** Pruning rates α and the methods trained at each. */
  readonly grid: readonly { readonly rate: number; readonly methods: readonly CcsMethod[] }[];
  /** Seeds whose coresets get an AUC_pr (computed once, with the score model's embeddings). */
  readonly coverageSeeds: number;
}

const ALL_BUT_ABLATIONS: readonly CcsMethod[] = [
  'random',
  'entropy',
  'forgetting',
  'el2n',
  'aum',
  'moderate',
  'ccs',
];

/**
 * The full profile: issue #7's grid (whole pool, rates 30–98 %, T = 2000 steps at batch 128, AUC_pr
 * on the whole test set). The two ablations run only where the β rule is positive: below 70 % they
 * coincide with CCS and random. About 75 min of one core here (MLP).
 */
export const FULL_CCS_PROFILE: Omit<CcsProfile, 'model'> = {
  validationSize: 5000,
  poolSize: 'all',
  testSize: 'all',
  coverageTestSize: 10_000,
  scoreEpochs: 20,
  scoreBatchSize: 256,
  learningRate: 0.05,
  weightDecay: 5e-4,
  coresetSteps: 2000,
  coresetBatchSize: 128,
  evaluations: 10,
  strata: 50,
  grid: [
    { rate: 0.3, methods: ALL_BUT_ABLATIONS },
    { rate: 0.5, methods: ALL_BUT_ABLATIONS },
    { rate: 0.7, methods: CCS_METHODS },
    { rate: 0.8, methods: CCS_METHODS },
    { rate: 0.9, methods: CCS_METHODS },
    { rate: 0.95, methods: CCS_METHODS },
    { rate: 0.98, methods: CCS_METHODS },
  ],
  coverageSeeds: 3,
};

/** What issue #7 asks for; the report sets the profile actually run beside it. */
export const ISSUE_7_GRID = {
  poolSize: 55_000,
  scoreEpochs: 20,
  rates: [0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98],
  methods: CCS_METHODS.length,
  seeds: 3,
  coresetSteps: 2000,
  coresetBatchSize: 128,
} as const;

/** The CI profile: a 2,000-image pool, 40 iterations, 2 rates, 3 methods (about 18 s of CPU here). */
export const QUICK_CCS_PROFILE: Omit<CcsProfile, 'model'> = {
  validationSize: 5000,
  poolSize: 2000,
  testSize: 1000,
  coverageTestSize: 500,
  scoreEpochs: 4,
  scoreBatchSize: 256,
  learningRate: 0.05,
  weightDecay: 5e-4,
  coresetSteps: 40,
  coresetBatchSize: 128,
  evaluations: 4,
  strata: 50,
  grid: [
    { rate: 0.5, methods: ['random', 'aum', 'ccs'] },
    { rate: 0.9, methods: ['random', 'aum', 'ccs'] },
  ],
  coverageSeeds: 1,
};

/** Environment variable choosing the model of the suite (the shared runner has no per-suite flags). */
export const CCS_MODEL_ENV = 'CORESETS_BENCH_CCS_MODEL';

export function modelFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ScoreModelKind {
  const value = env[CCS_MODEL_ENV];
  if (value === undefined || value === '' || value === 'mlp') return 'mlp';
  if (value === 'cnn') return 'cnn';
  throw new CoresetError(
    'INVALID_ARGUMENT',
    `${CCS_MODEL_ENV} must be 'mlp' or 'cnn', got "${value}"`,
    {
      argument: CCS_MODEL_ENV,
    },
  );
}

export function ccsProfile(quick: boolean, model: ScoreModelKind): CcsProfile {
  return { ...(quick ? QUICK_CCS_PROFILE : FULL_CCS_PROFILE), model };
}

/** One coreset training run: a method at a rate with a seed; rate 0 with method `full` is the reference. */
export interface CcsCell {
  readonly rate: number;
  readonly method: CcsMethod | 'full';
  readonly seed: number;
}

export function cellKey(cell: CcsCell): string {
  return `train:${cell.method}:${percent(cell.rate)}:seed${cell.seed}`;
}

export function coresetKey(rate: number, method: CcsMethod, seed: number): string {
  return `${method}:${percent(rate)}:seed${seed}`;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/**
 * Training cells in seed-major order, so an interrupted run still holds complete tables for the
 * first seeds (rerun with `--seeds <done>` to write the report from them).
 */
export function trainingCells(profile: CcsProfile, seeds: number): CcsCell[] {
  const cells: CcsCell[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    // High rates first: they carry the comparison the suite exists for.
    for (const { rate, methods } of [...profile.grid].sort((a, b) => b.rate - a.rate)) {
      for (const method of methods) cells.push({ rate, method, seed });
    }
    cells.push({ rate: 0, method: 'full', seed });
  }
  return cells;
}
