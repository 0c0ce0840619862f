import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, Rng, throwIfAborted, type LongRunningOptions } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';
import { createOptimizer } from '../train/optimizer.js';
import { assertGradientsRegistered } from '../train/train-step.js';
import type { GruRecommender } from './gru-recommender.js';
import { rankOf, rankingMetrics, sampleNegatives, type RankingMetrics } from './ranking-metrics.js';
import type { RecSample } from './sequential-recommendation.js';

export interface TrainRecommenderOptions extends LongRunningOptions {
  readonly learningRate?: number | undefined;
  readonly batchSize?: number | undefined;
  readonly maxEpochs?: number | undefined;
  /** Epochs without improvement of the early-stopping loss before stopping. */
  readonly patience?: number | undefined;
  /** Per-sample loss weights (e.g. a coreset's weights); default 1. */
  readonly weights?: Float32Array | undefined;
  readonly seed: number;
}

export const DEFAULT_TRAIN_RECOMMENDER_OPTIONS = { learningRate: 1e-3, batchSize: 64, maxEpochs: 50, patience: 10 } as const;

export interface TrainRecommenderResult {
  readonly epochs: number;
  readonly bestEpoch: number;
  readonly bestEarlyStopLoss: number;
  readonly trainLosses: number[];
}

/** Mean cross-entropy over samples, in batches. */
export function recommenderLoss(model: GruRecommender, samples: readonly RecSample[], batchSize = 256): number {
  let total = 0;
  for (let s = 0; s < samples.length; s += batchSize) {
    total += tf.tidy(() => tf.sum(model.perExampleLoss(samples.slice(s, s + batchSize))).dataSync()[0]);
  }
  return total / Math.max(1, samples.length);
}

/**
 * Adam with mini-batches and early stopping on `earlyStop`'s loss; the best epoch's weights are
 * restored at the end.
 */
export function trainRecommender(
  model: GruRecommender,
  train: readonly RecSample[],
  earlyStop: readonly RecSample[],
  options: TrainRecommenderOptions,
): TrainRecommenderResult {
  assertGradientsRegistered();
  const o = withDefaults(DEFAULT_TRAIN_RECOMMENDER_OPTIONS, options);
  if (train.length === 0) throw new CoresetError('INVALID_ARGUMENT', 'train is empty', { argument: 'train' });
  if (o.weights !== undefined && o.weights.length !== train.length) {
    throw new CoresetError('SHAPE_MISMATCH', `weights has ${o.weights.length} entries for ${train.length} samples`, { argument: 'weights' });
  }
  const optimizer = createOptimizer(model.variables, { name: 'adam' });
  const rng = Rng.fromSeed(o.seed);
  let best = { loss: Number.POSITIVE_INFINITY, epoch: -1, weights: model.getWeights() };
  const trainLosses: number[] = [];
  let epoch = 0;
  try {
    for (; epoch < o.maxEpochs; epoch++) {
      const order = rng.permutation(train.length);
      let sum = 0;
      for (let s = 0; s < order.length; s += o.batchSize) {
        throwIfAborted(o.signal);
        const idx = order.subarray(s, s + o.batchSize);
        const batch = Array.from(idx, (i) => train[i]);
        const w = o.weights === undefined ? undefined : Float32Array.from(idx, (i) => o.weights![i]);
        const { value, grads } = tf.variableGrads(() => {
          const losses = model.perExampleLoss(batch);
          if (w === undefined) return tf.mean(losses);
          const wt = tf.tensor1d(w);
          return tf.div(tf.sum(tf.mul(losses, wt)), tf.sum(wt));
        }, model.variables as tf.Variable[]);
        const list = model.variables.map((v) => grads[v.name]);
        optimizer.apply(list, o.learningRate);
        sum += value.dataSync()[0] * batch.length;
        tf.dispose([value, ...list]);
      }
      trainLosses.push(sum / train.length);
      const esLoss = recommenderLoss(model, earlyStop);
      if (esLoss < best.loss) best = { loss: esLoss, epoch, weights: model.getWeights() };
      o.onProgress?.({ phase: 'recommender', completed: epoch + 1, total: o.maxEpochs, info: { loss: esLoss } });
      if (epoch - best.epoch >= o.patience) {
        epoch++;
        break;
      }
    }
  } finally {
    optimizer.dispose();
  }
  model.setWeights(best.weights);
  return { epochs: epoch, bestEpoch: best.epoch, bestEarlyStopLoss: best.loss, trainLosses };
}

export interface RecommenderEvaluation {
  readonly fullRank: RankingMetrics;
  readonly sampled: RankingMetrics;
  readonly loss: number;
}

/** HR@K / NDCG@K with full ranking over all items and against `negatives` sampled negatives. */
export function evaluateRecommender(model: GruRecommender, samples: readonly RecSample[], options: { k?: number; negatives?: number; seed: number }): RecommenderEvaluation {
  const k = options.k ?? 10;
  const negatives = options.negatives ?? 99;
  const rng = Rng.fromSeed(options.seed);
  const fullRanks: number[] = [];
  const sampledRanks: number[] = [];
  for (let s = 0; s < samples.length; s += 256) {
    const batch = samples.slice(s, s + 256);
    const { logits, state } = model.forward(batch);
    const scores = logits.dataSync();
    tf.dispose([logits, state]);
    batch.forEach((sample, i) => {
      const row = scores.subarray(i * model.numItems, (i + 1) * model.numItems);
      fullRanks.push(rankOf(row, sample.target));
      const candidates = Int32Array.from([sample.target, ...sampleNegatives(rng, model.numItems, sample.target, negatives)]);
      sampledRanks.push(rankOf(row, sample.target, candidates));
    });
  }
  return { fullRank: rankingMetrics(fullRanks, k), sampled: rankingMetrics(sampledRanks, k), loss: recommenderLoss(model, samples) };
}
