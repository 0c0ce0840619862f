import { Rng } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import {
  aucPr,
  ccsInputFromScores,
  createDynamicsRecorder,
  selectCcs,
  selectRandom,
} from './index.js';

// The README example, kept runnable: a fake "training run" whose per-example confidence grows.
describe('README example', () => {
  it('records scores, selects a CCS coreset and measures its coverage', () => {
    const n = 200;
    const numClasses = 4;
    const numEpochs = 10;
    const rng = Rng.fromSeed(0);
    const labels = Int32Array.from({ length: n }, (_, i) => i % numClasses);
    const difficulty = Float64Array.from({ length: n }, () => rng.uniform());

    const recorder = createDynamicsRecorder({ numExamples: n, numClasses, numEpochs });
    for (let epoch = 0; epoch < numEpochs; epoch++) {
      const order = rng.permutation(n);
      for (let start = 0; start < n; start += 32) {
        const ids = order.subarray(start, start + 32);
        const probs = new Float32Array(ids.length * numClasses);
        ids.forEach((id, r) => {
          const py = Math.min(0.97, (epoch + 1) / numEpochs - 0.5 * difficulty[id] + 0.3);
          for (let c = 0; c < numClasses; c++) {
            probs[r * numClasses + c] = c === labels[id] ? py : (1 - py) / (numClasses - 1);
          }
        });
        recorder.onBatch({ ids, labels: Array.from(ids, (id) => labels[id]), probs, epoch });
      }
    }
    const scores = recorder.finish();

    // Keep 10% (α = 0.9); β defaults to the project rule (0.3 at 90%), k = 50 strata.
    const { input, options } = ccsInputFromScores(scores, { strataScore: 'aum' });
    const coreset = selectCcs(input, { ...options, rate: 0.9, seed: 1 });
    expect(coreset.indices).toHaveLength(20);
    expect(coreset.meta.beta).toBe(0.3);

    const embeddings = { rows: n, cols: 8, data: rng.fillNormal(new Float64Array(n * 8)) };
    const test = { rows: 50, cols: 8, data: rng.fillNormal(new Float64Array(50 * 8)) };
    const coverage = aucPr({ reference: test, features: embeddings, indices: coreset.indices });
    const random = selectRandom({ n }, { rate: 0.9, seed: 1 });
    expect(Number.isFinite(coverage)).toBe(true);
    expect(
      aucPr({ reference: test, features: embeddings, indices: random.indices }),
    ).toBeGreaterThan(0);
    // The hardest examples by AUM (lowest) are the most difficult ones of the fake run.
    const hardest = (coreset.meta.cutIndices as Int32Array)[0];
    expect(difficulty[hardest]).toBeGreaterThan(0.9);
  });
});
