import {
  CoresetError,
  throwIfAborted,
  toRng,
  validateOptions,
  type Matrix,
  type Rng,
  type SelectionResult,
} from '@coresets/core';
import {
  AdamNormalizer,
  DEFAULT_ADAM_NORMALIZER_OPTIONS,
  applyColumnMask,
  topHColumns,
  type AdamNormalizerState,
  type MaskRule,
} from '@coresets/gradients';
import { COLM_OPTIONS_SCHEMA, type ColmDistance, type ColmOptions } from './colm-options.js';
import { facilityPicks } from './internal/facility-picks.js';
import { resolveSmallSources, toIdArray } from './internal/resolve-small.js';
import { sourceBudgets, type BudgetRule } from './source-budgets.js';

/**
 * Features of the candidate rows, computed on demand: `positions` are the pool rows that need one
 * (the non-kept rows, ascending); return one row per position, in that order.
 */
export type ColmCandidateFeatureFn = (positions: Int32Array) => Matrix | Promise<Matrix>;

/**
 * One pool: a source id per row and either every row's feature (`features`, n × D; kept rows'
 * features are never read but must be finite under `nonFinite: 'throw'`) or a callback that
 * computes only the candidates' features.
 */
export type ColmInput =
  | { readonly sources: ArrayLike<number>; readonly features: Matrix }
  | { readonly sources: ArrayLike<number>; readonly featureFn: ColmCandidateFeatureFn };

/** Per-source diagnostics (candidate sources only, increasing id; one entry `-1` without perSource). */
export interface ColmSourceBudget {
  readonly source: number;
  /** Candidate rows of this source (after dropping). */
  readonly size: number;
  readonly budget: number;
  /** Mask columns (ascending) the facility location saw. */
  readonly columns: Int32Array;
}

// A type alias, not an interface: it must be assignable to SelectionResult's Record meta.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type ColmMeta = {
  readonly method: 'colm';
  readonly order: string;
  /** Small-source ids used (empty with keepSmall: false). */
  readonly smallSources: Int32Array;
  /** Kept small-source pool rows that were selected (pool order). */
  readonly kept: Int32Array;
  /** Small-source rows left out because they alone exceed the budget. */
  readonly keptOverflow: number;
  /** Feature-based picks (pool rows), per source in increasing id, pick order inside. */
  readonly picks: Int32Array;
  /** Marginal gains of `picks` (NaN where a source was taken whole without greedy). */
  readonly gains: Float64Array;
  /** r = b − |K| before dropping. */
  readonly remaining: number;
  readonly candidates: number;
  /** Candidate rows dropped for a non-finite feature (nonFinite: 'drop'). */
  readonly dropped: Int32Array;
  readonly budgets: readonly ColmSourceBudget[];
  /** Feature dimension D and mask size h (0 when no features were needed). */
  readonly featureDim: number;
  readonly sparsity: number;
  /** Normaliser step t this selection used. */
  readonly step: number | undefined;
  /** Adam state after this step (normalize: 'adam'); write it back for the next step. */
  readonly normalizerState: AdamNormalizerState | undefined;
  readonly timings: { readonly featureMs: number; readonly selectMs: number };
};

export interface ColmSelectionResult extends SelectionResult {
  /** Kept small-source rows first (pool order), then the per-source picks. */
  readonly indices: Int32Array;
  /** Uniform ones, or CRAIG weights rescaled to sum to |indices|. */
  readonly weights: Float64Array;
  readonly meta: ColmMeta;
}

interface Resolved {
  readonly budget: number;
  readonly smallSources: ArrayLike<number> | undefined;
  readonly sourceSizes: ArrayLike<number> | undefined;
  readonly keepSmall: boolean;
  readonly sparsity: number | undefined;
  readonly sparsityRatio: number;
  readonly maskRule: MaskRule | 'none';
  readonly normalize: 'adam' | 'none';
  readonly normalizer: AdamNormalizer | AdamNormalizerState | string | undefined;
  readonly step: number | undefined;
  readonly historyFrom: 'picks' | 'candidates';
  readonly perSource: boolean;
  readonly budgetRule: BudgetRule;
  readonly distance: ColmDistance;
  readonly weights: 'uniform' | 'craig';
  readonly nonFinite: 'throw' | 'drop';
  readonly optimizer: 'lazy' | 'naive';
  readonly seed: number | Rng | undefined;
  readonly onProgress: ColmOptions['onProgress'];
  readonly signal: AbortSignal | undefined;
}

/**
 * CoLM's selection for one pool (colm.md §2 steps 1–6): keep every small-source row, split the
 * remaining budget r = b − |K| over the other sources in proportion to their pool share, and
 * pick medoids inside each source by greedy facility location (S = max(D) − D, l1) on
 * Adam-normalised features restricted to the source's top-h columns. Then the running moments
 * become the mean of the picks' moments. With |K| ≥ b the first b kept rows (pool order) are
 * returned and the moments stay (the step counter advances).
 *
 * `indices` are pool rows: the kept small-source rows in pool order, then the picks per source in
 * increasing source id, pick order inside a source.
 */
export async function colmSelect(
  input: ColmInput,
  options: ColmOptions,
): Promise<ColmSelectionResult> {
  const opts = validateOptions<Resolved>(COLM_OPTIONS_SCHEMA, options, 'colm options');
  if (typeof input !== 'object' || input === null) {
    throw new CoresetError('INVALID_ARGUMENT', 'input must be { sources, features | featureFn }', {
      argument: 'input',
    });
  }
  const sources = toIdArray(input.sources, 'sources');
  const n = sources.length;
  const hasFeatures = 'features' in input;
  const hasFn = 'featureFn' in input;
  if (hasFeatures === hasFn) {
    throw new CoresetError('INVALID_ARGUMENT', 'give exactly one of features or featureFn', {
      argument: 'input',
    });
  }
  if (hasFeatures) checkFeatures(input.features, n, opts.nonFinite);
  else if (typeof input.featureFn !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'featureFn must be a function', {
      argument: 'featureFn',
    });
  }
  if (opts.budget > n) {
    throw new CoresetError('OUT_OF_RANGE', `budget ${opts.budget} exceeds the pool size ${n}`, {
      argument: 'budget',
    });
  }
  if (opts.sparsity !== undefined && options.sparsityRatio !== undefined) {
    throw new CoresetError('INVALID_ARGUMENT', 'give either sparsity or sparsityRatio, not both', {
      argument: 'sparsity',
    });
  }
  if (opts.maskRule === 'none' && opts.sparsity !== undefined) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      "maskRule 'none' keeps every column: drop sparsity",
      {
        argument: 'sparsity',
      },
    );
  }
  if (opts.maskRule === 'random' && opts.seed === undefined) {
    throw new CoresetError('MISSING_OPTION', "maskRule 'random' needs a seed", {
      argument: 'seed',
    });
  }
  let normalizer = opts.normalize === 'adam' ? resolveNormalizer(opts.normalizer) : undefined;
  if (opts.step !== undefined && (opts.normalizer !== undefined || opts.normalize === 'none')) {
    throw new CoresetError('INVALID_ARGUMENT', 'step applies to a fresh Adam normaliser only', {
      argument: 'step',
    });
  }
  if (opts.normalize === 'none' && opts.normalizer !== undefined) {
    throw new CoresetError('INVALID_ARGUMENT', "normalize: 'none' takes no normalizer", {
      argument: 'normalizer',
    });
  }
  const small = opts.keepSmall
    ? resolveSmallSources(opts.smallSources, opts.sourceSizes, sources)
    : new Set<number>();
  const smallIds = Int32Array.from([...small].sort((a, b) => a - b));
  const b = opts.budget;

  // Step 1: K (pool order) and the candidates C.
  const keptAll: number[] = [];
  const cand: number[] = [];
  for (let i = 0; i < n; i++) (small.has(sources[i]) ? keptAll : cand).push(i);
  const remaining = b - keptAll.length;
  // A fresh normaliser starts at opts.step (default 0); it needs D, known only from features.
  const step = opts.normalize === 'adam' ? (normalizer?.step ?? opts.step ?? 0) : undefined;

  const finish = (
    kept: Int32Array,
    picks: Int32Array,
    gains: Float64Array,
    clusterSizes: Float64Array,
    extra: {
      dropped: Int32Array;
      budgets: ColmSourceBudget[];
      featureDim: number;
      sparsity: number;
      featureMs: number;
      selectMs: number;
    },
  ): ColmSelectionResult => {
    const indices = new Int32Array(kept.length + picks.length);
    indices.set(kept);
    indices.set(picks, kept.length);
    const weights = new Float64Array(indices.length).fill(1);
    if (opts.weights === 'craig' && indices.length > 0) {
      weights.set(clusterSizes, kept.length);
      let sum = 0;
      for (const w of weights) sum += w;
      const scale = indices.length / sum;
      for (let t = 0; t < weights.length; t++) weights[t] *= scale;
    }
    return {
      indices,
      weights,
      meta: {
        method: 'colm',
        order:
          'kept small-source rows (pool order), then picks per source (increasing id, pick order)',
        smallSources: smallIds,
        kept,
        keptOverflow: keptAll.length - kept.length,
        picks,
        gains,
        remaining,
        candidates: cand.length,
        dropped: extra.dropped,
        budgets: extra.budgets,
        featureDim: extra.featureDim,
        sparsity: extra.sparsity,
        step,
        normalizerState: normalizer?.toJSON(),
        timings: { featureMs: extra.featureMs, selectMs: extra.selectMs },
      },
    };
  };
  const empty = new Int32Array(0);
  const none = new Float64Array(0);

  if (remaining <= 0) {
    normalizer?.advance();
    return finish(Int32Array.from(keptAll.slice(0, b)), empty, none, none, {
      dropped: empty,
      budgets: [],
      featureDim: 0,
      sparsity: 0,
      featureMs: 0,
      selectMs: 0,
    });
  }

  // Step 2: candidate features, checked row by row.
  throwIfAborted(opts.signal);
  const t0 = performance.now();
  const candPositions = Int32Array.from(cand);
  let x: Matrix;
  if (hasFeatures) {
    x = input.features;
  } else {
    x = await input.featureFn(candPositions);
    checkCandidateFeatures(x, cand.length);
  }
  const featureMs = performance.now() - t0;
  const t1 = performance.now();
  const dim = x.cols;
  // Rows of x used per candidate: all pool rows with `features`, the candidates themselves otherwise.
  const rowOf = (c: number): number => (hasFeatures ? cand[c] : c);
  const dropped: number[] = [];
  const live: number[] = [];
  for (let c = 0; c < cand.length; c++) {
    const base = rowOf(c) * dim;
    let finite = true;
    for (let j = 0; j < dim && finite; j++) finite = Number.isFinite(x.data[base + j]);
    if (finite) live.push(c);
    else if (opts.nonFinite === 'drop') dropped.push(cand[c]);
    else {
      throw new CoresetError('NON_FINITE', `the feature of pool row ${cand[c]} is not finite`, {
        argument: hasFeatures ? 'features' : 'featureFn',
      });
    }
  }
  const m = live.length;
  const xc: Matrix<Float64Array> = { rows: m, cols: dim, data: new Float64Array(m * dim) };
  for (let r = 0; r < m; r++) {
    const base = rowOf(live[r]) * dim;
    for (let j = 0; j < dim; j++) xc.data[r * dim + j] = x.data[base + j];
  }
  if (opts.normalize === 'adam') normalizer ??= freshNormalizer(dim, step ?? 0);
  if (normalizer !== undefined && normalizer.dim !== dim) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `features have ${dim} columns but the normaliser state has ${normalizer.dim}`,
      { argument: 'normalizer' },
    );
  }
  const h = opts.maskRule === 'none' ? dim : (opts.sparsity ?? Math.ceil(opts.sparsityRatio * dim));
  if (h > dim) {
    throw new CoresetError('OUT_OF_RANGE', `sparsity ${h} exceeds the feature dimension ${dim}`, {
      argument: 'sparsity',
    });
  }
  const kept = Int32Array.from(keptAll);
  if (m === 0) {
    normalizer?.advance();
    return finish(kept, empty, none, none, {
      dropped: Int32Array.from(dropped),
      budgets: [],
      featureDim: dim,
      sparsity: h,
      featureMs,
      selectMs: performance.now() - t1,
    });
  }

  // Step 3: Adam normalisation (state untouched until the picks are known).
  const u = normalizer === undefined ? xc : normalizer.transform(xc);

  // Steps 4–6 per source group.
  const groupOf = new Map<number, number[]>();
  for (let r = 0; r < m; r++) {
    const g = opts.perSource ? sources[cand[live[r]]] : -1;
    const list = groupOf.get(g);
    if (list === undefined) groupOf.set(g, [r]);
    else list.push(r);
  }
  const groupIds = [...groupOf.keys()].sort((a, b2) => a - b2);
  const groupRows = groupIds.map((g) => Int32Array.from(groupOf.get(g) ?? []));
  const takeAll = remaining >= m;
  const k = sourceBudgets(
    groupRows.map((rows) => rows.length),
    Math.min(remaining, m),
    opts.budgetRule,
  );
  const rng = opts.maskRule === 'random' && opts.seed !== undefined ? toRng(opts.seed) : undefined;
  const picksLocal: number[] = [];
  const gains: number[] = [];
  const clusters: number[] = [];
  const budgets: ColmSourceBudget[] = [];
  for (let gi = 0; gi < groupIds.length; gi++) {
    throwIfAborted(opts.signal);
    const rows = groupRows[gi];
    let columns: Int32Array;
    if (opts.maskRule === 'none') columns = Int32Array.from({ length: dim }, (_, j) => j);
    else {
      columns = topHColumns(
        u,
        h,
        rows,
        opts.maskRule === 'random' ? { rule: 'random', rng } : { rule: opts.maskRule },
      );
    }
    budgets.push({ source: groupIds[gi], size: rows.length, budget: k[gi], columns });
    if (takeAll) {
      for (const r of rows) {
        picksLocal.push(r);
        gains.push(Number.NaN);
        clusters.push(1);
      }
    } else {
      const f = facilityPicks(
        applyColumnMask(u, columns, rows),
        k[gi],
        opts.distance,
        opts.optimizer,
      );
      for (let t = 0; t < f.picks.length; t++) {
        picksLocal.push(rows[f.picks[t]]);
        gains.push(f.gains[t]);
        clusters.push(f.clusterSizes[t]);
      }
    }
    opts.onProgress?.({ phase: 'colm', completed: gi + 1, total: groupIds.length });
  }
  if (normalizer !== undefined) {
    normalizer.update(xc, opts.historyFrom === 'picks' ? picksLocal : undefined);
  }
  const picks = Int32Array.from(picksLocal, (r) => cand[live[r]]);
  return finish(kept, picks, Float64Array.from(gains), Float64Array.from(clusters), {
    dropped: Int32Array.from(dropped),
    budgets,
    featureDim: dim,
    sparsity: h,
    featureMs,
    selectMs: performance.now() - t1,
  });
}

function freshNormalizer(dim: number, step: number): AdamNormalizer {
  if (step === 0) return new AdamNormalizer(dim);
  const zeros = new Array<number>(dim).fill(0);
  const { beta1, beta2, epsilon } = DEFAULT_ADAM_NORMALIZER_OPTIONS;
  return AdamNormalizer.fromJSON({
    version: 1,
    dim,
    beta1,
    beta2,
    epsilon,
    step,
    m: zeros,
    v: zeros,
  });
}

function resolveNormalizer(
  value: AdamNormalizer | AdamNormalizerState | string | undefined,
): AdamNormalizer | undefined {
  if (value === undefined) return undefined;
  if (value instanceof AdamNormalizer) return value;
  return AdamNormalizer.fromJSON(value);
}

function checkFeatures(features: Matrix, n: number, nonFinite: 'throw' | 'drop'): void {
  if (
    typeof features !== 'object' ||
    features === null ||
    !Number.isInteger(features.rows) ||
    !Number.isInteger(features.cols) ||
    !(features.data instanceof Float32Array || features.data instanceof Float64Array)
  ) {
    throw new CoresetError('INVALID_ARGUMENT', 'features must be a Matrix', {
      argument: 'features',
    });
  }
  if (features.rows !== n || features.data.length !== n * features.cols) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `features must be ${n} × D (one row per pool row), got ${features.rows} × ${features.cols}`,
      { argument: 'features' },
    );
  }
  if (features.cols < 1) {
    throw new CoresetError('INVALID_ARGUMENT', 'features need at least one column', {
      argument: 'features',
    });
  }
  if (nonFinite === 'throw') {
    for (let i = 0; i < features.data.length; i++) {
      if (!Number.isFinite(features.data[i])) {
        throw new CoresetError(
          'NON_FINITE',
          `features[${Math.floor(i / features.cols)}][${i % features.cols}] is ${features.data[i]}`,
          { argument: 'features' },
        );
      }
    }
  }
}

function checkCandidateFeatures(x: Matrix, count: number): void {
  if (
    typeof x !== 'object' ||
    x === null ||
    !(x.data instanceof Float32Array || x.data instanceof Float64Array) ||
    x.rows !== count ||
    x.data.length !== x.rows * x.cols ||
    x.cols < 1
  ) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `featureFn must return a Matrix with one row per candidate (${count}) and ≥ 1 column`,
      { argument: 'featureFn' },
    );
  }
}
