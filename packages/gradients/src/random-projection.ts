import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, assertMatrix, throwIfAborted, validateOptions } from '@coresets/core';
import type { LongRunningOptions, Matrix, OptionsSchema, Rng } from '@coresets/core';
import { LONG_RUNNING_SCHEMA, assertLongRunning, resolveRng } from './internal/validate.js';

/**
 * - `gaussian`: entries N(0, 1/k).
 * - `rademacher`: entries ±1/√k with probability ½ each.
 * - `sparse` (Achlioptas 2003, generalised by Li et al. 2006): entries √(s/k)·{+1, 0, −1} with
 *   probabilities 1/(2s), 1 − 1/s, 1/(2s); s = 3 is Achlioptas' choice, s = √d "very sparse".
 *
 * Every kind has E[P_ij] = 0 and E[P_ij²] = 1/k with independent entries, so
 * E‖Px‖² = Σ_i Σ_j x_j² E[P_ij²] = ‖x‖² for every x (Johnson–Lindenstrauss scaling).
 */
export type ProjectionKind = 'gaussian' | 'rademacher' | 'sparse';

export interface RandomProjectionOptions {
  /** d: length of the vectors to project (e.g. the gradient dimension). */
  readonly inputDim: number;
  /** k: length of the projected vectors. */
  readonly outputDim: number;
  readonly kind?: ProjectionKind;
  /** s ≥ 1 for `sparse`: one entry in s is non-zero on average. */
  readonly sparsity?: number;
  /** Seed or generator; an `Rng` is advanced by d·k draws. */
  readonly rng: Rng | number;
}

export const DEFAULT_RANDOM_PROJECTION_OPTIONS = {
  kind: 'gaussian',
  sparsity: 3,
} as const satisfies Partial<RandomProjectionOptions>;

export interface ProjectOptions extends LongRunningOptions {
  /** Rows per unit of work between progress reports and abort checks. */
  readonly chunkRows?: number;
}

export const DEFAULT_PROJECT_OPTIONS = { chunkRows: 256 } as const satisfies ProjectOptions;

/** 2^28 float32 entries = 1 GiB: beyond that a dense projection matrix is a mistake, not a plan. */
const MAX_DENSE_ENTRIES = 2 ** 28;

const CREATE_SCHEMA: OptionsSchema = {
  inputDim: { type: 'integer', description: 'input dimension d', min: 1, required: true },
  outputDim: { type: 'integer', description: 'output dimension k', min: 1, required: true },
  kind: {
    type: 'string',
    description: 'entry distribution',
    values: ['gaussian', 'rademacher', 'sparse'],
    default: 'gaussian',
  },
  sparsity: {
    type: 'number',
    description: 'sparse: 1/s of entries are non-zero',
    min: 1,
    default: 3,
  },
  rng: { type: 'any', description: 'seed or Rng', required: true },
};

const PROJECT_SCHEMA: OptionsSchema = {
  chunkRows: { type: 'integer', description: 'rows per chunk', min: 1, default: 256 },
  ...LONG_RUNNING_SCHEMA,
};

/**
 * A seeded k × d random matrix P; `project` maps each row x of a matrix to Px (float64
 * accumulation). Dense kinds store d·k float32 values (Gaussian) or signs; `sparse` stores only
 * its non-zeros.
 */
export class RandomProjection {
  readonly inputDim: number;
  readonly outputDim: number;
  readonly kind: ProjectionKind;
  readonly sparsity: number;
  /** The factor every stored value is multiplied by. */
  readonly scale: number;
  /** Unscaled entries, k × d row-major (dense kinds). */
  readonly #dense: Float32Array | undefined;
  /** Non-zeros of each output row (sparse kind): CSR over output rows, values ±1. */
  readonly #indptr: Int32Array | undefined;
  readonly #indices: Int32Array | undefined;
  readonly #signs: Int8Array | undefined;

  private constructor(
    opts: Required<Omit<RandomProjectionOptions, 'rng'>>,
    storage: { dense?: Float32Array; indptr?: Int32Array; indices?: Int32Array; signs?: Int8Array },
  ) {
    this.inputDim = opts.inputDim;
    this.outputDim = opts.outputDim;
    this.kind = opts.kind;
    this.sparsity = opts.sparsity;
    this.scale =
      opts.kind === 'sparse'
        ? Math.sqrt(opts.sparsity / opts.outputDim)
        : 1 / Math.sqrt(opts.outputDim);
    this.#dense = storage.dense;
    this.#indptr = storage.indptr;
    this.#indices = storage.indices;
    this.#signs = storage.signs;
  }

  static create(options: RandomProjectionOptions): RandomProjection {
    const opts = validateOptions<Required<RandomProjectionOptions>>(
      CREATE_SCHEMA,
      options,
      'RandomProjection',
    );
    const rng = resolveRng(opts.rng);
    const { inputDim: d, outputDim: k } = opts;
    if (opts.kind !== 'sparse' && options.sparsity !== undefined) {
      throw new CoresetError('INVALID_ARGUMENT', `sparsity only applies to kind 'sparse'`, {
        argument: 'sparsity',
      });
    }
    if (opts.kind !== 'sparse' && k * d > MAX_DENSE_ENTRIES) {
      throw new CoresetError(
        'INFEASIBLE',
        `a dense ${k} × ${d} projection needs ${k * d} stored entries (limit ${MAX_DENSE_ENTRIES}); use kind 'sparse'`,
        { argument: 'outputDim' },
      );
    }
    if (opts.kind === 'gaussian') {
      const dense = new Float32Array(k * d);
      for (let q = 0; q < dense.length; q++) dense[q] = rng.normal();
      return new RandomProjection(opts, { dense });
    }
    if (opts.kind === 'rademacher') {
      const dense = new Float32Array(k * d);
      for (let q = 0; q < dense.length; q++) dense[q] = rng.uniform() < 0.5 ? 1 : -1;
      return new RandomProjection(opts, { dense });
    }
    const half = 1 / (2 * opts.sparsity);
    const indptr = new Int32Array(k + 1);
    const indices: number[] = [];
    const signs: number[] = [];
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < d; j++) {
        const u = rng.uniform();
        if (u < 2 * half) {
          indices.push(j);
          signs.push(u < half ? 1 : -1);
        }
      }
      indptr[i + 1] = indices.length;
    }
    return new RandomProjection(opts, {
      indptr,
      indices: Int32Array.from(indices),
      signs: Int8Array.from(signs),
    });
  }

  /** P x for one vector of length d, into `out` (length k) or a new array. */
  projectRow(
    x: ArrayLike<number>,
    out: Float64Array = new Float64Array(this.outputDim),
  ): Float64Array {
    if (x.length !== this.inputDim) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `x has ${x.length} values, the projection expects ${this.inputDim}`,
        {
          argument: 'x',
        },
      );
    }
    if (out.length !== this.outputDim) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `out has ${out.length} values, expected ${this.outputDim}`,
        {
          argument: 'out',
        },
      );
    }
    this.#projectInto(x, 0, out, 0);
    return out;
  }

  /** X Pᵀ: every row projected, as a new n × k float64 matrix. */
  project(x: Matrix, options: ProjectOptions = {}): Matrix<Float64Array> {
    const opts = validateOptions<Required<Pick<ProjectOptions, 'chunkRows'>> & ProjectOptions>(
      PROJECT_SCHEMA,
      options,
      'project',
    );
    assertLongRunning(opts);
    assertMatrix(x, 'x', { cols: this.inputDim });
    const k = this.outputDim;
    const out = new Float64Array(x.rows * k);
    for (let start = 0; start < x.rows; start += opts.chunkRows) {
      throwIfAborted(opts.signal);
      const end = Math.min(x.rows, start + opts.chunkRows);
      for (let r = start; r < end; r++) this.#projectInto(x.data, r * this.inputDim, out, r * k);
      opts.onProgress?.({ phase: 'random-projection', completed: end, total: x.rows });
    }
    return { rows: x.rows, cols: k, data: out };
  }

  /** The scaled k × d matrix P (float64), e.g. for inspection or a custom kernel. */
  toMatrix(): Matrix<Float64Array> {
    const d = this.inputDim;
    const k = this.outputDim;
    const data = new Float64Array(k * d);
    if (this.#dense !== undefined) {
      for (let q = 0; q < data.length; q++) data[q] = this.#dense[q] * this.scale;
    } else {
      const indptr = this.#indptr!;
      const indices = this.#indices!;
      const signs = this.#signs!;
      for (let i = 0; i < k; i++) {
        for (let p = indptr[i]; p < indptr[i + 1]; p++)
          data[i * d + indices[p]] = signs[p] * this.scale;
      }
    }
    return { rows: k, cols: d, data };
  }

  /** Pᵀ as a float32 d × k tensor, so that `tf.matMul(X, P.toTensor())` projects rows on a backend. */
  toTensor(): tf.Tensor2D {
    const m = this.toMatrix();
    const t = new Float32Array(this.inputDim * this.outputDim);
    for (let i = 0; i < this.outputDim; i++) {
      for (let j = 0; j < this.inputDim; j++)
        t[j * this.outputDim + i] = m.data[i * this.inputDim + j];
    }
    return tf.tensor2d(t, [this.inputDim, this.outputDim], 'float32');
  }

  #projectInto(x: ArrayLike<number>, xOffset: number, out: Float64Array, outOffset: number): void {
    const d = this.inputDim;
    const k = this.outputDim;
    if (this.#dense !== undefined) {
      const p = this.#dense;
      for (let i = 0; i < k; i++) {
        let s = 0;
        const base = i * d;
        for (let j = 0; j < d; j++) s += p[base + j] * x[xOffset + j];
        out[outOffset + i] = s * this.scale;
      }
      return;
    }
    const indptr = this.#indptr!;
    const indices = this.#indices!;
    const signs = this.#signs!;
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let p = indptr[i]; p < indptr[i + 1]; p++) s += signs[p] * x[xOffset + indices[p]];
      out[outOffset + i] = s * this.scale;
    }
  }
}
