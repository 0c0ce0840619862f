import { Rng, isCoresetError, matrixFromRows } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { describe, expect, it } from 'vitest';
import { grandScores } from './grand-scores.js';
import { lastLayerGradients } from './last-layer-gradients.js';

describe('grandScores', () => {
  it('matches hand values with and without the bias', () => {
    // p = [1/4, 3/4], y = 1 → ‖r‖ = √(1/8); h = [3, 4], ‖h‖ = 5.
    const logits = matrixFromRows([[0, Math.log(3)]]);
    const embeddings = matrixFromRows([[3, 4]]);
    assertAllClose(
      grandScores({ embeddings, logits, labels: [1] }),
      [Math.sqrt(1 / 8) * Math.sqrt(26)],
      {
        rtol: 1e-15,
      },
    );
    assertAllClose(
      grandScores({ embeddings, logits, labels: [1] }, { bias: false }),
      [Math.sqrt(1 / 8) * 5],
      {
        rtol: 1e-15,
      },
    );
  });

  it('is the norm of the closed-form gradient row', () => {
    const rng = Rng.fromSeed(5);
    const rows = (n: number, d: number) =>
      matrixFromRows(
        Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())),
      );
    const embeddings = rows(8, 5);
    const logits = rows(8, 4);
    const labels = Array.from({ length: 8 }, () => rng.int(4));
    for (const bias of [true, false]) {
      const g = lastLayerGradients({ embeddings, logits, labels }, { bias });
      const norms = Array.from({ length: 8 }, (_, i) =>
        Math.hypot(...g.data.subarray(i * g.cols, (i + 1) * g.cols)),
      );
      assertAllClose(grandScores({ embeddings, logits, labels }, { bias }), norms, { rtol: 1e-12 });
    }
  });

  it('rejects unknown options and mismatched rows', () => {
    const logits = matrixFromRows([[0, 1]]);
    const embeddings = matrixFromRows([[1], [2]]);
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isCoresetError(e) ? [e.code, e.argument] : ['other'];
      }
      return ['none'];
    };
    expect(code(() => grandScores({ embeddings, logits, labels: [0] }))).toEqual([
      'SHAPE_MISMATCH',
      'embeddings',
    ]);
    expect(
      code(() => grandScores({ embeddings, logits, labels: [0] }, { norm: 2 } as never)),
    ).toEqual(['UNKNOWN_OPTION', 'norm']);
  });
});
