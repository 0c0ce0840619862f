import { Rng, matrixFromRows } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { describe, expect, it } from 'vitest';
import { el2nScores } from './el2n-scores.js';
import { lastLayerGradients } from './last-layer-gradients.js';

describe('el2nScores', () => {
  it('matches a hand value', () => {
    // p = [1/4, 3/4], y = 1 → r = [1/4, −1/4], ‖r‖ = √(1/8).
    const logits = matrixFromRows([[0, Math.log(3)]]);
    assertAllClose(el2nScores({ logits, labels: [1] }), [Math.sqrt(1 / 8)], { rtol: 1e-15 });
    const probabilities = matrixFromRows([[0.25, 0.75]]);
    assertAllClose(el2nScores({ probabilities, labels: [0] }), [Math.sqrt(2 * 0.75 ** 2)], {
      rtol: 1e-15,
    });
  });

  it('is the norm of the bias part of the closed-form gradient, in (0, √2)', () => {
    const rng = Rng.fromSeed(4);
    const rows = (n: number, d: number) =>
      matrixFromRows(
        Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())),
      );
    const embeddings = rows(8, 5);
    const logits = rows(8, 4);
    const labels = Array.from({ length: 8 }, () => rng.int(4));
    const g = lastLayerGradients({ embeddings, logits, labels });
    const biasNorms = Array.from({ length: 8 }, (_, i) =>
      Math.hypot(...g.data.subarray(i * g.cols + 20, (i + 1) * g.cols)),
    );
    const scores = el2nScores({ logits, labels });
    assertAllClose(scores, biasNorms, { rtol: 1e-12 });
    expect(scores.every((s) => s > 0 && s < Math.SQRT2)).toBe(true);
  });
});
