import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, throwIfAborted, validateOptions } from '@coresets/core';
import type { LongRunningOptions, Matrix, MatrixDtype, OptionsSchema } from '@coresets/core';
import { LONG_RUNNING_SCHEMA, assertLongRunning } from './internal/validate.js';
import { RandomProjection } from './random-projection.js';

/**
 * A dense layer `input · kernel + bias` (kernel in × out, bias of length out). `input` has the
 * examples on axis 0 and the features on its last axis; any axes in between (tokens, positions)
 * are summed over in the gradient, as a shared dense layer does.
 */
export type DenseFn = (input: tf.Tensor, kernel: tf.Tensor, bias?: tf.Tensor) => tf.Tensor;

/**
 * Per-example losses of examples `start … start + count − 1`, as a tensor of shape [count].
 * Route every use of a chosen parameter through `dense` (the batched method needs the layer's
 * input and output gradient; the loop method ignores the difference). Each L_i must depend on
 * example i only: no batch statistics, no loss averaged over the chunk.
 */
export type PerExampleLossFn = (start: number, count: number, dense: DenseFn) => tf.Tensor;

export interface PerExampleGradientsInput {
  readonly numExamples: number;
  /** Parameters to differentiate, in output order. Loop mode needs them trainable. */
  readonly params: readonly tf.Variable[];
  readonly loss: PerExampleLossFn;
}

export type GradientMethod = 'auto' | 'batched' | 'loop';

export interface PerExampleGradientsOptions extends LongRunningOptions {
  /**
   * `batched`: one forward/backward pass per chunk; each dense parameter's per-example gradient
   * comes from the outer product of the layer's input and its output gradient. Needs every
   * chosen parameter to be a kernel or bias passed to `dense`. `loop`: one `tf.variableGrads` per
   * example (any layer type). `auto`: batched when every parameter is reached through `dense`
   * on the first chunk, else loop.
   */
  readonly method?: GradientMethod;
  /** Examples per chunk. Mutually exclusive with `maxChunkBytes`. */
  readonly chunkSize?: number | undefined;
  /**
   * Bound on the per-chunk gradient buffers, from which the chunk size is derived: a chunk of
   * c examples holds about 3 · 4 · D · c bytes of gradients (per-parameter pieces, their
   * concatenation, the read-back copy). The model's own activations come on top.
   */
  readonly maxChunkBytes?: number | undefined;
  /** Storage of the returned matrix (tfjs computes in float32). */
  readonly dtype?: MatrixDtype;
  /** Projects each chunk as it is produced, so only n × k values are ever stored. */
  readonly projection?: RandomProjection | undefined;
  /**
   * Batched method only: on the first chunk, compare the column sums of the per-example rows with
   * the ordinary full-batch gradient (one extra backward pass). A mismatch means a parameter is
   * also used outside `dense`; `auto` then switches to the loop, `batched` throws.
   */
  readonly verify?: boolean;
}

export const DEFAULT_PER_EXAMPLE_GRADIENTS_OPTIONS = {
  method: 'auto',
  maxChunkBytes: 64 * 1024 * 1024,
  dtype: 'float32',
  verify: true,
} as const satisfies PerExampleGradientsOptions;

const SCHEMA: OptionsSchema = {
  method: {
    type: 'string',
    description: 'gradient method',
    values: ['auto', 'batched', 'loop'],
    default: 'auto',
  },
  chunkSize: { type: 'integer', description: 'examples per chunk', min: 1 },
  maxChunkBytes: { type: 'integer', description: 'bound on per-chunk gradient bytes', min: 1 },
  dtype: {
    type: 'string',
    description: 'output storage',
    values: ['float32', 'float64'],
    default: 'float32',
  },
  projection: { type: 'any', description: 'random projection applied per chunk' },
  verify: {
    type: 'boolean',
    description: 'check the first batched chunk against the full gradient',
    default: true,
  },
  ...LONG_RUNNING_SCHEMA,
};

/** Where one parameter's gradient sits in a gradient row. */
export interface GradientSlice {
  readonly name: string;
  readonly shape: readonly number[];
  readonly offset: number;
  readonly size: number;
}

export interface GradientChunkInfo {
  /** The method actually used (`auto` resolved). */
  readonly method: 'batched' | 'loop';
  /** Column layout of an unprojected gradient row: parameters in the given order, each flattened row-major. */
  readonly layout: readonly GradientSlice[];
  readonly dim: number;
  readonly chunkSize: number;
}

export interface PerExampleGradientsResult extends GradientChunkInfo {
  /** n × D (or n × k with a projection). */
  readonly gradients: Matrix;
}

type ResolvedOptions = Required<Pick<PerExampleGradientsOptions, 'method' | 'dtype' | 'verify'>> &
  PerExampleGradientsOptions & { maxChunkBytes?: number };

/**
 * Exact per-example gradients of `Σ_i L_i` with respect to `params`, one row per example, computed
 * chunk by chunk. Row layout: the parameters in the given order, each flattened row-major
 * (a dense kernel in × out at offset + a·out + b), described by `layout`.
 */
export async function perExampleGradients(
  input: PerExampleGradientsInput,
  options: PerExampleGradientsOptions = {},
): Promise<PerExampleGradientsResult> {
  const opts = resolveOptions(options);
  const n = input.numExamples;
  let out: Matrix | undefined;
  const info = await forEachGradientChunk(input, opts, (start, chunk) => {
    out ??= {
      rows: n,
      cols: chunk.cols,
      data:
        opts.dtype === 'float32'
          ? new Float32Array(n * chunk.cols)
          : new Float64Array(n * chunk.cols),
    };
    out.data.set(chunk.data, start * chunk.cols);
  });
  const cols = opts.projection?.outputDim ?? info.dim;
  out ??= {
    rows: 0,
    cols,
    data: opts.dtype === 'float32' ? new Float32Array(0) : new Float64Array(0),
  };
  return { ...info, gradients: out };
}

/**
 * Streaming form of `perExampleGradients`: calls `onChunk(start, rows)` with each chunk's
 * gradient rows (float32, or float64 when projected) and never holds more than one chunk.
 */
export async function forEachPerExampleGradientChunk(
  input: PerExampleGradientsInput,
  options: PerExampleGradientsOptions,
  onChunk: (start: number, rows: Matrix) => void | Promise<void>,
): Promise<GradientChunkInfo> {
  if (typeof onChunk !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'onChunk must be a function', {
      argument: 'onChunk',
    });
  }
  return forEachGradientChunk(input, resolveOptions(options), onChunk);
}

function resolveOptions(options: PerExampleGradientsOptions): ResolvedOptions {
  const opts = validateOptions<ResolvedOptions>(SCHEMA, options, 'perExampleGradients');
  assertLongRunning(opts);
  if (opts.chunkSize !== undefined && opts.maxChunkBytes !== undefined) {
    throw new CoresetError('INVALID_ARGUMENT', 'give chunkSize or maxChunkBytes, not both', {
      argument: 'maxChunkBytes',
    });
  }
  if (opts.projection !== undefined && !(opts.projection instanceof RandomProjection)) {
    throw new CoresetError('INVALID_ARGUMENT', 'projection must be a RandomProjection', {
      argument: 'projection',
    });
  }
  return opts;
}

function validateInput(input: PerExampleGradientsInput): GradientSlice[] {
  if (typeof input !== 'object' || input === null) {
    throw new CoresetError('INVALID_ARGUMENT', 'input must be an object', { argument: 'input' });
  }
  const { numExamples, params, loss } = input;
  if (!Number.isInteger(numExamples) || numExamples < 0) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `numExamples must be a non-negative integer, got ${numExamples}`,
      {
        argument: 'numExamples',
      },
    );
  }
  if (typeof loss !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'loss must be a function', { argument: 'loss' });
  }
  if (!Array.isArray(params) || params.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'params must be a non-empty array of tf.Variable', {
      argument: 'params',
    });
  }
  const layout: GradientSlice[] = [];
  const seen = new Set<tf.Variable>();
  let offset = 0;
  for (const [k, p] of params.entries()) {
    if (!isVariable(p)) {
      throw new CoresetError('INVALID_ARGUMENT', `params[${k}] is not a tf.Variable`, {
        argument: 'params',
      });
    }
    if (p.dtype !== 'float32') {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `params[${k}] (${p.name}) has dtype ${p.dtype}, not float32`,
        {
          argument: 'params',
        },
      );
    }
    if (seen.has(p)) {
      throw new CoresetError('INVALID_ARGUMENT', `params[${k}] (${p.name}) is listed twice`, {
        argument: 'params',
      });
    }
    seen.add(p);
    layout.push({ name: p.name, shape: [...p.shape], offset, size: p.size });
    offset += p.size;
  }
  return layout;
}

/** Thrown inside the batched pass when a parameter is not reached through `dense`. */
class NotTappedError extends Error {}

async function forEachGradientChunk(
  input: PerExampleGradientsInput,
  opts: ResolvedOptions,
  onChunk: (start: number, rows: Matrix) => void | Promise<void>,
): Promise<GradientChunkInfo> {
  const layout = validateInput(input);
  assertGradientsRegistered();
  const n = input.numExamples;
  const dim = layout.reduce((s, l) => s + l.size, 0);
  const projection = opts.projection;
  if (projection !== undefined && projection.inputDim !== dim) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `projection expects ${projection.inputDim} inputs, gradients have ${dim}`,
      {
        argument: 'projection',
      },
    );
  }
  const maxBytes = opts.maxChunkBytes ?? DEFAULT_PER_EXAMPLE_GRADIENTS_OPTIONS.maxChunkBytes;
  const chunkSize = Math.max(1, Math.min(n, opts.chunkSize ?? Math.floor(maxBytes / (12 * dim))));
  let method: 'batched' | 'loop' = opts.method === 'loop' ? 'loop' : 'batched';
  for (let start = 0; start < n; start += chunkSize) {
    throwIfAborted(opts.signal);
    const count = Math.min(chunkSize, n - start);
    let rows: tf.Tensor2D;
    if (method === 'batched') {
      try {
        rows = batchedChunk(input, start, count);
      } catch (err) {
        if (!(err instanceof NotTappedError)) throw err;
        if (opts.method === 'batched' || start > 0) {
          throw new CoresetError('INVALID_ARGUMENT', `batched gradients: ${err.message}`, {
            argument: 'params',
          });
        }
        method = 'loop';
        rows = loopChunk(input, start, count);
      }
    } else {
      rows = loopChunk(input, start, count);
    }
    let values: Float32Array;
    try {
      values = (await rows.data()) as Float32Array;
    } finally {
      rows.dispose();
    }
    if (method === 'batched' && start === 0 && opts.verify) {
      const problem = await verifyAgainstFullGradient(input, count, values, dim);
      if (problem !== undefined) {
        if (opts.method === 'batched') {
          throw new CoresetError('INVALID_ARGUMENT', `batched gradients: ${problem}`, {
            argument: 'params',
          });
        }
        method = 'loop';
        const redo = loopChunk(input, start, count);
        try {
          values = (await redo.data()) as Float32Array;
        } finally {
          redo.dispose();
        }
      }
    }
    const chunk: Matrix = { rows: count, cols: dim, data: values };
    await onChunk(start, projection === undefined ? chunk : projection.project(chunk));
    opts.onProgress?.({ phase: 'per-example-gradients', completed: start + count, total: n });
  }
  return { method, layout, dim, chunkSize };
}

/**
 * tfjs-core's Node entry registers no gradient definitions (the @tensorflow/tfjs bundle and
 * tfjs-node do); fail with a clear message instead of "gradient function not found for Sum".
 */
function assertGradientsRegistered(): void {
  for (const kernel of ['BatchMatMul', 'Sum', 'Add', 'Reshape']) {
    if (tf.getGradient(kernel) === undefined) {
      throw new CoresetError(
        'BACKEND_UNAVAILABLE',
        `tfjs has no gradient registered for ${kernel}: import '@tensorflow/tfjs-core/dist/register_all_gradients' ` +
          '(or use a tfjs bundle / tfjs-node, which register them) before computing gradients',
        { argument: 'backend' },
      );
    }
  }
}

/**
 * Relative tolerance of the first-chunk check, against the largest gradient entry: float32 sums
 * in two operation orders differ by ~1e-6 relative; a parameter also used outside `dense` is
 * typically off by order 1.
 */
const VERIFY_RTOL = 1e-3;

/**
 * Checks Σ_i (batched row i) against the ordinary full-batch gradient of Σ_i L_i. They differ
 * when a parameter is also used outside `dense` (that contribution is invisible to the taps).
 * Non-trainable parameters cannot be checked (tf.variableGrads skips them) and are left out.
 * Returns a description of the mismatch, or undefined.
 */
async function verifyAgainstFullGradient(
  input: PerExampleGradientsInput,
  count: number,
  rows: Float32Array,
  dim: number,
): Promise<string | undefined> {
  const trainable = input.params.filter((p) => p.trainable);
  if (trainable.length === 0) return undefined;
  const full = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(
      () => tf.sum<tf.Scalar>(checkLossShape(input.loss(0, count, denseForward), count)),
      trainable,
    );
    value.dispose();
    return input.params.map((p) => {
      const g = grads[p.name];
      return g === undefined || g === null ? undefined : tf.reshape(g, [-1]);
    });
  });
  let offset = 0;
  let scale = 0;
  let worst = 0;
  let worstName = '';
  for (const [k, p] of input.params.entries()) {
    const g = full[k];
    if (g !== undefined) {
      const want = await g.data();
      g.dispose();
      for (let j = 0; j < p.size; j++) {
        let sum = 0;
        for (let i = 0; i < count; i++) sum += rows[i * dim + offset + j];
        scale = Math.max(scale, Math.abs(want[j]));
        const diff = Math.abs(sum - want[j]);
        if (diff > worst) {
          worst = diff;
          worstName = p.name;
        }
      }
    }
    offset += p.size;
  }
  if (worst <= VERIFY_RTOL * scale) return undefined;
  return (
    `the per-example gradients of ${worstName} do not sum to its full-batch gradient ` +
    `(difference ${worst.toExponential(2)} vs largest entry ${scale.toExponential(2)}): ` +
    'is the parameter also used outside dense()?'
  );
}

function isVariable(value: unknown): value is tf.Variable {
  return value instanceof tf.Variable;
}

function isTensor(value: unknown): value is tf.Tensor {
  return value instanceof tf.Tensor;
}

function checkLossShape(loss: unknown, count: number): tf.Tensor {
  if (!isTensor(loss)) {
    throw new CoresetError('INVALID_ARGUMENT', 'loss must return a tf.Tensor', {
      argument: 'loss',
    });
  }
  if (loss.rank !== 1 || loss.shape[0] !== count) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `loss must return shape [${count}], got [${loss.shape.join(', ')}]`,
      {
        argument: 'loss',
      },
    );
  }
  return loss;
}

function denseForward(input: tf.Tensor, kernel: tf.Tensor, bias?: tf.Tensor): tf.Tensor {
  if (kernel.rank !== 2) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `dense kernel must be rank 2, got rank ${kernel.rank}`,
      {
        argument: 'kernel',
      },
    );
  }
  const [inDim, outDim] = kernel.shape as [number, number];
  if (input.rank < 2 || input.shape[input.rank - 1] !== inDim) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `dense input [${input.shape.join(', ')}] does not end in the kernel's ${inDim} inputs`,
      { argument: 'input' },
    );
  }
  if (bias !== undefined && (bias.rank !== 1 || bias.shape[0] !== outDim)) {
    throw new CoresetError('SHAPE_MISMATCH', `dense bias must have shape [${outDim}]`, {
      argument: 'bias',
    });
  }
  const lead = input.shape.slice(0, -1);
  const flat = input.rank === 2 ? input : tf.reshape(input, [-1, inDim]);
  let z: tf.Tensor = tf.matMul(flat, kernel);
  if (bias !== undefined) z = tf.add(z, bias);
  return input.rank === 2 ? z : tf.reshape(z, [...lead, outDim]);
}

interface TapRecord {
  readonly input: tf.Tensor;
  readonly kernelIndex: number | undefined;
  readonly biasIndex: number | undefined;
  readonly outShape: readonly number[];
  dy: tf.Tensor | undefined;
}

/**
 * One backward pass for the chunk. A zero scalar "anchor" is added to every tapped layer's
 * output so that `tf.grad` with respect to it back-propagates through all of them (and only
 * along paths that matter); an identity with a custom gradient records each layer's output
 * gradient δ. Because L = Σ_i L_i and L_i depends on example i only, row i of δ is ∂L_i/∂z_i,
 * and the per-example parameter gradients are a_iᵀ δ_i (kernel) and Σ_t δ_it (bias).
 */
function batchedChunk(input: PerExampleGradientsInput, start: number, count: number): tf.Tensor2D {
  const index = new Map<tf.Tensor, number>();
  input.params.forEach((p, k) => index.set(p, k));
  const records: TapRecord[] = [];
  const anchor = tf.scalar(0);
  try {
    const grad = tf.grad((a: tf.Tensor) => {
      const dense: DenseFn = (x, kernel, bias) => {
        const kernelIndex = index.get(kernel);
        const biasIndex = bias === undefined ? undefined : index.get(bias);
        const z = denseForward(x, kernel, bias);
        if (kernelIndex === undefined && biasIndex === undefined) return z;
        if (x.shape[0] !== count) {
          throw new CoresetError(
            'SHAPE_MISMATCH',
            `dense input has ${x.shape[0]} rows on axis 0 but the chunk has ${count} examples`,
            { argument: 'loss' },
          );
        }
        const record: TapRecord = {
          input: tf.keep(tf.clone(x)),
          kernelIndex,
          biasIndex,
          outShape: z.shape,
          dy: undefined,
        };
        records.push(record);
        const capture = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
          value: tf.clone(args[0] as tf.Tensor),
          gradFunc: (dy: tf.Tensor) => {
            // A tensor reused by several layers would get one gradient per use; summing covers it.
            record.dy =
              record.dy === undefined ? tf.keep(tf.clone(dy)) : tf.keep(tf.add(record.dy, dy));
            return dy;
          },
        }));
        return capture(tf.add(z, a));
      };
      const loss = checkLossShape(input.loss(start, count, dense), count);
      const covered = new Set<number>();
      for (const r of records) {
        if (r.kernelIndex !== undefined) covered.add(r.kernelIndex);
        if (r.biasIndex !== undefined) covered.add(r.biasIndex);
      }
      const missing = input.params.filter((_, k) => !covered.has(k)).map((p) => p.name);
      if (missing.length > 0) {
        throw new NotTappedError(
          `parameters not used as a dense kernel or bias: ${missing.join(', ')}`,
        );
      }
      return tf.sum(loss);
    })(anchor);
    grad.dispose();
    return tf.tidy(() => {
      const pieces: (tf.Tensor2D | undefined)[] = input.params.map(() => undefined);
      const addPiece = (k: number, t: tf.Tensor2D) => {
        const prev = pieces[k];
        pieces[k] = prev === undefined ? t : tf.add<tf.Tensor2D>(prev, t);
      };
      for (const r of records) {
        const x = r.input;
        const inDim = x.shape[x.rank - 1];
        // A tapped layer whose output never reaches the loss has zero gradient.
        const dy = r.dy ?? tf.zeros([...r.outShape]);
        const outDim = dy.shape[dy.rank - 1];
        const a3 = tf.reshape<tf.Rank.R3>(x, [count, -1, inDim]);
        const d3 = tf.reshape<tf.Rank.R3>(dy, [count, -1, outDim]);
        if (r.kernelIndex !== undefined) {
          addPiece(
            r.kernelIndex,
            tf.reshape(tf.matMul(a3, d3, true, false), [count, inDim * outDim]),
          );
        }
        if (r.biasIndex !== undefined) addPiece(r.biasIndex, tf.sum(d3, 1));
      }
      return tf.concat<tf.Tensor2D>(pieces as tf.Tensor2D[], 1);
    });
  } finally {
    anchor.dispose();
    for (const r of records) {
      r.input.dispose();
      r.dy?.dispose();
    }
  }
}

/** One `tf.variableGrads` per example: works for any layer, costs a backward pass per example. */
function loopChunk(input: PerExampleGradientsInput, start: number, count: number): tf.Tensor2D {
  const params = input.params as tf.Variable[];
  for (const p of params) {
    if (!p.trainable) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `loop gradients need trainable variables; ${p.name} is not`,
        {
          argument: 'params',
        },
      );
    }
  }
  return tf.tidy(() => {
    const rows: tf.Tensor[] = [];
    for (let i = start; i < start + count; i++) {
      const { value, grads } = tf.variableGrads(
        () => tf.sum<tf.Scalar>(checkLossShape(input.loss(i, 1, denseForward), 1)),
        params,
      );
      value.dispose();
      rows.push(tf.concat(params.map((p) => tf.reshape(grads[p.name] ?? tf.zerosLike(p), [-1]))));
    }
    return tf.stack<tf.Tensor>(rows) as tf.Tensor2D;
  });
}
