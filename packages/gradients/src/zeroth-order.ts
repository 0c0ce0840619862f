import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, throwIfAborted, validateOptions } from '@coresets/core';
import type { Matrix, OptionsSchema, Rng } from '@coresets/core';
import { resolveRng } from './internal/validate.js';

/**
 * Per-example losses at the current parameter values, one per example (length n, the same n on
 * every call). Computing L_i correctly is the caller's job: for a language model, the token-mean
 * cross-entropy over example i's *own* answer tokens only (never divided by a padded batch
 * width, which would make L_i depend on its neighbours), with dropout off. A returned tensor is
 * read and then disposed by the estimator; wrap the forward pass in `tf.tidy`.
 */
export type ExampleLossCallback = () =>
  tf.Tensor | ArrayLike<number> | Promise<tf.Tensor | ArrayLike<number>>;

/**
 * - `fresh` (default, MeZO / the CoLM paper): new directions at every `estimate` call, shared by
 *   all examples of that call so their features are comparable.
 * - `fixed` (CoLM reference code): directions drawn on the first call and reused for the whole run.
 */
export type DirectionMode = 'fresh' | 'fixed';

export interface ZerothOrderOptions {
  /** Seed or generator for the directions; use a stream dedicated to this estimator. */
  readonly rng: Rng | number;
  /** Perturbation size ε. In float32, 1e-3 balances truncation (O(ε²)) against rounding (O(u·L/ε)). */
  readonly epsilon?: number;
  readonly direction?: DirectionMode;
  /** K directions per estimate; the feature is (1/K) Σ_k s_ik z_k. */
  readonly directions?: number;
  /** `gaussian`: z_j ~ N(0, 1) rounded to float32; `rademacher`: z_j = ±1. */
  readonly distribution?: 'gaussian' | 'rademacher';
  /** `throw`: a non-finite loss difference throws NON_FINITE; `keep`: s is NaN there and the row is listed in `nonFinite`. */
  readonly nonFinite?: 'throw' | 'keep';
}

export const DEFAULT_ZEROTH_ORDER_OPTIONS = {
  epsilon: 1e-3,
  direction: 'fresh',
  directions: 1,
  distribution: 'gaussian',
  nonFinite: 'throw',
} as const satisfies Omit<ZerothOrderOptions, 'rng'>;

const SCHEMA: OptionsSchema = {
  rng: { type: 'any', description: 'seed or Rng for the directions', required: true },
  epsilon: {
    type: 'number',
    description: 'perturbation size',
    min: 0,
    exclusiveMin: true,
    default: 1e-3,
  },
  direction: {
    type: 'string',
    description: 'direction mode',
    values: ['fresh', 'fixed'],
    default: 'fresh',
  },
  directions: { type: 'integer', description: 'directions per estimate', min: 1, default: 1 },
  distribution: {
    type: 'string',
    description: 'direction entries',
    values: ['gaussian', 'rademacher'],
    default: 'gaussian',
  },
  nonFinite: {
    type: 'string',
    description: 'non-finite handling',
    values: ['throw', 'keep'],
    default: 'throw',
  },
};

/**
 * Zeroth-order (SPSA / MeZO) per-example features for one parameter tensor θ. One estimate:
 * for each direction z_k, s_ik = (L_i(θ + εz_k) − L_i(θ − εz_k)) / (2ε), an estimate of the
 * directional derivative ∇L_i·z_k with O(ε²) bias; the feature is x_i = (1/K) Σ_k s_ik z_k.
 *
 * θ ± εz are formed from a saved float32 copy of θ (in float64, rounded once to float32) and
 * assigned; afterwards the saved copy is assigned back, so θ is restored bit for bit even when
 * the loss throws — never accumulated +ε/−2ε/+ε edits.
 */
export class ZerothOrderEstimator {
  readonly parameter: tf.Variable;
  readonly dim: number;
  readonly epsilon: number;
  readonly direction: DirectionMode;
  readonly directions: number;
  readonly distribution: 'gaussian' | 'rademacher';
  readonly nonFinite: 'throw' | 'keep';
  readonly #rng: Rng;
  #fixed: Float32Array | undefined;
  #calls = 0;

  constructor(parameter: tf.Variable, options: ZerothOrderOptions) {
    if (!(parameter instanceof tf.Variable)) {
      throw new CoresetError('INVALID_ARGUMENT', 'parameter must be a tf.Variable', {
        argument: 'parameter',
      });
    }
    if (parameter.dtype !== 'float32') {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `parameter must be float32, got ${parameter.dtype}`,
        {
          argument: 'parameter',
        },
      );
    }
    const opts = validateOptions<Required<ZerothOrderOptions>>(
      SCHEMA,
      options,
      'ZerothOrderEstimator',
    );
    this.parameter = parameter;
    this.dim = parameter.size;
    this.epsilon = opts.epsilon;
    this.direction = opts.direction;
    this.directions = opts.directions;
    this.distribution = opts.distribution;
    this.nonFinite = opts.nonFinite;
    this.#rng = resolveRng(opts.rng);
  }

  /** Number of completed `estimate` calls. */
  get calls(): number {
    return this.#calls;
  }

  /** Runs 2K loss evaluations and returns the features (lazily: s and z, rows on demand). */
  async estimate(
    loss: ExampleLossCallback,
    options: { signal?: AbortSignal } = {},
  ): Promise<ZerothOrderFeatures> {
    if (typeof loss !== 'function') {
      throw new CoresetError('INVALID_ARGUMENT', 'loss must be a function', { argument: 'loss' });
    }
    const z = this.#nextDirections();
    const k = this.directions;
    const d = this.dim;
    const eps = this.epsilon;
    const shape = this.parameter.shape;
    const saved = (await this.parameter.data()).slice() as Float32Array;
    const perturbed = new Float32Array(d);
    let n = -1;
    let s = new Float64Array(0);
    const evaluate = async (sign: 1 | -1, dir: number): Promise<Float64Array> => {
      for (let j = 0; j < d; j++) perturbed[j] = saved[j] + sign * eps * z[dir * d + j];
      const t = tf.tensor(perturbed, shape, 'float32');
      this.parameter.assign(t);
      t.dispose();
      const values = await readLoss(await loss());
      if (n === -1) {
        n = values.length;
        s = new Float64Array(n * k);
      } else if (values.length !== n) {
        throw new CoresetError(
          'SHAPE_MISMATCH',
          `loss returned ${values.length} values, earlier ${n}`,
          {
            argument: 'loss',
          },
        );
      }
      return values;
    };
    try {
      for (let dir = 0; dir < k; dir++) {
        throwIfAborted(options.signal);
        const plus = await evaluate(1, dir);
        const minus = await evaluate(-1, dir);
        for (let i = 0; i < n; i++) s[i * k + dir] = (plus[i] - minus[i]) / (2 * eps);
      }
    } finally {
      const t = tf.tensor(saved, shape, 'float32');
      this.parameter.assign(t);
      t.dispose();
    }
    const bad: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let dir = 0; dir < k; dir++) {
        if (!Number.isFinite(s[i * k + dir])) {
          if (this.nonFinite === 'throw') {
            throw new CoresetError('NON_FINITE', `example ${i} has a non-finite loss difference`, {
              argument: 'loss',
            });
          }
          s[i * k + dir] = Number.NaN;
          if (bad[bad.length - 1] !== i) bad.push(i);
        }
      }
    }
    this.#calls++;
    return new ZerothOrderFeatures(s, z, n, d, k, Int32Array.from(bad));
  }

  #nextDirections(): Float32Array {
    if (this.direction === 'fixed' && this.#fixed !== undefined) return this.#fixed;
    const z = new Float32Array(this.directions * this.dim);
    if (this.distribution === 'gaussian') {
      for (let j = 0; j < z.length; j++) z[j] = this.#rng.normal();
    } else {
      for (let j = 0; j < z.length; j++) z[j] = this.#rng.uniform() < 0.5 ? 1 : -1;
    }
    if (this.direction === 'fixed') this.#fixed = z;
    return z;
  }
}

/**
 * The result of one estimate: `s` (n × K, float64, row-major) and `z` (K × D, float32). The
 * feature matrix X = S Zᵀ / K is only built on request (`row`, `rows`, `toMatrix`).
 */
export class ZerothOrderFeatures {
  readonly s: Float64Array;
  readonly z: Float32Array;
  readonly numExamples: number;
  readonly dim: number;
  readonly directions: number;
  /** Examples whose s is NaN (only with `nonFinite: 'keep'`), ascending. */
  readonly nonFinite: Int32Array;

  constructor(
    s: Float64Array,
    z: Float32Array,
    n: number,
    dim: number,
    directions: number,
    nonFinite: Int32Array,
  ) {
    this.s = s;
    this.z = z;
    this.numExamples = n;
    this.dim = dim;
    this.directions = directions;
    this.nonFinite = nonFinite;
  }

  /** x_i = (1/K) Σ_k s_ik z_k, into `out` (length D) or a new array. */
  row(i: number, out: Float64Array = new Float64Array(this.dim)): Float64Array {
    if (!Number.isInteger(i) || i < 0 || i >= this.numExamples) {
      throw new CoresetError('OUT_OF_RANGE', `row ${i} is outside [0, ${this.numExamples})`, {
        argument: 'i',
      });
    }
    if (out.length !== this.dim) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `out has ${out.length} values, expected ${this.dim}`,
        {
          argument: 'out',
        },
      );
    }
    const k = this.directions;
    const d = this.dim;
    out.fill(0);
    for (let dir = 0; dir < k; dir++) {
      const sv = this.s[i * k + dir] / k;
      for (let j = 0; j < d; j++) out[j] += sv * this.z[dir * d + j];
    }
    return out;
  }

  /** The feature rows of `indices` (default all), in that order, as a float64 matrix. */
  toMatrix(indices?: ArrayLike<number>): Matrix<Float64Array> {
    const idx = indices ?? Int32Array.from({ length: this.numExamples }, (_, i) => i);
    const data = new Float64Array(idx.length * this.dim);
    for (let r = 0; r < idx.length; r++)
      this.row(idx[r], data.subarray(r * this.dim, (r + 1) * this.dim));
    return { rows: idx.length, cols: this.dim, data };
  }
}

/** One-shot convenience: a fresh estimator, one estimate. */
export async function zerothOrderFeatures(
  parameter: tf.Variable,
  loss: ExampleLossCallback,
  options: ZerothOrderOptions,
): Promise<ZerothOrderFeatures> {
  return new ZerothOrderEstimator(parameter, options).estimate(loss);
}

async function readLoss(value: tf.Tensor | ArrayLike<number>): Promise<Float64Array> {
  if (value instanceof tf.Tensor) {
    try {
      if (value.rank !== 1) {
        throw new CoresetError(
          'SHAPE_MISMATCH',
          `loss must return a rank-1 tensor, got rank ${value.rank}`,
          {
            argument: 'loss',
          },
        );
      }
      return Float64Array.from(await value.data());
    } finally {
      value.dispose();
    }
  }
  if (value === null || typeof value !== 'object' || typeof value.length !== 'number') {
    throw new CoresetError('INVALID_ARGUMENT', 'loss must return a tensor or an array of numbers', {
      argument: 'loss',
    });
  }
  return Float64Array.from(value);
}
