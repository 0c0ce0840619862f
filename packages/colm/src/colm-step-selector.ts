import { CoresetError, validateOptions, type Matrix, type OptionsSchema } from '@coresets/core';
import { AdamNormalizer, type AdamNormalizerState } from '@coresets/gradients';
import { COLM_OPTIONS_SCHEMA, type ColmOptions } from './colm-options.js';
import { colmSelect, type ColmSelectionResult } from './colm-select.js';
import { resolveSmallSources, toIdArray } from './internal/resolve-small.js';

/** The pool a training loop draws each step (the shape of eval's `LmPool`). */
export interface ColmPool<E> {
  readonly step: number;
  /** Indices into the training set. */
  readonly indices: Int32Array;
  readonly examples: readonly E[];
}

/** Rows of the pool to train on (positions into the pool) and optional weights (eval's `LmPoolSelection`). */
export interface ColmPoolSelection {
  readonly positions: Int32Array;
  readonly weights?: Float32Array | undefined;
}

/**
 * Per-example features of pool rows: `positions` are the rows that need one (the candidates,
 * ascending). Return one row per position in that order — or one row per pool row (the
 * candidates' rows are then taken). Non-finite rows are dropped by default (e.g. an example
 * without answer tokens returning NaN).
 */
export type ColmFeatureFn<E, M> = (
  pool: ColmPool<E>,
  positions: Int32Array,
  model: M,
) => Matrix | Promise<Matrix>;

/** Serialisable selector state (write it with checkpoints; colm.md §5: moments are state). */
export interface ColmSelectorState {
  readonly version: 1;
  /** Steps selected so far. */
  readonly steps: number;
  /** Adam moments; null before the first feature-based step or with normalize: 'none'. */
  readonly normalizer: AdamNormalizerState | null;
}

export interface ColmStepSelectorOptions<E, M> extends Omit<
  ColmOptions,
  'budget' | 'normalizer' | 'onProgress' | 'signal'
> {
  readonly featureFn: ColmFeatureFn<E, M>;
  /** Source id of an example; default `example.source`. */
  readonly sourceOf?: ((example: E) => number) | undefined;
  /** b per step; exclusive with `ratio`. */
  readonly budget?: number | undefined;
  /** b = ⌊ratio · B⌋ when `budget` is not given (default 0.5: half the pool). */
  readonly ratio?: number | undefined;
  /** State from `toJSON()` (object or JSON text) to resume from. */
  readonly state?: ColmSelectorState | string | undefined;
  /** Receives every step's full selection (diagnostics, timings). */
  readonly onStep?: ((step: number, result: ColmSelectionResult) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

export const DEFAULT_COLM_STEP_SELECTOR_OPTIONS = {
  ratio: 0.5,
  nonFinite: 'drop',
} as const;

/** A training-loop plug-in: `(pool, model) → { positions, weights? }`, plus its state. */
export interface ColmStepSelector<E, M> {
  (pool: ColmPool<E>, model: M): Promise<ColmPoolSelection>;
  /** Steps selected so far. */
  readonly steps: number;
  /** The Adam normaliser (created on the first feature-based step). */
  readonly normalizer: AdamNormalizer | undefined;
  /** The last step's selection. */
  readonly last: ColmSelectionResult | undefined;
  toJSON(): ColmSelectorState;
}

const STEP_SCHEMA: OptionsSchema = {
  ...Object.fromEntries(
    Object.entries(COLM_OPTIONS_SCHEMA).filter(
      ([key]) => !['budget', 'normalizer', 'step', 'onProgress', 'nonFinite'].includes(key),
    ),
  ),
  nonFinite: {
    type: 'string',
    values: ['throw', 'drop'],
    default: DEFAULT_COLM_STEP_SELECTOR_OPTIONS.nonFinite,
    description: 'candidates with a non-finite feature (default: dropped and reported)',
  },
  featureFn: { type: 'any', required: true, description: '(pool, positions, model) → features' },
  sourceOf: { type: 'any', description: 'source id of an example (default example.source)' },
  budget: { type: 'integer', min: 1, description: 'b per step' },
  ratio: {
    type: 'number',
    min: 0,
    max: 1,
    exclusiveMin: true,
    default: DEFAULT_COLM_STEP_SELECTOR_OPTIONS.ratio,
    description: 'b = floor(ratio · B)',
  },
  state: { type: 'any', description: 'state from toJSON()' },
  onStep: { type: 'any', description: 'per-step diagnostics callback' },
};

/**
 * CoLM as a plug-in for a "pool → select → train" loop such as eval's `finetuneLm`: every step
 * it keeps the pool's small-source rows, asks `featureFn` for the other rows' features (e.g. ZO
 * features of the last block's V-proj LoRA-B, see `createZoFeatureFn`) and picks b rows with
 * `colmSelect`. Adam moments live in the selector; `toJSON()` / `state` checkpoint them.
 * Uniform weights are returned as no weights (the loop's plain mean).
 */
export function createColmStepSelector<E = { readonly source: number }, M = unknown>(
  options: ColmStepSelectorOptions<E, M>,
): ColmStepSelector<E, M> {
  const opts = validateOptions<ColmStepSelectorOptions<E, M> & { ratio: number }>(
    STEP_SCHEMA,
    options,
    'colm step selector options',
  );
  if (typeof opts.featureFn !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'featureFn must be a function', {
      argument: 'featureFn',
    });
  }
  if (opts.sourceOf !== undefined && typeof opts.sourceOf !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'sourceOf must be a function', {
      argument: 'sourceOf',
    });
  }
  if (opts.budget !== undefined && options.ratio !== undefined) {
    throw new CoresetError('INVALID_ARGUMENT', 'give either budget or ratio, not both', {
      argument: 'budget',
    });
  }
  const {
    featureFn,
    sourceOf,
    budget,
    ratio,
    state,
    onStep,
    signal,
    smallSources,
    sourceSizes,
    nonFinite,
    ...rest
  } = opts;
  // Forward only what the caller set: colmSelect fills its own defaults (and rejects
  // sparsity together with an explicit sparsityRatio).
  const selectOptions = Object.fromEntries(
    Object.entries(rest).filter(
      ([key]) => (options as unknown as Record<string, unknown>)[key] !== undefined,
    ),
  ) as typeof rest;
  // Small sources are fixed once from whole-data information (colm.md §2), never from a pool.
  let smallIds: Int32Array | undefined;
  if (opts.keepSmall !== false) {
    // Pool ids are checked against sourceSizes per step below.
    const small = resolveSmallSources(smallSources, sourceSizes, new Int32Array(0));
    smallIds = Int32Array.from([...small].sort((a, b) => a - b));
  }
  const sizes = sourceSizes === undefined ? undefined : toIdArray(sourceSizes, 'sourceSizes');
  const restored = state === undefined ? undefined : parseColmSelectorState(state);
  let steps = restored?.steps ?? 0;
  let normalizer =
    restored?.normalizer == null ? undefined : AdamNormalizer.fromJSON(restored.normalizer);
  let last: ColmSelectionResult | undefined;

  const select = async (pool: ColmPool<E>, model: M): Promise<ColmPoolSelection> => {
    const size = checkPool(pool);
    const sources = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const example = pool.examples[i];
      const id =
        sourceOf === undefined ? (example as { source?: unknown }).source : sourceOf(example);
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) {
        throw new CoresetError(
          sourceOf === undefined ? 'MISSING_OPTION' : 'INVALID_ARGUMENT',
          `pool example ${i} has no source id (got ${String(id)}); give sourceOf`,
          { argument: 'sourceOf' },
        );
      }
      if (sizes !== undefined && id >= sizes.length) {
        throw new CoresetError('OUT_OF_RANGE', `source id ${id} has no entry in sourceSizes`, {
          argument: 'sourceSizes',
        });
      }
      sources[i] = id;
    }
    const b = budget ?? Math.floor(ratio * size);
    if (b < 1 || b > size) {
      throw new CoresetError('OUT_OF_RANGE', `budget ${b} is outside [1, ${size}] for this pool`, {
        argument: budget === undefined ? 'ratio' : 'budget',
      });
    }
    const useAdam = selectOptions.normalize !== 'none';
    const result = await colmSelect(
      {
        sources,
        featureFn: async (positions) => {
          const x = await featureFn(pool, positions, model);
          if (x.rows === size && positions.length !== size) return pickRows(x, positions);
          return x;
        },
      },
      {
        ...selectOptions,
        nonFinite,
        budget: b,
        ...(smallIds === undefined ? {} : { smallSources: smallIds }),
        normalizer: useAdam ? normalizer : undefined,
        // Until features first arrive there is no normaliser; t still counts every step.
        ...(useAdam && normalizer === undefined ? { step: steps } : {}),
        ...(signal === undefined ? {} : { signal }),
      },
    );
    if (useAdam && normalizer === undefined && result.meta.normalizerState !== undefined) {
      normalizer = AdamNormalizer.fromJSON(result.meta.normalizerState);
    }
    steps++;
    last = result;
    onStep?.(pool.step, result);
    const uniform = selectOptions.weights !== 'craig';
    return uniform
      ? { positions: result.indices }
      : { positions: result.indices, weights: Float32Array.from(result.weights) };
  };
  return Object.defineProperties(select, {
    steps: { get: () => steps, enumerable: true },
    normalizer: { get: () => normalizer, enumerable: true },
    last: { get: () => last, enumerable: true },
    toJSON: {
      value: (): ColmSelectorState => ({
        version: 1,
        steps,
        normalizer: normalizer === undefined ? null : normalizer.toJSON(),
      }),
    },
  }) as ColmStepSelector<E, M>;
}

/** Validates a selector state (object or JSON text) from `toJSON()`. */
export function parseColmSelectorState(value: unknown): ColmSelectorState {
  let s: unknown = value;
  if (typeof value === 'string') {
    try {
      s = JSON.parse(value);
    } catch (cause) {
      throw new CoresetError('PARSE_ERROR', 'CoLM selector state is not valid JSON', {
        argument: 'state',
        cause,
      });
    }
  }
  if (typeof s !== 'object' || s === null || Array.isArray(s)) {
    throw new CoresetError('PARSE_ERROR', 'CoLM selector state must be an object', {
      argument: 'state',
    });
  }
  const r = s as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!['version', 'steps', 'normalizer'].includes(key)) {
      throw new CoresetError('PARSE_ERROR', `unknown field "${key}" in CoLM selector state`, {
        argument: `state.${key}`,
      });
    }
  }
  if (r.version !== 1) {
    throw new CoresetError(
      'UNSUPPORTED_FORMAT',
      `CoLM selector state version ${String(r.version)} is not 1`,
      {
        argument: 'state.version',
      },
    );
  }
  if (typeof r.steps !== 'number' || !Number.isSafeInteger(r.steps) || r.steps < 0) {
    throw new CoresetError('PARSE_ERROR', 'state.steps must be a non-negative integer', {
      argument: 'state.steps',
    });
  }
  if (r.normalizer === null || r.normalizer === undefined) {
    return { version: 1, steps: r.steps, normalizer: null };
  }
  // Round-trips through the normaliser's own validation.
  const normalizer = AdamNormalizer.fromJSON(r.normalizer).toJSON();
  return { version: 1, steps: r.steps, normalizer };
}

function checkPool<E>(pool: ColmPool<E>): number {
  if (typeof pool !== 'object' || pool === null || !Array.isArray(pool.examples)) {
    throw new CoresetError('INVALID_ARGUMENT', 'pool must be { step, indices, examples }', {
      argument: 'pool',
    });
  }
  if (pool.indices.length !== pool.examples.length) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `pool has ${pool.indices.length} indices and ${pool.examples.length} examples`,
      { argument: 'pool' },
    );
  }
  if (pool.examples.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'pool is empty', { argument: 'pool' });
  }
  return pool.examples.length;
}

function pickRows(x: Matrix, positions: Int32Array): Matrix {
  const d = x.cols;
  const out = new Float64Array(positions.length * d);
  for (let r = 0; r < positions.length; r++) {
    for (let j = 0; j < d; j++) out[r * d + j] = x.data[positions[r] * d + j];
  }
  return { rows: positions.length, cols: d, data: out };
}
