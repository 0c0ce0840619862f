import { isCoresetError, matrixFromRows } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { describe, expect, it } from 'vitest';
import { softmaxResiduals } from './softmax-residuals.js';

describe('softmaxResiduals', () => {
  it('computes p − onehot(y) from logits (max-shifted) and from probabilities', () => {
    const r = softmaxResiduals({
      logits: matrixFromRows([
        [0, Math.log(3)],
        [1000, 1000],
      ]),
      labels: [1, 0],
    });
    assertAllClose(r.data, [0.25, -0.25, -0.5, 0.5], { rtol: 1e-15 });
    const q = softmaxResiduals({ probabilities: matrixFromRows([[0.2, 0.3, 0.5]]), labels: [2] });
    assertAllClose(q.data, [0.2, 0.3, -0.5], { rtol: 1e-15 });
  });

  it('rejects invalid probabilities instead of renormalising them', () => {
    const code = (rows: number[][]) => {
      try {
        softmaxResiduals({ probabilities: matrixFromRows(rows), labels: [0] });
      } catch (e) {
        return isCoresetError(e) ? [e.code, e.argument] : ['other'];
      }
      return ['none'];
    };
    expect(code([[0.5, 0.5]])).toEqual(['none']);
    expect(code([[0.5, 0.49]])).toEqual(['INVALID_ARGUMENT', 'probabilities']);
    expect(code([[1.5, -0.5]])).toEqual(['OUT_OF_RANGE', 'probabilities']);
    expect(() => softmaxResiduals({ labels: [0] } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => softmaxResiduals({ logits: matrixFromRows([[0, 1]]) } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'labels' }),
    );
    expect(() => softmaxResiduals({ logits: matrixFromRows([[0, 1]]), labels: [0.5] })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', argument: 'labels' }),
    );
  });
});
