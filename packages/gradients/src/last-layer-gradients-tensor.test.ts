import * as tf from '@tensorflow/tfjs-core';
import { Rng, isCoresetError } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from './internal/test-backend.js';
import { lastLayerGradients } from './last-layer-gradients.js';
import { lastLayerGradientsTensor } from './last-layer-gradients-tensor.js';

beforeAll(useCpuBackend);

describe('lastLayerGradientsTensor', () => {
  it('equals the float64 Matrix version to float32 accuracy, from logits and from probabilities', () => {
    const rng = Rng.fromSeed(5);
    const n = 6;
    const e = 4;
    const c = 3;
    const h = rng.fillNormal(new Float32Array(n * e));
    const z = rng.fillNormal(new Float32Array(n * c));
    const labels = [0, 2, 1, 1, 0, 2];
    const expected = lastLayerGradients({
      embeddings: { rows: n, cols: e, data: h },
      logits: { rows: n, cols: c, data: z },
      labels,
    });
    const embeddings = tf.tensor2d(h, [n, e]);
    const logits = tf.tensor2d(z, [n, c]);
    const probabilities = tf.softmax(logits);
    const before = tf.memory().numTensors;
    const fromLogits = lastLayerGradientsTensor({ embeddings, logits, labels });
    const fromProbs = lastLayerGradientsTensor({
      embeddings,
      probabilities,
      labels: tf.tensor1d(labels, 'int32'),
    });
    expect(fromLogits.shape).toEqual([n, c * (e + 1)]);
    assertAllClose(fromLogits.dataSync(), expected.data, { rtol: 1e-5, atol: 1e-6 });
    assertAllClose(fromProbs.dataSync(), expected.data, { rtol: 1e-5, atol: 1e-6 });
    const noBias = lastLayerGradientsTensor({ embeddings, logits, labels }, { bias: false });
    expect(noBias.shape).toEqual([n, c * e]);
    // Only the three results (and the label tensor passed in) are left.
    expect(tf.memory().numTensors).toBe(before + 4);
    expect(() =>
      lastLayerGradientsTensor({ embeddings, logits, labels: [0, 1, 2, 3, 0, 1] }),
    ).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE', argument: 'labels' }));
    let err: unknown;
    try {
      lastLayerGradientsTensor({ embeddings, logits, probabilities, labels });
    } catch (e) {
      err = e;
    }
    expect(isCoresetError(err, 'INVALID_ARGUMENT')).toBe(true);
    tf.dispose([embeddings, logits, probabilities, fromLogits, fromProbs, noBias]);
  });
});
