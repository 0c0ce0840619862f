import { isCoresetError } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { describe, expect, it } from 'vitest';
import { el2nScores, entropyScores, lossScores } from './final-model-scores.js';

describe('final-model scores', () => {
  const logits = Float64Array.of(1, 2, 3, 0, 0, 0);
  const softmax = (z: number[]): number[] => {
    const e = z.map((v) => Math.exp(v));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
  const probs = Float64Array.from([...softmax([1, 2, 3]), ...softmax([0, 0, 0])]);
  const labels = [2, 1];

  it('computes the same entropy from logits and probabilities', () => {
    const h = (p: number[]): number => -p.reduce((a, q) => a + q * Math.log(q + 1e-10), 0);
    const expected = [h(softmax([1, 2, 3])), h([1 / 3, 1 / 3, 1 / 3])];
    assertAllClose(entropyScores({ probs }, 3), expected, { rtol: 1e-12 });
    assertAllClose(entropyScores({ logits }, 3), expected, { rtol: 1e-12 });
  });

  it('computes cross-entropy and EL2N by hand', () => {
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    assertAllClose(lossScores({ logits }, labels, 3), [lse - 3, Math.log(3)], { rtol: 1e-12 });
    assertAllClose(lossScores({ probs }, labels, 3), [lse - 3, Math.log(3)], { rtol: 1e-9 });
    const p = softmax([1, 2, 3]);
    assertAllClose(
      el2nScores({ probs }, labels, 3),
      [Math.hypot(p[0], p[1], p[2] - 1), Math.hypot(1 / 3, 2 / 3, 1 / 3)],
      { rtol: 1e-12 },
    );
  });

  it('validates shapes and labels', () => {
    const argOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isCoresetError(e) ? `${e.code}:${e.argument}` : 'other';
      }
      return undefined;
    };
    expect(argOf(() => entropyScores({ probs: Float64Array.of(1, 0, 0) }, 2))).toBe(
      'SHAPE_MISMATCH:probs',
    );
    expect(argOf(() => lossScores({ logits }, [0], 3))).toBe('SHAPE_MISMATCH:labels');
    expect(argOf(() => lossScores({ logits }, [0, 3], 3))).toBe('OUT_OF_RANGE:labels');
    expect(argOf(() => el2nScores({ logits: Float64Array.of(Infinity, 0) }, [0], 2))).toBe(
      'NON_FINITE:logits',
    );
  });
});
