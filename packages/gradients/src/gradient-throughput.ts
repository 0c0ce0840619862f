import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, Rng, tensorToMatrix, validateOptions } from '@coresets/core';
import type { OptionsSchema } from '@coresets/core';
import { createMlp, crossEntropy, syntheticBatch } from './internal/mlp.js';
import { lastLayerGradients } from './last-layer-gradients.js';
import { perExampleGradients } from './per-example-gradients.js';

export interface GradientThroughputOptions {
  /** `batched` / `loop`: `perExampleGradients` over every weight; `closed-form`: forward pass + `lastLayerGradients`. */
  readonly method?: 'batched' | 'loop' | 'closed-form';
  readonly inputDim?: number;
  readonly hiddenDims?: readonly number[];
  readonly numClasses?: number;
  readonly numExamples?: number;
  readonly chunkSize?: number;
  readonly seed?: number;
}

export const DEFAULT_GRADIENT_THROUGHPUT_OPTIONS = {
  method: 'batched',
  inputDim: 784,
  hiddenDims: [128],
  numClasses: 10,
  numExamples: 512,
  chunkSize: 128,
  seed: 0,
} as const satisfies GradientThroughputOptions;

export interface GradientThroughput {
  readonly method: 'batched' | 'loop' | 'closed-form';
  /** The tfjs backend that ran it. */
  readonly backend: string;
  readonly numExamples: number;
  /** Gradient row length. */
  readonly dim: number;
  readonly totalMs: number;
  readonly examplesPerSecond: number;
}

const SCHEMA: OptionsSchema = {
  method: {
    type: 'string',
    description: 'method',
    values: ['batched', 'loop', 'closed-form'],
    default: 'batched',
  },
  inputDim: { type: 'integer', description: 'MLP input size', min: 1, default: 784 },
  hiddenDims: { type: 'any', description: 'hidden layer sizes' },
  numClasses: { type: 'integer', description: 'classes', min: 2, default: 10 },
  numExamples: { type: 'integer', description: 'examples to time', min: 1, default: 512 },
  chunkSize: { type: 'integer', description: 'examples per chunk', min: 1, default: 128 },
  seed: { type: 'integer', description: 'seed for weights and data', default: 0 },
};

/**
 * Times per-example gradients of a seeded ReLU MLP (inputDim → hiddenDims → numClasses, softmax
 * cross-entropy) on synthetic data, on the active tfjs backend, after one untimed warm-up
 * chunk. Wall-clock time, so results vary run to run; report the backend and machine with them.
 */
export async function measureGradientThroughput(
  options: GradientThroughputOptions = {},
): Promise<GradientThroughput> {
  const opts = validateOptions<
    Required<Omit<GradientThroughputOptions, 'hiddenDims'>> & GradientThroughputOptions
  >(SCHEMA, options, 'measureGradientThroughput');
  const hidden: unknown = opts.hiddenDims ?? DEFAULT_GRADIENT_THROUGHPUT_OPTIONS.hiddenDims;
  if (!isPositiveIntegerList(hidden)) {
    throw new CoresetError('INVALID_ARGUMENT', 'hiddenDims must be an array of positive integers', {
      argument: 'hiddenDims',
    });
  }
  const rng = Rng.fromSeed(opts.seed);
  const mlp = createMlp([opts.inputDim, ...hidden, opts.numClasses], rng);
  const { x, y } = syntheticBatch(opts.numExamples, opts.inputDim, opts.numClasses, rng);
  const xs = tf.tensor2d(x, [opts.numExamples, opts.inputDim]);
  const ys = tf.tensor1d(y, 'int32');
  const params = [...mlp.kernels, ...mlp.biases];
  try {
    const run = async (count: number): Promise<number> => {
      if (opts.method === 'closed-form') {
        const { embeddings, logits } = tf.tidy(() => {
          const plain = (a: tf.Tensor, k: tf.Tensor, b?: tf.Tensor) => {
            const z = tf.matMul(a, k);
            return b === undefined ? z : tf.add(z, b);
          };
          const xb = tf.slice(xs, [0, 0], [count, -1]);
          const e = mlp.embed(xb, plain);
          const last = mlp.kernels.length - 1;
          return {
            embeddings: e,
            logits: plain(e, mlp.kernels[last], mlp.biases[last]) as tf.Tensor2D,
          };
        });
        const g = lastLayerGradients({
          embeddings: tensorToMatrix(embeddings),
          logits: tensorToMatrix(logits),
          labels: y.subarray(0, count),
        });
        embeddings.dispose();
        logits.dispose();
        return g.cols;
      }
      const result = await perExampleGradients(
        {
          numExamples: count,
          params,
          loss: (start, size, dense) =>
            tf.tidy(() =>
              crossEntropy(
                mlp.logits(tf.slice(xs, [start, 0], [size, -1]), dense),
                tf.slice(ys, start, size),
              ),
            ),
        },
        { method: opts.method, chunkSize: opts.chunkSize },
      );
      return result.dim;
    };
    await run(Math.min(opts.chunkSize, opts.numExamples));
    const t0 = performance.now();
    const dim = await run(opts.numExamples);
    const totalMs = performance.now() - t0;
    return {
      method: opts.method,
      backend: tf.getBackend(),
      numExamples: opts.numExamples,
      dim,
      totalMs,
      examplesPerSecond: (opts.numExamples * 1000) / totalMs,
    };
  } finally {
    xs.dispose();
    ys.dispose();
    mlp.dispose();
  }
}

function isPositiveIntegerList(value: unknown): value is readonly number[] {
  return Array.isArray(value) && value.every((h) => Number.isInteger(h) && (h as number) >= 1);
}
