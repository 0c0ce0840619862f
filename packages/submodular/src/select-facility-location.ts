import {
  CoresetError,
  validateOptions,
  type CsrMatrix,
  type Matrix,
  type SelectionResult,
  type KernelEngine,
} from '@coresets/core';
import { clusterWeights } from './cluster-weights.js';
import {
  DEFAULT_FACILITY_LOCATION_OPTIONS,
  FACILITY_LOCATION_OPTIONS_SCHEMA,
  type FacilityLocationOptions,
} from './facility-location-options.js';
import { FacilityLocation } from './functions/facility-location.js';
import {
  buildFacilityKernel,
  type FacilityLocationInput,
  type KernelRequest,
} from './internal/build-facility-kernel.js';
import { checkSet } from './internal/check-set.js';
import { toFloatArray, toIntegerArray } from './internal/typed-inputs.js';
import { checkGroupBudgets, splitBudget } from './internal/split-budget.js';
import {
  localIndices,
  subsetFeatures,
  subsetSimilarity,
  subsetValues,
} from './internal/subset-input.js';
import { AllocationLog } from './kernels/allocation-log.js';
import { assertNeighbors } from './kernels/build-knn-kernel.js';
import { maximize } from './optimizers/maximize.js';

export type { FacilityLocationInput } from './internal/build-facility-kernel.js';

/** A selection result whose `gains` and `weights` are always present (parallel to `indices`). */
export interface FacilityLocationResult extends SelectionResult {
  readonly gains: Float64Array;
  readonly weights: Float64Array;
}

type Resolved = FacilityLocationOptions & {
  readonly distance: 'l1' | 'l2';
  readonly optimizer: string;
  readonly symmetrize: boolean;
  readonly dtype: 'float32' | 'float64';
  readonly epsilon: number;
  readonly beta: number;
  readonly naiveSteps: number;
  readonly stopIfZeroGain: boolean;
  readonly stopIfNegativeGain: boolean;
  readonly maxBlockBytes: number;
  readonly engine: KernelEngine;
};

interface GroupOutcome {
  indices: Int32Array;
  gains: Float64Array;
  weights: Float64Array;
  value: number;
  evaluations: number;
  kernelMs: number;
  selectMs: number;
  mode: 'dense' | 'sparse';
}

/**
 * Facility-location selection: builds the similarity kernel (dense, kNN-sparse, or the caller's
 * own), maximises F(A) = Σ_i max_{j∈A} s_ij greedily, and returns the picks in pick order with
 * their gains and CRAIG cluster weights (how many represented elements each pick is the most
 * similar pick for). With `groups`, groups are selected independently and concatenated in
 * increasing group id. `meta.timings` separates kernel time (`featureMs` = `kernelMs`) from
 * selection time (`selectMs`); `meta.diagnostics.allocations` lists every large buffer.
 */
export function selectFacilityLocation(
  input: FacilityLocationInput,
  options: FacilityLocationOptions,
): FacilityLocationResult {
  const opts = validateOptions<Resolved>(
    FACILITY_LOCATION_OPTIONS_SCHEMA,
    options,
    'facility location options',
  );
  const n = candidateCount(input);
  const transform =
    opts.transform ??
    ('similarity' in input ? 'precomputed' : DEFAULT_FACILITY_LOCATION_OPTIONS.transform);
  // Array inputs may come from files (Float64Array, number[]): convert, rejecting non-integers.
  const costs = opts.costs === undefined ? undefined : toFloatArray(opts.costs, 'costs');
  const initial = opts.initial === undefined ? undefined : toIntegerArray(opts.initial, 'initial');
  const groups = opts.groups === undefined ? undefined : toIntegerArray(opts.groups, 'groups');
  const knapsack = costs !== undefined;
  if (costs !== undefined && costs.length !== n) {
    throw new CoresetError('SHAPE_MISMATCH', `costs has ${costs.length} entries, expected ${n}`, {
      argument: 'costs',
    });
  }
  if (initial !== undefined) checkSet(initial, n, 'initial');
  const req: KernelRequest = {
    transform,
    distance: opts.distance,
    sigma: opts.sigma,
    neighbors: opts.neighbors,
    symmetrize: opts.symmetrize,
    dtype: opts.dtype,
    maxBlockBytes: opts.maxBlockBytes,
    engine: opts.engine,
    onProgress: opts.onProgress,
    signal: opts.signal,
  };
  if (opts.neighbors !== undefined) assertNeighbors(opts.neighbors, n);
  const log = opts.allocationLog ?? new AllocationLog();
  if (!(log instanceof AllocationLog)) {
    throw new CoresetError('INVALID_ARGUMENT', 'allocationLog must be an AllocationLog', {
      argument: 'allocationLog',
    });
  }
  const run = (
    sub: FacilityLocationInput,
    budget: number,
    costs: Float64Array | undefined,
    initial: Int32Array | undefined,
  ): GroupOutcome => {
    // A group smaller than k keeps all of its similarities (each row has fewer than k to keep).
    const size = 'features' in sub ? sub.features.rows : sub.similarity.cols;
    const neighbors = req.neighbors === undefined ? undefined : Math.min(req.neighbors, size);
    return selectOne(sub, budget, costs, initial, opts, { ...req, neighbors }, log);
  };

  const parts: GroupOutcome[] = [];
  const groupMeta: {
    group: number;
    size: number;
    budget: number;
    picked: number;
    objective: number;
  }[] = [];
  if (groups === undefined) {
    if (opts.groupBudgets !== undefined) {
      throw new CoresetError('INVALID_ARGUMENT', 'groupBudgets needs groups', {
        argument: 'groupBudgets',
      });
    }
    parts.push(run(input, requireBudget(opts.budget), costs, initial));
  } else {
    const members = groupMembers(groups, n, input);
    const budgets =
      opts.groupBudgets !== undefined
        ? checkGroupBudgets(opts.groupBudgets, members.length, !knapsack)
        : splitBudget(
            requireBudget(opts.budget),
            members.map((m) => m.length),
            !knapsack,
          );
    if (opts.groupBudgets !== undefined && opts.budget !== undefined) {
      throw new CoresetError('INVALID_ARGUMENT', 'give either budget or groupBudgets, not both', {
        argument: 'budget',
      });
    }
    const local = new Int32Array(n);
    members.forEach((group, g) => {
      local.fill(-1);
      group.forEach((e, t) => (local[e] = t));
      const sub: FacilityLocationInput =
        'features' in input
          ? { features: subsetFeatures(input.features, group) }
          : { similarity: subsetSimilarity(input.similarity, group) };
      const groupCosts = costs === undefined ? undefined : subsetValues(costs, group);
      const groupInitial = initial === undefined ? undefined : localIndices(initial, local);
      const part = run(sub, budgets[g], groupCosts, groupInitial);
      part.indices = Int32Array.from(part.indices, (t) => group[t]);
      parts.push(part);
      groupMeta.push({
        group: g,
        size: group.length,
        budget: budgets[g],
        picked: part.indices.length,
        objective: part.value,
      });
    });
  }
  const concat = <T extends Int32Array | Float64Array>(
    pick: (p: GroupOutcome) => T,
    make: (len: number) => T,
  ): T => {
    const out = make(parts.reduce((s, p) => s + pick(p).length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(pick(p), offset);
      offset += pick(p).length;
    }
    return out;
  };
  const kernelMs = parts.reduce((s, p) => s + p.kernelMs, 0);
  const selectMs = parts.reduce((s, p) => s + p.selectMs, 0);
  return {
    indices: concat(
      (p) => p.indices,
      (len) => new Int32Array(len),
    ),
    gains: concat(
      (p) => p.gains,
      (len) => new Float64Array(len),
    ),
    weights: concat(
      (p) => p.weights,
      (len) => new Float64Array(len),
    ),
    meta: {
      method: 'facility-location',
      order:
        opts.groups === undefined
          ? 'pick order'
          : 'pick order within each group, groups in increasing id',
      transform,
      optimizer: opts.optimizer,
      mode: parts[0]?.mode ?? 'dense',
      objective: parts.reduce((s, p) => s + p.value, 0),
      evaluations: parts.reduce((s, p) => s + p.evaluations, 0),
      ...(opts.groups === undefined ? {} : { groups: groupMeta }),
      timings: { featureMs: kernelMs, kernelMs, selectMs },
      diagnostics: { allocations: log.records, largestAllocationElements: log.largestElements },
    },
  };
}

function selectOne(
  input: FacilityLocationInput,
  budget: number,
  costs: Float64Array | undefined,
  initial: Int32Array | undefined,
  opts: Resolved,
  req: KernelRequest,
  log: AllocationLog,
): GroupOutcome {
  const t0 = performance.now();
  const kernel = buildFacilityKernel(input, req, log);
  const t1 = performance.now();
  const fn = new FacilityLocation(kernel, { validated: true });
  for (const [name, array] of fn.memoBuffers()) log.record(name, array);
  const result = maximize(fn, opts.optimizer, {
    budget,
    rng: opts.seed,
    costs,
    initial,
    stopIfZeroGain: opts.stopIfZeroGain,
    stopIfNegativeGain: opts.stopIfNegativeGain,
    epsilon: opts.epsilon,
    beta: opts.beta,
    naiveSteps: opts.naiveSteps,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  const weights = clusterWeights(kernel, result.indices);
  const t2 = performance.now();
  return {
    indices: result.indices,
    gains: result.gains,
    weights,
    value: result.value,
    evaluations: result.evaluations,
    kernelMs: t1 - t0,
    selectMs: t2 - t1,
    mode: kernel.kind,
  };
}

function requireBudget(budget: number | undefined): number {
  if (budget === undefined) {
    throw new CoresetError('MISSING_OPTION', 'facility location needs a budget', {
      argument: 'budget',
    });
  }
  return budget;
}

function candidateCount(input: FacilityLocationInput): number {
  if (typeof input !== 'object' || input === null) {
    throw new CoresetError('INVALID_ARGUMENT', 'input must be { features } or { similarity }', {
      argument: 'input',
    });
  }
  const hasFeatures = 'features' in input;
  const hasSimilarity = 'similarity' in input;
  if (hasFeatures === hasSimilarity) {
    throw new CoresetError('INVALID_ARGUMENT', 'give exactly one of features or similarity', {
      argument: 'input',
    });
  }
  const m: Matrix | CsrMatrix = hasFeatures ? input.features : input.similarity;
  if (typeof m !== 'object' || !Number.isInteger(m.rows) || !Number.isInteger(m.cols)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `${hasFeatures ? 'features' : 'similarity'} must be a matrix`,
      {
        argument: hasFeatures ? 'features' : 'similarity',
      },
    );
  }
  return hasFeatures ? m.rows : m.cols;
}

function groupMembers(groups: Int32Array, n: number, input: FacilityLocationInput): number[][] {
  if (!(groups instanceof Int32Array) || groups.length !== n) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `groups must be an Int32Array with one id per candidate (${n})`,
      {
        argument: 'groups',
      },
    );
  }
  if ('features' in input && input.represented !== undefined) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'groups need the square mode (no separate represented set)',
      {
        argument: 'groups',
      },
    );
  }
  if ('similarity' in input && input.similarity.rows !== input.similarity.cols) {
    throw new CoresetError('INVALID_ARGUMENT', 'groups need a square similarity', {
      argument: 'groups',
    });
  }
  let count = 0;
  for (let e = 0; e < n; e++) {
    const g = groups[e];
    if (g < 0) {
      throw new CoresetError('OUT_OF_RANGE', `groups[${e}] = ${g} must be ≥ 0`, {
        argument: 'groups',
      });
    }
    count = Math.max(count, g + 1);
  }
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let e = 0; e < n; e++) members[groups[e]].push(e);
  return members;
}
