import * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '@coresets/core';
import { createGruRecommender, trainRecommender, type GruRecommender, type RecSample, type SequentialRecommendation } from '@coresets/eval';
import { el2nScores, grandScores } from '@coresets/gradients';

/** Seed of the proxy recommender (fixed: the features are one per scenario, not per training seed). */
export const PROXY_SEED = 7;

const BATCH = 512;

/** What every selector sees: sample embeddings of the pool and of V_sel, and the per-sample scores. */
export interface ProxyFeatures {
  /** N × 2H: the proxy's final GRU state h, then the output-layer column of the sample's target. */
  readonly poolEmbeddings: Matrix<Float64Array>;
  readonly targetEmbeddings: Matrix<Float64Array>;
  /** ‖p − onehot(y)‖ and the last layer's gradient norm ‖p − onehot(y)‖·sqrt(‖h‖² + 1). */
  readonly el2n: Float64Array;
  readonly grand: Float64Array;
  readonly trainMs: number;
  readonly featureMs: number;
}

/**
 * Rows [h ; w_y] of `samples`: h (the sample's state) carries the history, w_y (column y of the
 * output layer) the target. The target must be in the embedding, as label noise only touches the
 * targets. Each half is divided by its mean row norm over `scale` so both weigh alike.
 */
function sampleEmbeddings(model: GruRecommender, wOut: Float32Array, samples: readonly RecSample[]): { h: Float64Array; w: Float64Array } {
  const H = model.hiddenSize;
  const items = model.numItems;
  const h = new Float64Array(samples.length * H);
  const w = new Float64Array(samples.length * H);
  for (let s = 0; s < samples.length; s += BATCH) {
    const batch = samples.slice(s, s + BATCH);
    const state = model.encode(batch);
    h.set(state.dataSync(), s * H);
    state.dispose();
    batch.forEach((sample, i) => {
      for (let a = 0; a < H; a++) w[(s + i) * H + a] = wOut[a * items + sample.target];
    });
  }
  return { h, w };
}

function meanRowNorm(values: Float64Array, cols: number): number {
  const rows = values.length / cols;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let a = 0; a < cols; a++) s += values[i * cols + a] ** 2;
    total += Math.sqrt(s);
  }
  return total / Math.max(1, rows);
}

function concatScaled(h: Float64Array, w: Float64Array, cols: number, hScale: number, wScale: number): Matrix<Float64Array> {
  const rows = h.length / cols;
  const data = new Float64Array(rows * 2 * cols);
  for (let i = 0; i < rows; i++) {
    for (let a = 0; a < cols; a++) {
      data[i * 2 * cols + a] = h[i * cols + a] / hScale;
      data[i * 2 * cols + cols + a] = w[i * cols + a] / wScale;
    }
  }
  return { rows, cols: 2 * cols, data };
}

/**
 * Spec §10's proxy: a recommender trained `epochs` epochs on the whole pool gives the sample
 * embeddings and, in closed form for its output layer, EL2N and GraNd (the GRU's final state is
 * the output layer's input h, its softmax gives p).
 */
export function proxyFeatures(data: SequentialRecommendation, epochs: number): ProxyFeatures {
  const t0 = performance.now();
  const model = createGruRecommender({ numItems: data.numItems, seed: PROXY_SEED });
  try {
    trainRecommender(model, data.pool, data.validEarlyStop, { seed: PROXY_SEED, maxEpochs: epochs, patience: epochs });
    const trainMs = performance.now() - t0;
    const t1 = performance.now();
    const H = model.hiddenSize;
    const wOut = model.variables[4].dataSync() as Float32Array;
    const pool = sampleEmbeddings(model, wOut, data.pool);
    const target = sampleEmbeddings(model, wOut, data.validSelect);
    const hScale = meanRowNorm(pool.h, H) || 1;
    const wScale = meanRowNorm(pool.w, H) || 1;
    const N = data.pool.length;
    const el2n = new Float64Array(N);
    const grand = new Float64Array(N);
    for (let s = 0; s < N; s += BATCH) {
      const batch = data.pool.slice(s, s + BATCH);
      const { logits, state } = model.forward(batch);
      const logitRows: Matrix = { rows: batch.length, cols: data.numItems, data: logits.dataSync() as Float32Array };
      const embeddings: Matrix = { rows: batch.length, cols: H, data: state.dataSync() as Float32Array };
      const labels = Int32Array.from(batch, (x) => x.target);
      el2n.set(el2nScores({ logits: logitRows, labels }), s);
      grand.set(grandScores({ embeddings, logits: logitRows, labels }), s);
      tf.dispose([logits, state]);
    }
    return {
      poolEmbeddings: concatScaled(pool.h, pool.w, H, hScale, wScale),
      targetEmbeddings: concatScaled(target.h, target.w, H, hScale, wScale),
      el2n,
      grand,
      trainMs,
      featureMs: performance.now() - t1,
    };
  } finally {
    model.dispose();
  }
}
