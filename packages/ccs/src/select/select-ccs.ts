import {
  CoresetError,
  resolveBudget,
  throwIfAborted,
  type CoresetMethod,
  type LongRunningOptions,
  type OptionsSchema,
  type Rng,
  type ScoreDirection,
  type SelectionResult,
} from '@coresets/core';
import { recommendedBeta } from '../beta/beta-rule.js';
import {
  BUDGET_FIELDS,
  LONG_RUNNING_FIELDS,
  SEED_FIELD,
  parseOptions,
  seedToRng,
} from '../internal/options.js';
import { elapsedMs } from '../internal/timer.js';
import { assertScores, floorProduct } from '../internal/validate.js';
import { equalWidthStrata, type StrataEdges } from './equal-width-strata.js';
import { topM } from './top-m.js';
import { waterFill } from './water-filling.js';

export interface CcsInput {
  /** Stratification score, one per example (e.g. AUM from the dynamics recorder). */
  readonly scores: ArrayLike<number>;
  /**
   * Score that decides the β cutoff; defaults to `scores`. Pass AUM (with `cutoffHard: 'low'`) to
   * get the reference code's behaviour of always cutting by AUM.
   */
  readonly cutoffScores?: ArrayLike<number> | undefined;
}

export interface CcsOptions extends LongRunningOptions {
  /** Hard end of `scores` (see `SCORE_HARD_END`). Required. */
  readonly hard: ScoreDirection;
  /** Hard end of `cutoffScores`; required with them, not allowed without them. */
  readonly cutoffHard?: ScoreDirection | undefined;
  /** Examples to keep (exactly one of `budget`, `rate`). */
  readonly budget?: number | undefined;
  /** Pruning rate α, the fraction removed. */
  readonly rate?: number | undefined;
  /** Cutoff ratio β: the ⌊β·N⌋ hardest are never selected. Default: `recommendedBeta(α)`. */
  readonly beta?: number | undefined;
  /** Number of equal-width strata k. */
  readonly strata?: number | undefined;
  /** Stratum edge convention; `reference` reproduces the reference code's padded top edge. */
  readonly edges?: StrataEdges | undefined;
  readonly seed?: number | Rng | undefined;
}

export const DEFAULT_CCS_OPTIONS = Object.freeze({
  strata: 50,
  edges: 'exact',
  seed: 0,
});

export const CCS_OPTIONS_SCHEMA: OptionsSchema = Object.freeze({
  hard: {
    type: 'string',
    description: 'hard end of the scores',
    values: ['high', 'low'],
    required: true,
  },
  cutoffHard: {
    type: 'string',
    description: 'hard end of the cutoff scores',
    values: ['high', 'low'],
  },
  ...BUDGET_FIELDS,
  beta: {
    type: 'number',
    description:
      'cutoff ratio: fraction of the hardest examples never selected (default: β rule for the rate)',
    min: 0,
    max: 1,
    exclusiveMax: true,
  },
  strata: {
    type: 'integer',
    description: 'number of equal-width strata',
    min: 1,
    default: DEFAULT_CCS_OPTIONS.strata,
  },
  edges: {
    type: 'string',
    description: 'strata edges: exact (paper) or reference (padded top edge, needs max > 0)',
    values: ['exact', 'reference'],
    default: DEFAULT_CCS_OPTIONS.edges,
  },
  seed: SEED_FIELD,
  ...LONG_RUNNING_FIELDS,
});

interface ResolvedCcsOptions extends CcsOptions {
  readonly strata: number;
  readonly edges: StrataEdges;
  readonly seed: number | Rng;
}

/**
 * Coverage-centric coreset selection: drop the ⌊β·N⌋ hardest examples by the cutoff score, split
 * the rest into k equal-width strata of the score, share the budget m over the strata by
 * water-filling from the smallest, and sample uniformly without replacement inside each stratum.
 *
 * `indices` are in increasing order; `scores` holds the stratification score of each pick. `meta`
 * has the diagnostics: β and where it came from, the cut set (hardest first), stratum edges,
 * sizes and budgets, and timings.
 */
export function selectCcs(input: CcsInput, options: CcsOptions): SelectionResult {
  const start = performance.now();
  const o = parseOptions<ResolvedCcsOptions>(
    CCS_OPTIONS_SCHEMA,
    DEFAULT_CCS_OPTIONS,
    options,
    'ccs',
  );
  throwIfAborted(o.signal);
  if (input === undefined || input === null) {
    throw new CoresetError('MISSING_OPTION', 'ccs: input with scores is required', {
      argument: 'scores',
    });
  }
  assertScores(input.scores, 'scores');
  const scores = input.scores;
  const n = scores.length;
  let cutoffScores = scores;
  let cutoffHard = o.hard;
  if (input.cutoffScores !== undefined) {
    assertScores(input.cutoffScores, 'cutoffScores', n);
    if (o.cutoffHard === undefined) {
      throw new CoresetError(
        'MISSING_OPTION',
        'ccs: cutoffScores need cutoffHard (their hard end)',
        {
          argument: 'cutoffHard',
        },
      );
    }
    cutoffScores = input.cutoffScores;
    cutoffHard = o.cutoffHard;
  } else if (o.cutoffHard !== undefined) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'ccs: cutoffHard is only meaningful with cutoffScores',
      {
        argument: 'cutoffHard',
      },
    );
  }

  const m = resolveBudget(n, { budget: o.budget, rate: o.rate });
  const rate = o.rate ?? 1 - m / n;
  const betaSource = o.beta === undefined ? 'rule' : 'given';
  const beta = o.beta ?? recommendedBeta(rate);
  const cutCount = floorProduct(beta * n);
  if (n - cutCount < m) {
    throw new CoresetError(
      'INFEASIBLE',
      `ccs: β = ${beta} cuts ${cutCount} of ${n} examples, leaving ${n - cutCount} < ${m} to keep; β is too large for the pruning rate (need β ≤ α)`,
      { argument: 'beta' },
    );
  }

  const cutIndices = topM(cutoffScores, cutCount, cutoffHard).indices;
  const isCut = new Uint8Array(n);
  for (const i of cutIndices) isCut[i] = 1;
  const keep = new Int32Array(n - cutCount);
  for (let i = 0, t = 0; i < n; i++) if (isCut[i] === 0) keep[t++] = i;

  const strata = equalWidthStrata(scores, keep, o.strata, o.edges);
  const { budgets, shortfall } = waterFill(strata.sizes, m);
  if (shortfall !== 0) {
    // Unreachable while Σ sizes = N − cut ≥ m (checked above); kept as a guard on that invariant.
    throw new CoresetError(
      'INFEASIBLE',
      `ccs: strata hold ${n - cutCount} examples, ${shortfall} short of ${m}`,
      {
        argument: 'budget',
      },
    );
  }
  const rng = seedToRng(o.seed);
  const picked: number[] = [];
  for (let i = 0; i < strata.k; i++) {
    const group = strata.groups[i];
    for (const pos of rng.sampleWithoutReplacement(group.length, budgets[i]))
      picked.push(group[pos]);
  }
  const indices = Int32Array.from(picked).sort();
  const pickedScores = new Float64Array(indices.length);
  for (let t = 0; t < indices.length; t++) pickedScores[t] = scores[indices[t]];
  const selectMs = elapsedMs(start);
  o.onProgress?.({ phase: 'select', completed: 1, total: 1 });
  return {
    indices,
    scores: pickedScores,
    meta: {
      method: 'ccs',
      n,
      m,
      rate,
      beta,
      betaSource,
      cutCount,
      cutIndices,
      keptCount: n - cutCount,
      strata: strata.k,
      edges: o.edges,
      stratumEdges: Array.from(strata.edges),
      strataSizes: Array.from(strata.sizes),
      budgets: Array.from(budgets),
      timings: { featureMs: 0, selectMs },
    },
  };
}

export const ccsMethod: CoresetMethod<CcsInput, CcsOptions> = Object.freeze({
  name: 'ccs',
  description:
    'Coverage-centric coreset selection: β hardest cut, equal-width strata, water-filled budgets',
  optionsSchema: CCS_OPTIONS_SCHEMA,
  select: selectCcs,
});
