/** Coreset arms of the suite; `full` trains on the whole pool. */
export const GORACS_ARMS = ['random', 'el2n', 'grand', 'ccs', 'k-center', 'goracs-greedy', 'itra-0', 'itra-0.1', 'itra-0.5', 'oracle', 'full'] as const;

export type GoracsArm = (typeof GORACS_ARMS)[number];

export const ARM_LABELS: Readonly<Record<GoracsArm, string>> = {
  random: 'Random',
  el2n: 'EL2N (highest first)',
  grand: 'GraNd (highest first)',
  ccs: 'CCS (EL2N strata, β 10%)',
  'k-center': 'k-center greedy',
  'goracs-greedy': 'GORACS greedy only (λ = 0.1)',
  'itra-0': 'GORACS ITRA (λ = 0)',
  'itra-0.1': 'GORACS ITRA (λ = 0.1)',
  'itra-0.5': 'GORACS ITRA (λ = 0.5)',
  oracle: 'Oracle (random new-regime, clean)',
  full: 'Full pool',
};

/** Short names for plot legends and categories. */
export const ARM_SHORT: Readonly<Record<GoracsArm, string>> = {
  random: 'Random',
  el2n: 'EL2N',
  grand: 'GraNd',
  ccs: 'CCS',
  'k-center': 'k-center',
  'goracs-greedy': 'GORACS greedy',
  'itra-0': 'ITRA λ=0',
  'itra-0.1': 'ITRA λ=0.1',
  'itra-0.5': 'ITRA λ=0.5',
  oracle: 'Oracle',
  full: 'Full pool',
};

export type Scenario = 'drift' | 'no-drift';

export interface GridEntry {
  readonly scenario: Scenario;
  /** Coreset size n; 0 for the full pool. */
  readonly budget: number;
  readonly arms: readonly GoracsArm[];
  /** Train only the first `seeds` seeds of this entry (default: all). */
  readonly seeds?: number;
}

/** Everything that fixes the suite's numbers; recorded in results.json without the grid (a change invalidates the cache). */
export interface GoracsProfile {
  readonly numItems: number;
  readonly poolSize: number;
  readonly validSelectSize: number;
  readonly validEarlyStopSize: number;
  readonly testSize: number;
  /** Epochs of the proxy recommender on the pool that gives embeddings, EL2N and GraNd. */
  readonly proxyEpochs: number;
  readonly maxEpochs: number;
  readonly patience: number;
  /** Epoch cap of the full-pool arm (its epochs are 20× longer than a coreset's at n = 1000). */
  readonly fullMaxEpochs: number;
  readonly fullPatience: number;
  /** λ at which every subset's POO is reported (the cost of the λ = 0.1 ITRA arm). */
  readonly pooLambda: number;
  readonly cut: number;
  readonly swaps: number;
  /** Per scenario, the budgets and the arms trained at each (`full` once per scenario, budget 0). */
  readonly learningRate: number;
  readonly grid: readonly GridEntry[];
}

/**
 * The full profile (about an hour on the shared 2-core CPU); the report's "Scaled down" section
 * lists what differs from spec §10 and why.
 */
export const FULL_GORACS_PROFILE: GoracsProfile = {
  numItems: 500,
  poolSize: 20_000,
  validSelectSize: 1000,
  validEarlyStopSize: 500,
  testSize: 2000,
  proxyEpochs: 1,
  maxEpochs: 50,
  patience: 10,
  fullMaxEpochs: 10,
  fullPatience: 3,
  pooLambda: 0.1,
  cut: 10,
  swaps: 20,
  learningRate: 1e-3,
  grid: [
    { scenario: 'drift', budget: 1000, arms: ['random', 'el2n', 'grand', 'ccs', 'goracs-greedy', 'itra-0', 'itra-0.1'] },
    { scenario: 'no-drift', budget: 1000, arms: ['random', 'el2n', 'itra-0.1'] },
    { scenario: 'drift', budget: 200, arms: ['random', 'el2n', 'grand', 'ccs', 'itra-0.1'] },
    { scenario: 'drift', budget: 0, arms: ['full'], seeds: 1 },
    // Spec-only arms, after the grid (so a stopped run has the cells first).
    { scenario: 'drift', budget: 1000, arms: ['k-center', 'itra-0.5', 'oracle'] },
    { scenario: 'no-drift', budget: 1000, arms: ['grand', 'ccs'] },
    { scenario: 'drift', budget: 200, arms: ['goracs-greedy', 'itra-0'] },
    { scenario: 'no-drift', budget: 0, arms: ['full'], seeds: 1 },
  ],
};

/** The CI profile (spec §10: 100 items, pool 2,000, few epochs, 1 seed, 3 arms); well under 3 minutes. */
export const QUICK_GORACS_PROFILE: GoracsProfile = {
  numItems: 100,
  poolSize: 2000,
  validSelectSize: 300,
  validEarlyStopSize: 200,
  testSize: 500,
  proxyEpochs: 1,
  maxEpochs: 8,
  patience: 3,
  fullMaxEpochs: 3,
  fullPatience: 1,
  pooLambda: 0.1,
  cut: 5,
  swaps: 5,
  learningRate: 1e-3,
  grid: [{ scenario: 'drift', budget: 200, arms: ['random', 'el2n', 'itra-0.1'] }],
};

/** What spec §10 asks for; the report sets the profile actually run beside it. */
export const SPEC_GORACS_PROFILE = {
  numItems: 500,
  poolSize: 20_000,
  validSelectSize: 1000,
  validEarlyStopSize: 500,
  testSize: 2000,
  budgets: [200, 1000],
  patience: 10,
  lambdas: [0, 0.1, 0.5],
  seeds: 3,
} as const;

export function goracsProfile(quick: boolean): GoracsProfile {
  return quick ? QUICK_GORACS_PROFILE : FULL_GORACS_PROFILE;
}

/** One training run: an arm at a budget in a scenario with a seed (budget 0 for the full pool). */
export interface GoracsCell {
  readonly scenario: Scenario;
  readonly budget: number;
  readonly arm: GoracsArm;
  readonly seed: number;
}

export function cellKey(cell: GoracsCell): string {
  return `train:${cell.scenario}:${cell.arm}:n${cell.budget}:seed${cell.seed}`;
}

/** Selections that do not depend on the training seed are made once per scenario and budget. */
export function seededArm(arm: GoracsArm): boolean {
  return arm === 'random' || arm === 'ccs' || arm === 'oracle';
}

export function selectionKey(scenario: Scenario, budget: number, arm: GoracsArm, seed: number): string {
  return seededArm(arm) ? `select:${scenario}:${arm}:n${budget}:seed${seed}` : `select:${scenario}:${arm}:n${budget}`;
}

/** Scenarios in the grid, drift first. */
export function scenarios(profile: GoracsProfile): Scenario[] {
  return [...new Set(profile.grid.map((g) => g.scenario))];
}

/**
 * Training cells in seed-major order, so an interrupted run still holds complete tables for the
 * first seeds; within a seed, grid order (the drift scenario at n = 1000 first: it carries the
 * comparison the suite exists for).
 */
export function trainingCells(profile: GoracsProfile, seeds: number): GoracsCell[] {
  const cells: GoracsCell[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    for (const { scenario, budget, arms, seeds: entrySeeds } of profile.grid) {
      if (entrySeeds !== undefined && seed >= entrySeeds) continue;
      for (const arm of arms) cells.push({ scenario, budget, arm, seed });
    }
  }
  return cells;
}
