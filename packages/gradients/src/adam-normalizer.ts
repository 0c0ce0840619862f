import { CoresetError, assertMatrix, validateOptions } from '@coresets/core';
import type { Matrix, OptionsSchema } from '@coresets/core';

export interface AdamNormalizerOptions {
  readonly beta1?: number;
  readonly beta2?: number;
  /** εa, added to √v̂ (not inside the square root), as in Adam. */
  readonly epsilon?: number;
}

export const DEFAULT_ADAM_NORMALIZER_OPTIONS = {
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
} as const satisfies AdamNormalizerOptions;

/** Plain-JSON state; numbers survive `JSON.stringify`/`parse` exactly (shortest round-trip form). */
export interface AdamNormalizerState {
  readonly version: 1;
  readonly dim: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly step: number;
  readonly m: readonly number[];
  readonly v: readonly number[];
}

const SCHEMA: OptionsSchema = {
  beta1: {
    type: 'number',
    description: 'first-moment decay',
    min: 0,
    max: 1,
    exclusiveMax: true,
    default: 0.9,
  },
  beta2: {
    type: 'number',
    description: 'second-moment decay',
    min: 0,
    max: 1,
    exclusiveMax: true,
    default: 0.999,
  },
  epsilon: {
    type: 'number',
    description: 'added to √v̂',
    min: 0,
    exclusiveMin: true,
    default: 1e-8,
  },
};

/**
 * CoLM's Adam-style feature normaliser (colm.md §2 steps 3 and 6). Holds running moments
 * mPrev, vPrev ∈ ℝ^D (start at 0) and the step counter t (starts at 0). Per optimizer step:
 *
 * 1. `transform(X)` — for every row x: m = β1·mPrev + (1−β1)·x, v = β2·vPrev + (1−β2)·x²,
 *    u = (m / (1 − β1^(t+1))) / (√(v / (1 − β2^(t+1))) + εa). The state is not touched, so the
 *    transform comes *before* the update. At t = 0 with zero moments u = x / (|x| + εa) bit for
 *    bit: sign(x) up to εa/|x|, exactly ±1 once εa < ulp(|x|)/2, exactly 0 where x = 0.
 * 2. select rows using u;
 * 3. `update(X, picked)` — mPrev, vPrev ← the mean of the picked rows' m and v, and t ← t + 1; or
 *    `advance()` on a step where nothing was selected by features (moments kept, t ← t + 1).
 *
 * All arithmetic in float64.
 */
export class AdamNormalizer {
  readonly dim: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  #step = 0;
  readonly #m: Float64Array;
  readonly #v: Float64Array;

  constructor(dim: number, options: AdamNormalizerOptions = {}) {
    if (!Number.isInteger(dim) || dim < 1) {
      throw new CoresetError('OUT_OF_RANGE', `dim must be a positive integer, got ${dim}`, {
        argument: 'dim',
      });
    }
    const opts = validateOptions<Required<AdamNormalizerOptions>>(
      SCHEMA,
      options,
      'AdamNormalizer',
    );
    this.dim = dim;
    this.beta1 = opts.beta1;
    this.beta2 = opts.beta2;
    this.epsilon = opts.epsilon;
    this.#m = new Float64Array(dim);
    this.#v = new Float64Array(dim);
  }

  /** Number of completed steps (t). */
  get step(): number {
    return this.#step;
  }

  /** Copy of the first moment mPrev. */
  get m(): Float64Array {
    return this.#m.slice();
  }

  /** Copy of the second moment vPrev. */
  get v(): Float64Array {
    return this.#v.slice();
  }

  /** Normalised features u (n × D, float64) for the current step; does not change the state. */
  transform(x: Matrix): Matrix<Float64Array> {
    assertMatrix(x, 'x', { cols: this.dim });
    const d = this.dim;
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    const c1 = 1 - b1 ** (this.#step + 1);
    const c2 = 1 - b2 ** (this.#step + 1);
    // m̂ = (β1·mPrev + (1−β1)·x) / c1 written as (β1/c1)·mPrev + ((1−β1)/c1)·x: at t = 0 the
    // second coefficient is a/a = 1 exactly, so m̂ = x and √v̂ = √fl(x²) = |x| bit for bit, and
    // u = x / (|x| + εa) exactly: never above 1 in magnitude, and ±1 once εa < ulp(|x|)/2.
    const mPrevCoef = b1 / c1;
    const xCoef = (1 - b1) / c1;
    const vPrevCoef = b2 / c2;
    const x2Coef = (1 - b2) / c2;
    const out = new Float64Array(x.rows * d);
    for (let i = 0; i < x.rows; i++) {
      for (let j = 0; j < d; j++) {
        const xv = x.data[i * d + j];
        const mHat = mPrevCoef * this.#m[j] + xCoef * xv;
        const vHat = vPrevCoef * this.#v[j] + x2Coef * (xv * xv);
        out[i * d + j] = mHat / (Math.sqrt(vHat) + eps);
      }
    }
    return { rows: x.rows, cols: d, data: out };
  }

  /**
   * mPrev ← mean over `rows` of (β1·mPrev + (1−β1)·x_i), vPrev likewise with x_i², then t ← t + 1.
   * `rows` defaults to every row; it must not be empty (use `advance()` for a step without picks).
   */
  update(x: Matrix, rows?: ArrayLike<number>): void {
    assertMatrix(x, 'x', { cols: this.dim });
    const picked = rows ?? Int32Array.from({ length: x.rows }, (_, i) => i);
    if (picked.length === 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        'update needs at least one row; call advance() instead',
        {
          argument: 'rows',
        },
      );
    }
    for (let k = 0; k < picked.length; k++) {
      const i = picked[k];
      if (!Number.isInteger(i) || i < 0 || i >= x.rows) {
        throw new CoresetError('OUT_OF_RANGE', `rows[${k}] = ${i} is outside [0, ${x.rows})`, {
          argument: 'rows',
        });
      }
    }
    const d = this.dim;
    const { beta1: b1, beta2: b2 } = this;
    const sm = new Float64Array(d);
    const sv = new Float64Array(d);
    for (let k = 0; k < picked.length; k++) {
      const base = picked[k] * d;
      for (let j = 0; j < d; j++) {
        const xv = x.data[base + j];
        sm[j] += b1 * this.#m[j] + (1 - b1) * xv;
        sv[j] += b2 * this.#v[j] + (1 - b2) * xv * xv;
      }
    }
    for (let j = 0; j < d; j++) {
      this.#m[j] = sm[j] / picked.length;
      this.#v[j] = sv[j] / picked.length;
    }
    this.#step++;
  }

  /** t ← t + 1 without touching the moments (a step whose selection used no features). */
  advance(): void {
    this.#step++;
  }

  toJSON(): AdamNormalizerState {
    return {
      version: 1,
      dim: this.dim,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      step: this.#step,
      m: Array.from(this.#m),
      v: Array.from(this.#v),
    };
  }

  /** Restores a normaliser from `toJSON()` output (parsed or not), validating every field. */
  static fromJSON(state: unknown): AdamNormalizer {
    const s = (typeof state === 'string' ? parseJson(state) : state) as Record<
      string,
      unknown
    > | null;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      throw new CoresetError('PARSE_ERROR', 'Adam normaliser state must be an object', {
        argument: 'state',
      });
    }
    const known = new Set(['version', 'dim', 'beta1', 'beta2', 'epsilon', 'step', 'm', 'v']);
    for (const key of Object.keys(s)) {
      if (!known.has(key)) {
        throw new CoresetError('PARSE_ERROR', `unknown field "${key}" in Adam normaliser state`, {
          argument: `state.${key}`,
        });
      }
    }
    if (s.version !== 1) {
      throw new CoresetError(
        'UNSUPPORTED_FORMAT',
        `Adam normaliser state version ${String(s.version)} is not 1`,
        {
          argument: 'state.version',
        },
      );
    }
    const dim = s.dim;
    if (typeof dim !== 'number' || !Number.isInteger(dim) || dim < 1) {
      throw new CoresetError('PARSE_ERROR', 'state.dim must be a positive integer', {
        argument: 'state.dim',
      });
    }
    const step = s.step;
    if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
      throw new CoresetError('PARSE_ERROR', 'state.step must be a non-negative integer', {
        argument: 'state.step',
      });
    }
    const options: Record<string, unknown> = { beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon };
    for (const key of ['beta1', 'beta2', 'epsilon'] as const) {
      if (typeof options[key] !== 'number') {
        throw new CoresetError('PARSE_ERROR', `state.${key} must be a number`, {
          argument: `state.${key}`,
        });
      }
    }
    const out = new AdamNormalizer(dim, options);
    readMoment(s.m, dim, 'state.m', out.#m, false);
    readMoment(s.v, dim, 'state.v', out.#v, true);
    out.#step = step;
    return out;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CoresetError('PARSE_ERROR', 'Adam normaliser state is not valid JSON', {
      argument: 'state',
      cause,
    });
  }
}

function readMoment(
  value: unknown,
  dim: number,
  argument: string,
  into: Float64Array,
  nonNegative: boolean,
): void {
  if (!Array.isArray(value) || value.length !== dim) {
    throw new CoresetError('PARSE_ERROR', `${argument} must be an array of ${dim} numbers`, {
      argument,
    });
  }
  for (let j = 0; j < dim; j++) {
    const x: unknown = value[j];
    if (typeof x !== 'number' || !Number.isFinite(x) || (nonNegative && x < 0)) {
      throw new CoresetError(
        'PARSE_ERROR',
        `${argument}[${j}] must be a finite${nonNegative ? ' non-negative' : ''} number`,
        { argument },
      );
    }
    into[j] = x;
  }
}
