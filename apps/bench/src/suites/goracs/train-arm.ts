import { createGruRecommender, evaluateRecommender, trainRecommender, type RecSample, type SequentialRecommendation } from '@coresets/eval';
import type { GoracsProfile } from './goracs-profile.js';

/** One training run from scratch on a coreset (or the pool), evaluated on the clean new-regime test set. */
export interface TrainingCell {
  readonly seed: number;
  readonly trainSize: number;
  readonly epochs: number;
  readonly bestEpoch: number;
  readonly bestEarlyStopLoss: number;
  /** Full-rank HR/NDCG@10 over all items. */
  readonly hr10: number;
  readonly ndcg10: number;
  /** Against 99 sampled negatives (the paper's protocol). */
  readonly sampledHr10: number;
  readonly sampledNdcg10: number;
  /** Mean test cross-entropy. */
  readonly testLoss: number;
  readonly trainMs: number;
}

/**
 * Item embedding 32 + GRU(32) + full softmax, Adam 1e-3, batch 64, early stopping on V_es (the
 * held-out half, never the OT target) with the best epoch restored.
 */
export function trainOnSubset(profile: GoracsProfile, data: SequentialRecommendation, indices: readonly number[] | 'all', seed: number): TrainingCell {
  const t0 = performance.now();
  const train: readonly RecSample[] = indices === 'all' ? data.pool : indices.map((i) => data.pool[i]);
  const full = indices === 'all';
  const model = createGruRecommender({ numItems: data.numItems, seed: 100 + seed });
  try {
    const run = trainRecommender(model, train, data.validEarlyStop, {
      seed: 200 + seed,
      maxEpochs: full ? profile.fullMaxEpochs : profile.maxEpochs,
      patience: full ? profile.fullPatience : profile.patience,
      learningRate: profile.learningRate,
    });
    const trainMs = performance.now() - t0;
    const evaluation = evaluateRecommender(model, data.test, { k: 10, negatives: 99, seed: 300 });
    return {
      seed,
      trainSize: train.length,
      epochs: run.epochs,
      bestEpoch: run.bestEpoch,
      bestEarlyStopLoss: run.bestEarlyStopLoss,
      hr10: evaluation.fullRank.hitRate,
      ndcg10: evaluation.fullRank.ndcg,
      sampledHr10: evaluation.sampled.hitRate,
      sampledNdcg10: evaluation.sampled.ndcg,
      testLoss: evaluation.loss,
      trainMs,
    };
  } finally {
    model.dispose();
  }
}
