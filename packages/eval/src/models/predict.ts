import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import type { Classifier } from './classifier.js';

export interface PredictOptions {
  /** Rows per forward pass. */
  readonly batchSize?: number | undefined;
}

export const DEFAULT_PREDICT_OPTIONS = { batchSize: 1000 } as const;

export interface Predictions {
  readonly logits: Matrix<Float32Array>;
  readonly embeddings: Matrix<Float32Array>;
}

/** Logits and penultimate embeddings of every row of `x`, in batches, from one forward pass each. */
export function predict(model: Classifier, x: Matrix<Float32Array>, options: PredictOptions = {}): Predictions {
  const batchSize = options.batchSize ?? DEFAULT_PREDICT_OPTIONS.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new CoresetError('OUT_OF_RANGE', `batchSize must be a positive integer, got ${batchSize}`, {
      argument: 'batchSize',
    });
  }
  if (x.cols !== model.inputSize) {
    throw new CoresetError('SHAPE_MISMATCH', `x has ${x.cols} columns, the model expects ${model.inputSize}`, {
      argument: 'x',
    });
  }
  const logits = new Float32Array(x.rows * model.numClasses);
  const embeddings = new Float32Array(x.rows * model.embeddingSize);
  for (let start = 0; start < x.rows; start += batchSize) {
    const rows = Math.min(batchSize, x.rows - start);
    const [l, e] = tf.tidy(() => {
      const input = tf.tensor2d(x.data.subarray(start * x.cols, (start + rows) * x.cols), [rows, x.cols], 'float32');
      const out = model.forward(input);
      return [out.logits, out.embedding];
    });
    logits.set(l.dataSync(), start * model.numClasses);
    embeddings.set(e.dataSync(), start * model.embeddingSize);
    l.dispose();
    e.dispose();
  }
  return {
    logits: { rows: x.rows, cols: model.numClasses, data: logits },
    embeddings: { rows: x.rows, cols: model.embeddingSize, data: embeddings },
  };
}
