import type * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '@coresets/core';
import { knnAccuracy, linearProbe, type ContrastiveEncoder, type LabeledDataset } from '@coresets/eval';
import { embedInBatches } from '@coresets/simcore';

/** Target-task quality of frozen features. */
export interface ProbeMetrics {
  /** Linear-probe test accuracy on the target classes (the primary metric). */
  readonly linearProbe: number;
  readonly knn: number;
}

const EMBED_BATCH = 1024;

/** Backbone embeddings (before the projection head) of row-major images, batch by batch. */
export function embedRows(encoder: ContrastiveEncoder, x: Matrix<Float32Array>): Matrix<Float32Array> {
  return embedInBatches({ data: x.data, shape: [x.rows, x.cols] }, (batch) => encoder.embed(batch as tf.Tensor2D), {
    batchSize: EMBED_BATCH,
  });
}

/** Linear probe and kNN accuracy of features: trained on the labelled target set, tested on the target test images. */
export function probeFeatures(
  train: Matrix,
  trainLabels: Int32Array,
  test: Matrix,
  testLabels: Int32Array,
  options: { probeSteps: number; knnK: number; numClasses: number },
): ProbeMetrics {
  const lp = linearProbe(train, trainLabels, test, testLabels, { steps: options.probeSteps, numClasses: options.numClasses });
  const kn = knnAccuracy(train, trainLabels, test, testLabels, { k: options.knnK });
  return { linearProbe: lp.accuracy, knn: kn.accuracy };
}

/** Probe of an encoder's backbone features. */
export function probeEncoder(
  encoder: ContrastiveEncoder,
  target: LabeledDataset,
  targetTest: LabeledDataset,
  options: { probeSteps: number; knnK: number },
): ProbeMetrics {
  return probeFeatures(embedRows(encoder, target.x), target.labels, embedRows(encoder, targetTest.x), targetTest.labels, {
    ...options,
    numClasses: target.numClasses,
  });
}
