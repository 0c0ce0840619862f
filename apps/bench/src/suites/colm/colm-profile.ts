/** Which selection rule an arm uses on each pool. */
export type ArmKind = 'random' | 'full-pool' | 'structured' | 'colm';

/** One arm of the grid: pool size B, trained rows b and how the b rows are chosen. */
export interface ColmArm {
  readonly id: string;
  readonly label: string;
  readonly kind: ArmKind;
  /** Pool size as a multiple of b (2 = B = 2b). */
  readonly poolFactor: number;
  /** CoLM variants: which ablation switch differs from CoLM's defaults. */
  readonly ablation?: 'no-keep-small' | 'no-adam' | 'no-per-source' | 'craig' | 'exact' | 'fixed-z' | 'zo-16' | undefined;
  /** Seeds this arm runs (fewer than the profile's for the costly ablations). */
  readonly maxSeeds: number;
  /** Priority: every seed of a lower tier runs before any run of a higher tier. */
  readonly tier: number;
}

export interface ColmProfile {
  /** Rows of the imbalanced training mixture. */
  readonly trainSize: number;
  readonly testPerSource: number;
  readonly oodPerSource: number;
  /** Full-parameter pre-training on a uniform mix (a LoRA-free model; the weights are one cell). */
  readonly pretrain: { readonly rows: number; readonly steps: number; readonly batch: number; readonly learningRate: number };
  /** b: rows trained per step by CoLM and random-b. */
  readonly batch: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly warmupSteps: number;
  /** Exact-match evaluation on the in-domain test set every this many steps. */
  readonly evalEvery: number;
  /** Peak tensor bytes of the train step every this many steps. */
  readonly memoryEvery: number;
  /** Steps at which ‖ḡ_S − ḡ_pool‖ / ‖ḡ_pool‖ is measured (selection arms only). */
  readonly gradientSteps: readonly number[];
  /** Random subsets of the same pool averaged for the error baseline at each measured step. */
  readonly gradientBaselineDraws: number;
  readonly arms: readonly ColmArm[];
}

const arm = (id: string, label: string, kind: ArmKind, poolFactor: number, tier: number, maxSeeds: number, ablation?: ColmArm['ablation']): ColmArm =>
  ablation === undefined ? { id, label, kind, poolFactor, tier, maxSeeds } : { id, label, kind, poolFactor, tier, maxSeeds, ablation };

/**
 * Every arm, in priority order: the baselines and CoLM for all seeds first, then the
 * keep-small ablation and random 4b, then the other ablations (an interrupted grid loses the
 * least important runs).
 */
export const ALL_ARMS: readonly ColmArm[] = [
  arm('random-b', 'random b', 'random', 2, 1, 3),
  arm('random-2b', 'random 2b', 'full-pool', 2, 1, 3),
  arm('structured', 'structured random b', 'structured', 2, 1, 3),
  arm('colm', 'CoLM b', 'colm', 2, 1, 3),
  arm('no-keep-small', 'CoLM − keep-small', 'colm', 2, 2, 3, 'no-keep-small'),
  arm('random-4b', 'random 4b', 'full-pool', 4, 2, 3),
  arm('no-adam', 'CoLM − Adam normalisation', 'colm', 2, 3, 3, 'no-adam'),
  arm('no-per-source', 'CoLM − per-source', 'colm', 2, 3, 3, 'no-per-source'),
  arm('craig', 'CoLM + CRAIG weights', 'colm', 2, 3, 3, 'craig'),
  arm('fixed-z', 'CoLM, fixed z', 'colm', 2, 3, 3, 'fixed-z'),
  arm('exact', 'CoLM, exact gradients', 'colm', 2, 3, 3, 'exact'),
  arm('zo-16', 'CoLM, 16 ZO directions', 'colm', 2, 3, 3, 'zo-16'),
];

/** Directions averaged per ZO estimate by the multi-direction ablation (colm.md §3: `zoSamples ≥ 16`). */
export const MULTI_DIRECTION_COUNT = 16;

export const QUICK_COLM_PROFILE: ColmProfile = {
  trainSize: 4000,
  testPerSource: 5,
  oodPerSource: 5,
  pretrain: { rows: 1200, steps: 10, batch: 16, learningRate: 3e-3 },
  batch: 8,
  steps: 50,
  learningRate: 5e-3,
  warmupSteps: 3,
  evalEvery: 25,
  memoryEvery: 10,
  gradientSteps: [0, 49],
  gradientBaselineDraws: 1,
  arms: ALL_ARMS.filter((a) => a.id === 'random-b' || a.id === 'colm').map((a) => ({ ...a, maxSeeds: 1 })),
};

export const FULL_COLM_PROFILE: ColmProfile = {
  trainSize: 20_000,
  testPerSource: 30,
  oodPerSource: 30,
  pretrain: { rows: 6000, steps: 2000, batch: 32, learningRate: 3e-3 },
  batch: 16,
  steps: 600,
  learningRate: 5e-3,
  warmupSteps: 20,
  evalEvery: 200,
  memoryEvery: 100,
  gradientSteps: [0, 300, 599],
  gradientBaselineDraws: 3,
  arms: ALL_ARMS,
};

export function colmProfile(quick: boolean): ColmProfile {
  return quick ? QUICK_COLM_PROFILE : FULL_COLM_PROFILE;
}

export interface RunCell {
  readonly arm: ColmArm;
  readonly seed: number;
}

/**
 * The runs of the grid: tier by tier, seed by seed inside a tier, arms in priority order inside a
 * seed — an interrupted run has the important arms for the most seeds.
 */
export function runCells(profile: ColmProfile, seeds: number): RunCell[] {
  const cells: RunCell[] = [];
  const tiers = [...new Set(profile.arms.map((a) => a.tier))].sort((a, b) => a - b);
  for (const tier of tiers) {
    for (let seed = 0; seed < seeds; seed++) {
      for (const a of profile.arms) if (a.tier === tier && seed < a.maxSeeds) cells.push({ arm: a, seed });
    }
  }
  return cells;
}

export function runKey(cell: RunCell): string {
  return `run:${cell.arm.id}:seed${cell.seed}`;
}
