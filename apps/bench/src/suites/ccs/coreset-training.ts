import { subsetDataset, trainClassifier } from '@coresets/eval';
import type { CcsData } from './ccs-data.js';
import { createModel } from './ccs-data.js';
import type { CcsCell, CcsProfile } from './ccs-profile.js';
import { selectCoreset, type StoredScores } from './select-coreset.js';

/** The stored outcome of one coreset training run. */
export interface TrainingCell {
  readonly size: number;
  /** Coreset members per class. */
  readonly classCounts: number[];
  /** Test accuracy after the last step (the primary metric). */
  readonly finalAccuracy: number;
  /** Best of the periodic test evaluations (only for comparison with the paper, which reports it). */
  readonly bestAccuracy: number;
  readonly accuracies: number[];
  /** Passes over the coreset that the fixed iteration budget amounts to. */
  readonly epochs: number;
  readonly trainMs: number;
}

/**
 * Trains a fresh model of the suite's kind on one coreset for the fixed budget T (the same for
 * every rate, as in the reference protocol). For a given seed every method starts from the same
 * initial weights and batch-order seed, so differences between methods are paired.
 */
export function trainOnCoreset(
  cell: CcsCell,
  profile: CcsProfile,
  data: CcsData,
  scores: StoredScores,
): TrainingCell {
  const n = data.pool.x.rows;
  const indices =
    cell.method === 'full'
      ? Int32Array.from({ length: n }, (_, i) => i)
      : selectCoreset(cell.method, cell.rate, cell.seed, scores, profile.strata);
  const coreset = subsetDataset(data.pool, indices);
  const classCounts = new Array<number>(data.pool.numClasses).fill(0);
  for (let i = 0; i < coreset.labels.length; i++) classCounts[coreset.labels[i]]++;
  const model = createModel(profile.model, 100 + cell.seed);
  try {
    const result = trainClassifier(model, coreset, {
      iterations: profile.coresetSteps,
      batchSize: profile.coresetBatchSize,
      learningRate: profile.learningRate,
      weightDecay: profile.weightDecay,
      seed: 200 + cell.seed,
      evaluation: {
        data: data.test,
        every: Math.max(1, Math.floor(profile.coresetSteps / profile.evaluations)),
      },
    });
    return {
      size: indices.length,
      classCounts,
      finalAccuracy: result.finalAccuracy ?? Number.NaN,
      bestAccuracy: result.bestAccuracy ?? Number.NaN,
      accuracies: result.evaluations.map((e) => e.accuracy),
      epochs: result.epochs,
      trainMs: result.elapsedMs,
    };
  } finally {
    model.dispose();
  }
}
