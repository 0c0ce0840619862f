import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, assertInteger, toRng, type Rng } from '@coresets/core';
import { glorotUniform } from '../models/init.js';
import type { RecSample } from './sequential-recommendation.js';

export interface GruRecommenderOptions {
  readonly numItems: number;
  readonly embeddingSize?: number | undefined;
  readonly hiddenSize?: number | undefined;
  /** Histories are left-padded (or cut to their most recent items) to this length. */
  readonly maxHistory?: number | undefined;
  readonly seed: number | Rng;
}

export const DEFAULT_GRU_RECOMMENDER_OPTIONS = { embeddingSize: 32, hiddenSize: 32, maxHistory: 10 } as const;

/** Item embeddings + one GRU layer + a full-softmax output over all items. */
export interface GruRecommender {
  readonly numItems: number;
  readonly hiddenSize: number;
  readonly maxHistory: number;
  readonly variables: readonly tf.Variable[];
  /** Final GRU state per sample [batch, hidden]: the sample embedding. */
  encode(samples: readonly RecSample[]): tf.Tensor2D;
  /** Scores over all items [batch, numItems] and the state they came from. */
  forward(samples: readonly RecSample[]): { logits: tf.Tensor2D; state: tf.Tensor2D };
  /** Cross-entropy of each sample's target [batch]. */
  perExampleLoss(samples: readonly RecSample[]): tf.Tensor1D;
  getWeights(): Float32Array[];
  setWeights(values: readonly Float32Array[]): void;
  dispose(): void;
}

export function createGruRecommender(options: GruRecommenderOptions): GruRecommender {
  const numItems = options.numItems;
  const e = options.embeddingSize ?? DEFAULT_GRU_RECOMMENDER_OPTIONS.embeddingSize;
  const h = options.hiddenSize ?? DEFAULT_GRU_RECOMMENDER_OPTIONS.hiddenSize;
  const maxHistory = options.maxHistory ?? DEFAULT_GRU_RECOMMENDER_OPTIONS.maxHistory;
  assertInteger(numItems, 'numItems', 2);
  assertInteger(e, 'embeddingSize', 1);
  assertInteger(h, 'hiddenSize', 1);
  assertInteger(maxHistory, 'maxHistory', 1);
  const rng = toRng(options.seed);
  const variable = (values: Float32Array, shape: number[]) => tf.tidy(() => tf.variable(tf.tensor(values, shape), true));
  const glorot = (rows: number, cols: number) => variable(glorotUniform(rows * cols, rows, cols, rng), [rows, cols]);
  const zeros = (n: number) => variable(new Float32Array(n), [n]);
  // Row numItems of the embedding table is the padding item; its state updates are masked out.
  const embedding = variable(Float32Array.from({ length: (numItems + 1) * e }, () => rng.normal(0, 0.1)), [numItems + 1, e]);
  const wx = glorot(e, 3 * h);
  const wh = glorot(h, 3 * h);
  const b = zeros(3 * h);
  const wOut = glorot(h, numItems);
  const bOut = zeros(numItems);
  const variables = [embedding, wx, wh, b, wOut, bOut];

  const batchTensors = (samples: readonly RecSample[]) => {
    const n = samples.length;
    const ids = new Int32Array(n * maxHistory).fill(numItems);
    const mask = new Float32Array(n * maxHistory);
    samples.forEach((s, i) => {
      const recent = s.history.subarray(Math.max(0, s.history.length - maxHistory));
      const offset = maxHistory - recent.length;
      for (let t = 0; t < recent.length; t++) {
        const item = recent[t];
        if (!Number.isInteger(item) || item < 0 || item >= numItems) {
          throw new CoresetError('OUT_OF_RANGE', `sample ${i} has item ${item}, outside [0, ${numItems})`, { argument: 'samples' });
        }
        ids[i * maxHistory + offset + t] = item;
        mask[i * maxHistory + offset + t] = 1;
      }
    });
    return { n, ids: tf.tensor2d(ids, [n, maxHistory], 'int32'), mask: tf.tensor2d(mask, [n, maxHistory]) };
  };

  const encode = (samples: readonly RecSample[]): tf.Tensor2D =>
    tf.tidy(() => {
      const { n, ids, mask } = batchTensors(samples);
      const x = tf.reshape(tf.gather(embedding, tf.reshape(ids, [n * maxHistory])), [n, maxHistory, e]);
      let state: tf.Tensor2D = tf.zeros([n, h]);
      for (let t = 0; t < maxHistory; t++) {
        const xt = tf.reshape<tf.Rank.R2>(tf.slice(x, [0, t, 0], [n, 1, e]), [n, e]);
        const gx = tf.add(tf.matMul(xt, wx as tf.Variable<tf.Rank.R2>), b);
        const gh = tf.matMul(state, wh);
        const [xz, xr, xn] = tf.split(gx, 3, 1);
        const [hz, hr, hn] = tf.split(gh, 3, 1);
        const z = tf.sigmoid(tf.add(xz, hz));
        const r = tf.sigmoid(tf.add(xr, hr));
        const candidate = tf.tanh(tf.add(xn, tf.mul(r, hn)));
        const next = tf.add(tf.mul(tf.sub(1, z), state), tf.mul(z, candidate));
        const m = tf.slice(mask, [0, t], [n, 1]);
        // Padding steps leave the state unchanged.
        state = tf.add<tf.Tensor2D>(tf.mul(m, next), tf.mul(tf.sub(1, m), state));
      }
      return state;
    });

  const forward = (samples: readonly RecSample[]) => {
    const state = encode(samples);
    const logits = tf.tidy(() => tf.add<tf.Tensor2D>(tf.matMul(state, wOut as tf.Variable<tf.Rank.R2>), bOut));
    return { logits, state };
  };

  return {
    numItems,
    hiddenSize: h,
    maxHistory,
    variables,
    encode,
    forward,
    perExampleLoss(samples) {
      return tf.tidy(() => {
        const { logits, state } = forward(samples);
        state.dispose();
        const targets = tf.tensor1d(Int32Array.from(samples, (s) => s.target), 'int32');
        return tf.neg(tf.sum<tf.Tensor1D>(tf.mul(tf.logSoftmax(logits), tf.cast(tf.oneHot(targets, numItems), 'float32')), -1));
      });
    },
    getWeights: () => variables.map((v) => v.dataSync().slice() as Float32Array),
    setWeights(values) {
      if (values.length !== variables.length) {
        throw new CoresetError('SHAPE_MISMATCH', `expected ${variables.length} weight arrays, got ${values.length}`, { argument: 'values' });
      }
      values.forEach((w, i) => tf.tidy(() => variables[i].assign(tf.tensor(w, variables[i].shape))));
    },
    dispose() {
      for (const v of variables) v.dispose();
    },
  };
}
