import { CoresetError, type FloatArray } from '@coresets/core';
import { entropyScores, lossScores } from './final-model-scores.js';
import { makeScore, type Score } from './score.js';

/**
 * What the training loop hands over after each forward pass (training mode, augmented inputs,
 * before the step's update). Plain data, so this package needs neither tfjs nor the eval package.
 */
export interface DynamicsBatch {
  /** Example ids in [0, numExamples). */
  readonly ids: Int32Array | ArrayLike<number>;
  readonly labels: Int32Array | ArrayLike<number>;
  /** Softmax outputs, batch × numClasses, row-major. */
  readonly probs: Float32Array | Float64Array;
  /** Pre-softmax outputs with the same shape; required when `aumMargin` is `logit`. */
  readonly logits?: Float32Array | Float64Array | undefined;
  /** 0-based epoch; epochs must not go backwards. */
  readonly epoch: number;
}

export interface DynamicsRecorderOptions {
  readonly numExamples: number;
  readonly numClasses: number;
  /** Total epochs E of the run; every example must be recorded exactly once in each. */
  readonly numEpochs: number;
  /** Epochs (from the first) that EL2N sums over; default max(1, ⌊0.05 · E⌋). */
  readonly el2nEpochs?: number | undefined;
  /**
   * `probability` (default, the CCS reference code): Σ over epochs of p_y − max_{c≠y} p_c.
   * `logit` (the original AUM paper): mean over epochs of z_y − max_{c≠y} z_c; needs `logits`.
   */
  readonly aumMargin?: 'probability' | 'logit' | undefined;
  /**
   * Forgetting of examples never predicted correctly. `hardest` (default, the original forgetting
   * definition): max forgetting over all examples + 1. `zero`: 0, as the CCS reference code does.
   */
  readonly neverLearned?: 'hardest' | 'zero' | undefined;
}

export const DEFAULT_DYNAMICS_RECORDER_OPTIONS = Object.freeze({
  el2nFraction: 0.05,
  aumMargin: 'probability' as const,
  neverLearned: 'hardest' as const,
});

/** Final model outputs on clean, normalised inputs in eval mode: N × C, row i = example id i. */
export interface FinalOutputs {
  readonly finalProbs?: FloatArray | undefined;
  /** When given, loss and entropy are computed from logits (exact log-softmax) instead of probs. */
  readonly finalLogits?: FloatArray | undefined;
}

export interface DynamicsScores {
  readonly aum: Score;
  readonly forgetting: Score;
  readonly correctness: Score;
  readonly el2n: Score;
  /** Present when `finish` got final outputs. */
  readonly entropy: Score | undefined;
  readonly loss: Score | undefined;
  readonly numEpochs: number;
  readonly el2nEpochs: number;
  /** Examples never predicted correctly at any record. */
  readonly neverLearnedCount: number;
}

export interface DynamicsRecorder {
  onBatch(batch: DynamicsBatch): void;
  finish(outputs?: FinalOutputs): DynamicsScores;
  /** Epoch of the latest batch, −1 before the first. */
  readonly currentEpoch: number;
}

/**
 * Online accumulators for AUM, forgetting, correctness and EL2N over one full-data training run.
 * Memory is O(N) whatever the number of epochs: no per-epoch log is kept.
 */
export function createDynamicsRecorder(options: DynamicsRecorderOptions): DynamicsRecorder {
  const n = positiveInteger(options.numExamples, 'numExamples');
  const numClasses = positiveInteger(options.numClasses, 'numClasses');
  if (numClasses < 2) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `numClasses must be ≥ 2 (margins need a runner-up), got ${numClasses}`,
      {
        argument: 'numClasses',
      },
    );
  }
  const numEpochs = positiveInteger(options.numEpochs, 'numEpochs');
  const el2nEpochs =
    options.el2nEpochs ??
    Math.max(1, Math.floor(DEFAULT_DYNAMICS_RECORDER_OPTIONS.el2nFraction * numEpochs + 1e-9));
  if (!Number.isInteger(el2nEpochs) || el2nEpochs < 1 || el2nEpochs > numEpochs) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `el2nEpochs must be an integer in [1, ${numEpochs}], got ${el2nEpochs}`,
      {
        argument: 'el2nEpochs',
      },
    );
  }
  const aumMargin = options.aumMargin ?? DEFAULT_DYNAMICS_RECORDER_OPTIONS.aumMargin;
  if (aumMargin !== 'probability' && aumMargin !== 'logit') {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `aumMargin must be "probability" or "logit", got ${String(aumMargin)}`,
      {
        argument: 'aumMargin',
      },
    );
  }
  const neverLearned = options.neverLearned ?? DEFAULT_DYNAMICS_RECORDER_OPTIONS.neverLearned;
  if (neverLearned !== 'hardest' && neverLearned !== 'zero') {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `neverLearned must be "hardest" or "zero", got ${String(neverLearned)}`,
      {
        argument: 'neverLearned',
      },
    );
  }

  // float64 accumulators (the spec's Float32 would lose digits over hundreds of epochs).
  const aum = new Float64Array(n);
  const el2n = new Float64Array(n);
  const forgetting = new Int32Array(n);
  const correct = new Int32Array(n);
  const lastCorrect = new Uint8Array(n);
  const lastEpochSeen = new Int32Array(n).fill(-1);
  const records = new Int32Array(n);
  // Labels seen during training, so that `finish` scores the final model against the same labels.
  const seenLabels = new Int32Array(n).fill(-1);
  // Per-batch stamp to catch an id repeated inside one batch without allocating a Set per batch.
  const batchStamp = new Int32Array(n);
  let batchCounter = 0;
  let epoch = -1;
  let finished = false;

  function onBatch(batch: DynamicsBatch): void {
    if (finished)
      throw new CoresetError('INVALID_ARGUMENT', 'onBatch after finish', { argument: 'batch' });
    const e = batch.epoch;
    if (!Number.isInteger(e) || e < 0 || e >= numEpochs) {
      throw new CoresetError(
        'OUT_OF_RANGE',
        `epoch must be an integer in [0, ${numEpochs}), got ${e}`,
        {
          argument: 'epoch',
        },
      );
    }
    if (e < epoch) {
      throw new CoresetError('INVALID_ARGUMENT', `epoch went backwards from ${epoch} to ${e}`, {
        argument: 'epoch',
      });
    }
    const { ids, labels, probs } = batch;
    const b = ids.length;
    if (labels.length !== b) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `labels has ${labels.length} entries, ids has ${b}`,
        {
          argument: 'labels',
        },
      );
    }
    if (probs.length !== b * numClasses) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `probs has ${probs.length} values, expected ${b} × ${numClasses}`,
        {
          argument: 'probs',
        },
      );
    }
    const logits = batch.logits;
    if (aumMargin === 'logit') {
      if (logits === undefined) {
        throw new CoresetError('MISSING_OPTION', 'aumMargin "logit" needs logits in every batch', {
          argument: 'logits',
        });
      }
      if (logits.length !== probs.length) {
        throw new CoresetError(
          'SHAPE_MISMATCH',
          `logits has ${logits.length} values, probs has ${probs.length}`,
          {
            argument: 'logits',
          },
        );
      }
    }
    // Validate the whole batch before touching any accumulator, so a bad batch leaves no trace.
    batchCounter++;
    for (let r = 0; r < b; r++) {
      const id = ids[r];
      if (!Number.isInteger(id) || id < 0 || id >= n) {
        throw new CoresetError('OUT_OF_RANGE', `ids[${r}] = ${id} is outside [0, ${n})`, {
          argument: 'ids',
        });
      }
      if (lastEpochSeen[id] === e || batchStamp[id] === batchCounter) {
        throw new CoresetError('INVALID_ARGUMENT', `example ${id} recorded twice in epoch ${e}`, {
          argument: 'ids',
        });
      }
      batchStamp[id] = batchCounter;
      const y = labels[r];
      if (!Number.isInteger(y) || y < 0 || y >= numClasses) {
        throw new CoresetError(
          'OUT_OF_RANGE',
          `labels[${r}] = ${y} is outside [0, ${numClasses})`,
          {
            argument: 'labels',
          },
        );
      }
      if (seenLabels[id] !== -1 && seenLabels[id] !== y) {
        throw new CoresetError(
          'INVALID_ARGUMENT',
          `example ${id} changed label from ${seenLabels[id]} to ${y}`,
          {
            argument: 'labels',
          },
        );
      }
      for (let c = 0; c < numClasses; c++) {
        const p = probs[r * numClasses + c];
        if (!Number.isFinite(p)) {
          throw new CoresetError('NON_FINITE', `probs has ${p} at row ${r}, class ${c}`, {
            argument: 'probs',
          });
        }
        if (aumMargin === 'logit' && !Number.isFinite(logits![r * numClasses + c])) {
          throw new CoresetError(
            'NON_FINITE',
            `logits has a non-finite value at row ${r}, class ${c}`,
            {
              argument: 'logits',
            },
          );
        }
      }
    }
    epoch = e;
    for (let r = 0; r < b; r++) {
      const id = ids[r];
      const y = labels[r];
      const base = r * numClasses;
      const py = probs[base + y];
      let runnerUp = -Infinity;
      let argmax = 0;
      let sq = 0;
      for (let c = 0; c < numClasses; c++) {
        const p = probs[base + c];
        if (c !== y && p > runnerUp) runnerUp = p;
        // Strict ">" keeps the first maximum, like argmax in every tensor library.
        if (p > probs[base + argmax]) argmax = c;
        const diff = c === y ? p - 1 : p;
        sq += diff * diff;
      }
      if (aumMargin === 'probability') {
        aum[id] += py - runnerUp;
      } else {
        const z = logits!;
        let zRunnerUp = -Infinity;
        for (let c = 0; c < numClasses; c++)
          if (c !== y && z[base + c] > zRunnerUp) zRunnerUp = z[base + c];
        aum[id] += z[base + y] - zRunnerUp;
      }
      const isCorrect = argmax === y ? 1 : 0;
      if (lastCorrect[id] === 1 && isCorrect === 0) forgetting[id]++;
      lastCorrect[id] = isCorrect;
      correct[id] += isCorrect;
      if (e < el2nEpochs) el2n[id] += Math.sqrt(sq);
      records[id]++;
      lastEpochSeen[id] = e;
      seenLabels[id] = y;
    }
  }

  function finish(outputs: FinalOutputs = {}): DynamicsScores {
    for (let i = 0; i < n; i++) {
      if (records[i] !== numEpochs) {
        throw new CoresetError(
          'INFEASIBLE',
          `example ${i} was recorded in ${records[i]} of ${numEpochs} epochs; every example must be seen once per epoch`,
          { argument: 'numEpochs' },
        );
      }
    }
    let maxForgetting = 0;
    let neverLearnedCount = 0;
    for (let i = 0; i < n; i++) {
      if (forgetting[i] > maxForgetting) maxForgetting = forgetting[i];
      if (correct[i] === 0) neverLearnedCount++;
    }
    const forgettingValues = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      forgettingValues[i] =
        correct[i] === 0 ? (neverLearned === 'hardest' ? maxForgetting + 1 : 0) : forgetting[i];
    }
    const aumValues = Float64Array.from(aum);
    if (aumMargin === 'logit') for (let i = 0; i < n; i++) aumValues[i] /= numEpochs;

    let entropy: Score | undefined;
    let loss: Score | undefined;
    const { finalProbs, finalLogits } = outputs;
    if (finalProbs !== undefined || finalLogits !== undefined) {
      const [argument, given] =
        finalLogits !== undefined ? ['finalLogits', finalLogits] : ['finalProbs', finalProbs!];
      if (given.length !== n * numClasses) {
        throw new CoresetError(
          'SHAPE_MISMATCH',
          `${argument} has ${given.length} values, expected ${n} × ${numClasses}`,
          {
            argument,
          },
        );
      }
      const labels = seenLabels;
      const source = finalLogits !== undefined ? { logits: finalLogits } : { probs: finalProbs! };
      entropy = makeScore('entropy', entropyScores(source, numClasses));
      loss = makeScore('loss', lossScores(source, labels, numClasses));
    }
    finished = true;
    return {
      aum: makeScore('aum', aumValues),
      forgetting: makeScore('forgetting', forgettingValues),
      correctness: makeScore('correctness', Float64Array.from(correct)),
      el2n: makeScore('el2n', Float64Array.from(el2n)),
      entropy,
      loss,
      numEpochs,
      el2nEpochs,
      neverLearnedCount,
    };
  }

  return {
    onBatch,
    finish,
    get currentEpoch() {
      return epoch;
    },
  };
}

function positiveInteger(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new CoresetError('OUT_OF_RANGE', `${argument} must be a positive integer, got ${value}`, {
      argument,
    });
  }
  return value;
}
