import { CoresetError, Rng, assertMatrix, throwIfAborted, validateOptions } from '@coresets/core';
import type { Matrix, SelectionResult } from '@coresets/core';
import { assembleCost, scaledDistances, scaledGradNorms } from './cost-matrix.js';
import { greedyInit } from './greedy.js';
import { labelBudgets } from './label-budgets.js';
import { GORACS_INPUT_SCHEMA, GORACS_SETTINGS_SCHEMA } from './options.js';
import type {
  GoracsInput,
  GoracsOptions,
  GoracsSettings,
  ResolvedGoracsSettings,
} from './options.js';
import { refineSwaps } from './refine.js';
import { splitValidation } from './validation-split.js';

/** Diagnostics of one ITRA run (the whole set, or one class of the label-enhanced variant). */
export interface GoracsRunMeta {
  /** Class label, or -1 for the unlabelled run. */
  readonly label: number;
  readonly budget: number;
  readonly trainCount: number;
  readonly targetCount: number;
  /** Rows added by the greedy, over-picks included. */
  readonly greedyPicks: number;
  /** POO after the greedy, then after each accepted swap (strictly decreasing). */
  readonly pooHistory: number[];
  /** Accepted swaps as [removed, added] training indices. */
  readonly swaps: [number, number][];
  readonly swapsTried: number;
  readonly solves: number;
  readonly solverMs: number;
  readonly greedyMs: number;
  readonly refineMs: number;
}

/**
 * GORACS (Mei et al., KDD 2025): picks `budget` training rows whose uniform distribution is
 * close in exact optimal transport to the validation target, tilted toward large gradient norms
 * (POO), by a greedy start and dual-pruned swaps (ITRA). With `labels` and `validLabels` it runs
 * per class with budgets from the target's label shares.
 *
 * `indices` order: the greedy pick order, each accepted swap removing its row and appending the
 * new one; per class, classes from the highest label down (S₁ ++ S₀ for binary labels, as the
 * reference). `meta` reports POO after the greedy and after every accepted swap, swaps tried and
 * accepted, solver time, the validation split and timings.
 */
export async function selectGoracs(
  input: GoracsInput,
  settings: GoracsSettings,
): Promise<SelectionResult> {
  const t0 = performance.now();
  validateOptions(GORACS_INPUT_SCHEMA, input, 'goracs input');
  const s = validateOptions<ResolvedGoracsSettings>(GORACS_SETTINGS_SCHEMA, settings, 'goracs');
  throwIfAborted(s.signal);

  // ---- inputs → scaled distances (or the precomputed cost) and gradient norms.
  let dist: Matrix<Float64Array>;
  let grads: Float64Array | undefined;
  let precomputed = false;
  if (input.cost !== undefined) {
    for (const key of ['trainEmbeddings', 'validEmbeddings', 'gradNorms'] as const) {
      if (input[key] !== undefined) {
        throw new CoresetError('INVALID_ARGUMENT', `give either cost or ${key}, not both`, {
          argument: key,
        });
      }
    }
    for (const key of ['lambda', 'distanceScale'] as const) {
      if (settings[key] !== undefined) {
        throw new CoresetError('INVALID_ARGUMENT', `${key} does not apply to a precomputed cost`, {
          argument: key,
        });
      }
    }
    dist = checkPrecomputed(input.cost);
    precomputed = true;
  } else {
    if (input.trainEmbeddings === undefined) {
      throw new CoresetError(
        'MISSING_OPTION',
        'goracs: "trainEmbeddings" (or "cost") is required',
        {
          argument: 'trainEmbeddings',
        },
      );
    }
    if (input.validEmbeddings === undefined) {
      throw new CoresetError(
        'MISSING_OPTION',
        'goracs: "validEmbeddings" (or "cost") is required',
        {
          argument: 'validEmbeddings',
        },
      );
    }
    dist = scaledDistances(input.trainEmbeddings, input.validEmbeddings, s.distanceScale);
    grads = input.gradNorms === undefined ? undefined : scaledGradNorms(input.gradNorms, dist.rows);
  }
  const N = dist.rows;
  const M = dist.cols;
  if (s.budget > N) {
    throw new CoresetError('OUT_OF_RANGE', `budget ${s.budget} exceeds the ${N} training rows`, {
      argument: 'budget',
    });
  }

  // ---- labels.
  const hasLabels = input.labels !== undefined || input.validLabels !== undefined;
  let trainLabels: Int32Array | undefined;
  let validLabels: Int32Array | undefined;
  let numClasses = 1;
  if (hasLabels) {
    if (input.labels === undefined || input.validLabels === undefined) {
      const missing = input.labels === undefined ? 'labels' : 'validLabels';
      throw new CoresetError(
        'MISSING_OPTION',
        `goracs: labels and validLabels go together; "${missing}" is missing`,
        {
          argument: missing,
        },
      );
    }
    trainLabels = checkLabels(input.labels, N, 'labels');
    validLabels = checkLabels(input.validLabels, M, 'validLabels');
    for (const l of [trainLabels, validLabels])
      for (const x of l) numClasses = Math.max(numClasses, x + 1);
  }

  // ---- validation split: target (V_sel) and held-out (V_es) columns.
  let target: Int32Array;
  let heldOut: Int32Array | undefined;
  if (s.validation === 'split') {
    if (s.seed === undefined) {
      throw new CoresetError(
        'MISSING_OPTION',
        'goracs: "seed" is required when validation is "split"',
        {
          argument: 'seed',
        },
      );
    }
    if (!(s.seed instanceof Rng) && !Number.isSafeInteger(s.seed)) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `seed must be an integer or an Rng, got ${String(s.seed)}`,
        {
          argument: 'seed',
        },
      );
    }
    const split = splitValidation(M, s.seed, validLabels);
    target = split.target;
    heldOut = split.heldOut;
  } else {
    target = Int32Array.from({ length: M }, (_, j) => j);
  }

  // ---- the runs: one, or one per class.
  const runs: { label: number; rows: Int32Array; cols: Int32Array; budget: number }[] = [];
  if (trainLabels === undefined || validLabels === undefined) {
    runs.push({
      label: -1,
      rows: Int32Array.from({ length: N }, (_, i) => i),
      cols: target,
      budget: s.budget,
    });
  } else {
    const tl = trainLabels;
    const vl = validLabels;
    const targetLabels = Int32Array.from(target, (j) => vl[j]);
    const budgets = labelBudgets(targetLabels, numClasses, s.budget);
    for (let c = numClasses - 1; c >= 0; c--) {
      if (budgets[c] === 0) continue;
      const rows = Int32Array.from(indicesWhere(tl, c));
      const cols = Int32Array.from(Array.from(target).filter((j) => vl[j] === c));
      if (budgets[c] > rows.length) {
        throw new CoresetError(
          'INFEASIBLE',
          `class ${c} gets a budget of ${budgets[c]} but has only ${rows.length} training rows`,
          { argument: 'budget' },
        );
      }
      runs.push({ label: c, rows, cols, budget: budgets[c] });
    }
  }

  const featureMs = performance.now() - t0;
  const selected: number[] = [];
  const runMeta: GoracsRunMeta[] = [];
  for (const run of runs) {
    throwIfAborted(s.signal);
    const cost = precomputed
      ? subBlock(dist, run.rows, run.cols)
      : assembleCost(dist, grads, s.lambda, run.rows, run.cols);
    const tg = performance.now();
    const greedy = greedyInit(cost, run.budget, {
      dropInactive: s.dropInactive,
      ...(s.onProgress === undefined ? {} : { onProgress: s.onProgress }),
      ...(s.signal === undefined ? {} : { signal: s.signal }),
    });
    const greedyMs = performance.now() - tg;
    const tr = performance.now();
    const refined = await refineSwaps(cost, greedy.indices, {
      maxIters: s.maxIters,
      cut: s.cut,
      threshold: s.threshold,
      selfExclusion: s.selfExclusion,
      innerOrder: s.innerOrder,
      improveTol: s.improveTol,
      solver: s.solver,
      sinkhornEpsilon: s.sinkhornEpsilon,
      ...(s.onProgress === undefined ? {} : { onProgress: s.onProgress }),
      ...(s.signal === undefined ? {} : { signal: s.signal }),
    });
    const refineMs = performance.now() - tr;
    for (const k of refined.indices) selected.push(run.rows[k]);
    runMeta.push({
      label: run.label,
      budget: run.budget,
      trainCount: run.rows.length,
      targetCount: run.cols.length,
      greedyPicks: greedy.picks.length,
      pooHistory: refined.pooHistory,
      swaps: refined.swaps.map(([i, o]) => [run.rows[i], run.rows[o]]),
      swapsTried: refined.swapsTried,
      solves: refined.solves,
      solverMs: refined.solverMs,
      greedyMs,
      refineMs,
    });
  }
  const selectMs = performance.now() - t0 - featureMs;
  const sum = (f: (r: GoracsRunMeta) => number) => runMeta.reduce((acc, r) => acc + f(r), 0);
  const single = runMeta.length === 1 && runMeta[0].label === -1 ? runMeta[0] : undefined;
  return {
    indices: Int32Array.from(selected),
    meta: {
      method: 'goracs',
      budget: s.budget,
      lambda: precomputed ? undefined : s.lambda,
      solver: s.solver,
      exact: s.solver !== 'sinkhorn',
      validation: s.validation,
      ...(single === undefined
        ? {}
        : {
            pooGreedy: single.pooHistory[0],
            pooFinal: single.pooHistory[single.pooHistory.length - 1],
            pooHistory: single.pooHistory,
            swaps: single.swaps,
            greedyPicks: single.greedyPicks,
          }),
      runs: runMeta,
      swapsTried: sum((r) => r.swapsTried),
      swapsAccepted: sum((r) => r.swaps.length),
      solves: sum((r) => r.solves),
      solverMs: sum((r) => r.solverMs),
      targetIndices: Array.from(target),
      heldOutIndices: heldOut === undefined ? undefined : Array.from(heldOut),
      timings: {
        featureMs,
        selectMs,
        greedyMs: sum((r) => r.greedyMs),
        refineMs: sum((r) => r.refineMs),
      },
    },
  };
}

/** Single-object form: inputs and settings together (`goracs({ trainEmbeddings, …, budget })`). */
export function goracs(options: GoracsOptions): Promise<SelectionResult> {
  const { trainEmbeddings, validEmbeddings, gradNorms, cost, labels, validLabels, ...settings } =
    options;
  return selectGoracs(
    { trainEmbeddings, validEmbeddings, gradNorms, cost, labels, validLabels },
    settings,
  );
}

function checkPrecomputed(cost: Matrix): Matrix<Float64Array> {
  assertMatrix(cost, 'cost', { minRows: 1 });
  if (cost.cols < 1)
    throw new CoresetError('INVALID_ARGUMENT', 'cost needs at least one column', {
      argument: 'cost',
    });
  for (let k = 0; k < cost.data.length; k++) {
    const x = cost.data[k];
    if (x < 0 || x > 1) {
      throw new CoresetError(
        'OUT_OF_RANGE',
        `a precomputed cost must lie in [0, 1], got ${x} at index ${k}`,
        {
          argument: 'cost',
        },
      );
    }
  }
  return { rows: cost.rows, cols: cost.cols, data: Float64Array.from(cost.data) };
}

function checkLabels(values: ArrayLike<number>, length: number, argument: string): Int32Array {
  if (values.length !== length) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${argument} has ${values.length} labels for ${length} rows`,
      { argument },
    );
  }
  const out = new Int32Array(length);
  for (let k = 0; k < length; k++) {
    const x = values[k];
    // Labels index per-class arrays, so keep them small integers.
    if (!Number.isInteger(x) || x < 0 || x >= 65536) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `${argument} must hold integers in [0, 65535], got ${x} at index ${k}`,
        {
          argument,
        },
      );
    }
    out[k] = x;
  }
  return out;
}

function indicesWhere(labels: Int32Array, c: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === c) out.push(i);
  return out;
}

function subBlock(
  d: Matrix<Float64Array>,
  rows: Int32Array,
  cols: Int32Array,
): Matrix<Float64Array> {
  const out = new Float64Array(rows.length * cols.length);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r] * d.cols;
    for (let c = 0; c < cols.length; c++) out[r * cols.length + c] = d.data[base + cols[c]];
  }
  return { rows: rows.length, cols: cols.length, data: out };
}
