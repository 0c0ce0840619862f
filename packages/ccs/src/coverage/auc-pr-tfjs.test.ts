import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { Rng, type Matrix } from '@coresets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { aucPr, nearestCoresetDistances } from './auc-pr.js';

function randomMatrix(rng: Rng, rows: number, cols: number): Matrix<Float64Array> {
  return { rows, cols, data: rng.fillNormal(new Float64Array(rows * cols)) };
}

describe("aucPr with engine: 'tfjs'", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gives the float64 distances to float32 precision, block by block', () => {
    const rng = Rng.fromSeed(11);
    const reference = randomMatrix(rng, 37, 16);
    const features = randomMatrix(rng, 90, 16);
    const indices = rng.sampleWithoutReplacement(90, 25);
    const exact = nearestCoresetDistances({ reference, features, indices });
    const fast = nearestCoresetDistances({ reference, features, indices }, { engine: 'tfjs', blockRows: 8 });
    for (let i = 0; i < exact.length; i++) expect(Math.abs(fast[i] - exact[i])).toBeLessThan(1e-4 * (1 + exact[i]));
    expect(aucPr({ reference, features, indices }, { engine: 'tfjs' })).toBeCloseTo(
      aucPr({ reference, features, indices }),
      4,
    );
  });
});
