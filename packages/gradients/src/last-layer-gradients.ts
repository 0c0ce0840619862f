import { CoresetError, assertMatrix, throwIfAborted, validateOptions } from '@coresets/core';
import type { LongRunningOptions, Matrix, MatrixDtype, OptionsSchema } from '@coresets/core';
import { LONG_RUNNING_SCHEMA, assertLongRunning } from './internal/validate.js';
import { softmaxResiduals } from './softmax-residuals.js';
import type { ClassifierOutputs } from './softmax-residuals.js';

/** Input of the closed-form last-layer gradient: the last layer's input and the classifier outputs. */
export type LastLayerInput = ClassifierOutputs & {
  /** n × E: the input of the last dense layer (penultimate activations). */
  readonly embeddings: Matrix;
};

export interface LastLayerGradientOptions extends LongRunningOptions {
  /** Append the bias gradient (C values) after the weight gradient. */
  readonly bias?: boolean;
  /** Storage of the returned matrix; values are computed in float64 either way. */
  readonly dtype?: MatrixDtype;
  /** Rows per unit of work between progress reports and abort checks. */
  readonly chunkRows?: number;
}

export const DEFAULT_LAST_LAYER_GRADIENT_OPTIONS = {
  bias: true,
  dtype: 'float64',
  chunkRows: 1024,
} as const satisfies LastLayerGradientOptions;

const SCHEMA: OptionsSchema = {
  bias: { type: 'boolean', description: 'append the bias gradient', default: true },
  dtype: {
    type: 'string',
    description: 'output storage',
    values: ['float32', 'float64'],
    default: 'float64',
  },
  chunkRows: { type: 'integer', description: 'rows per chunk', min: 1, default: 1024 },
  ...LONG_RUNNING_SCHEMA,
};

/**
 * Per-example gradient of the softmax cross-entropy L_i = −log softmax(h_i W + b)_{y_i} with
 * respect to the last dense layer (kernel W of shape E × C, bias b of length C), in closed form:
 * with r_i = p_i − onehot(y_i), ∂L_i/∂W = h_i ⊗ r_i and ∂L_i/∂b = r_i.
 *
 * Row layout (C·(E+1) columns with bias, C·E without): first the kernel gradient flattened
 * row-major as the E × C kernel of a tfjs dense layer, element (e, c) at column e·C + c, then the
 * bias gradient, class c at column E·C + c. This is the same order as `perExampleGradients` with
 * params `[kernel, bias]`, so the two can be compared column by column.
 */
export function lastLayerGradients(
  input: LastLayerInput,
  options: LastLayerGradientOptions = {},
): Matrix {
  const opts = validateOptions<
    Required<Omit<LastLayerGradientOptions, keyof LongRunningOptions>> & LongRunningOptions
  >(SCHEMA, options, 'lastLayerGradients');
  assertLongRunning(opts);
  const { embeddings, residuals } = prepareLastLayer(input);
  const n = embeddings.rows;
  const e = embeddings.cols;
  const c = residuals.cols;
  const width = c * e + (opts.bias ? c : 0);
  const data = opts.dtype === 'float32' ? new Float32Array(n * width) : new Float64Array(n * width);
  const h = embeddings.data;
  const r = residuals.data;
  for (let start = 0; start < n; start += opts.chunkRows) {
    throwIfAborted(opts.signal);
    const end = Math.min(n, start + opts.chunkRows);
    for (let i = start; i < end; i++) {
      const rowBase = i * width;
      for (let a = 0; a < e; a++) {
        const ha = h[i * e + a];
        const base = rowBase + a * c;
        for (let k = 0; k < c; k++) data[base + k] = ha * r[i * c + k];
      }
      if (opts.bias) for (let k = 0; k < c; k++) data[rowBase + e * c + k] = r[i * c + k];
    }
    opts.onProgress?.({ phase: 'last-layer-gradients', completed: end, total: n });
  }
  return { rows: n, cols: width, data };
}

/** Validates the pieces shared by the closed-form functions and computes p − onehot(y). */
export function prepareLastLayer(input: LastLayerInput): {
  embeddings: Matrix;
  residuals: Matrix<Float64Array>;
} {
  if (typeof input !== 'object' || input === null) {
    throw new CoresetError('INVALID_ARGUMENT', 'input must be an object', { argument: 'input' });
  }
  const { embeddings } = input;
  if (embeddings === undefined) {
    throw new CoresetError('MISSING_OPTION', 'embeddings is required', { argument: 'embeddings' });
  }
  assertMatrix(embeddings, 'embeddings');
  const residuals = softmaxResiduals(input);
  if (residuals.rows !== embeddings.rows) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `embeddings has ${embeddings.rows} rows but the classifier outputs have ${residuals.rows}`,
      { argument: 'embeddings' },
    );
  }
  return { embeddings, residuals };
}
