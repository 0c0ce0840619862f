import { isCoresetError } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDynamicsRecorder, type DynamicsBatch } from './dynamics-recorder.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isCoresetError(e)) return `${e.code}:${e.argument}`;
    throw e;
  }
  return undefined;
}

/** One example per batch: label 0, three classes. */
function single(epoch: number, probs: number[], id = 0, label = 0): DynamicsBatch {
  return {
    ids: Int32Array.of(id),
    labels: Int32Array.of(label),
    probs: Float64Array.from(probs),
    epoch,
  };
}

describe('createDynamicsRecorder', () => {
  it('matches the hand-made 3-epoch log of the spec', () => {
    const rec = createDynamicsRecorder({ numExamples: 1, numClasses: 3, numEpochs: 3 });
    rec.onBatch(single(0, [0.6, 0.3, 0.1])); // correct
    rec.onBatch(single(1, [0.3, 0.5, 0.2])); // wrong → forgotten once
    rec.onBatch(single(2, [0.8, 0.1, 0.1])); // correct
    const s = rec.finish();
    assertAllClose(s.aum.values, [0.8], { rtol: 1e-12 });
    expect(Array.from(s.forgetting.values)).toEqual([1]);
    expect(Array.from(s.correctness.values)).toEqual([2]);
    // E = 3 → EL2N window max(1, ⌊0.15⌋) = 1 epoch: ‖(0.6, 0.3, 0.1) − (1, 0, 0)‖ = √0.26
    expect(s.el2nEpochs).toBe(1);
    assertAllClose(s.el2n.values, [Math.sqrt(0.26)], { rtol: 1e-12 });
    expect([s.aum.hard, s.forgetting.hard, s.correctness.hard, s.el2n.hard]).toEqual([
      'low',
      'high',
      'low',
      'high',
    ]);
    expect(s.entropy).toBeUndefined();
    expect(s.neverLearnedCount).toBe(0);
  });

  it('ranks never-learned examples as most forgotten unless asked for the reference behaviour', () => {
    const feed = (neverLearned: 'hardest' | 'zero'): Float64Array => {
      const rec = createDynamicsRecorder({
        numExamples: 2,
        numClasses: 2,
        numEpochs: 4,
        neverLearned,
      });
      const learnedThenForgotten = [
        [0.9, 0.1],
        [0.1, 0.9],
        [0.9, 0.1],
        [0.2, 0.8],
      ];
      for (let e = 0; e < 4; e++) {
        rec.onBatch({
          ids: Int32Array.of(1, 0),
          labels: Int32Array.of(0, 0),
          probs: Float32Array.from([...learnedThenForgotten[e], 0.3, 0.7]),
          epoch: e,
        });
      }
      const s = rec.finish();
      expect(s.neverLearnedCount).toBe(1);
      return s.forgetting.values;
    };
    expect(Array.from(feed('hardest'))).toEqual([3, 2]);
    expect(Array.from(feed('zero'))).toEqual([0, 2]);
  });

  it('counts a tie in the argmax as the first maximal class', () => {
    const rec = createDynamicsRecorder({ numExamples: 2, numClasses: 2, numEpochs: 1 });
    rec.onBatch({
      ids: [0, 1],
      labels: [0, 1],
      probs: Float64Array.of(0.5, 0.5, 0.5, 0.5),
      epoch: 0,
    });
    expect(Array.from(rec.finish().correctness.values)).toEqual([1, 0]);
  });

  it('averages logit margins when aumMargin is logit', () => {
    const rec = createDynamicsRecorder({
      numExamples: 1,
      numClasses: 3,
      numEpochs: 2,
      aumMargin: 'logit',
    });
    rec.onBatch({ ...single(0, [0.6, 0.3, 0.1]), logits: Float64Array.of(2, 1, -1) });
    rec.onBatch({ ...single(1, [0.3, 0.5, 0.2]), logits: Float64Array.of(0, 3, 0.5) });
    assertAllClose(rec.finish().aum.values, [(1 + -3) / 2], { rtol: 1e-12 });
    const missing = createDynamicsRecorder({
      numExamples: 1,
      numClasses: 3,
      numEpochs: 1,
      aumMargin: 'logit',
    });
    expect(codeOf(() => missing.onBatch(single(0, [0.6, 0.3, 0.1])))).toBe('MISSING_OPTION:logits');
  });

  it('sums EL2N over the first 5% of epochs (at least one)', () => {
    const rec = createDynamicsRecorder({ numExamples: 1, numClasses: 2, numEpochs: 40 });
    for (let e = 0; e < 40; e++) rec.onBatch(single(e, e < 2 ? [0.5, 0.5] : [1, 0]));
    const s = rec.finish();
    expect(s.el2nEpochs).toBe(2);
    assertAllClose(s.el2n.values, [2 * Math.SQRT1_2], { rtol: 1e-12 });
    const custom = createDynamicsRecorder({
      numExamples: 1,
      numClasses: 2,
      numEpochs: 2,
      el2nEpochs: 2,
    });
    custom.onBatch(single(0, [0, 1]));
    custom.onBatch(single(1, [0, 1]));
    assertAllClose(custom.finish().el2n.values, [2 * Math.SQRT2], { rtol: 1e-12 });
  });

  it('scores the final model with entropy and loss', () => {
    const rec = createDynamicsRecorder({ numExamples: 2, numClasses: 2, numEpochs: 1 });
    rec.onBatch({
      ids: [1, 0],
      labels: [1, 0],
      probs: Float64Array.of(0.5, 0.5, 0.5, 0.5),
      epoch: 0,
    });
    const s = rec.finish({ finalProbs: Float64Array.of(0.25, 0.75, 0.5, 0.5) });
    const h = (p: number[]): number => -p.reduce((a, q) => a + q * Math.log(q + 1e-10), 0);
    assertAllClose(s.entropy!.values, [h([0.25, 0.75]), h([0.5, 0.5])], { rtol: 1e-12 });
    // example 0 has label 0 (p = 0.25), example 1 label 1 (p = 0.5)
    assertAllClose(s.loss!.values, [-Math.log(0.25 + 1e-10), -Math.log(0.5 + 1e-10)], {
      rtol: 1e-12,
    });
    expect([s.entropy!.hard, s.loss!.hard]).toEqual(['high', 'high']);
  });

  it('uses exact log-softmax when final logits are given', () => {
    const rec = createDynamicsRecorder({ numExamples: 1, numClasses: 2, numEpochs: 1 });
    rec.onBatch(single(0, [0.9, 0.1]));
    const s = rec.finish({ finalLogits: Float64Array.of(0, 200) });
    // p_0 underflows to 0 in float64; the exact loss is 200 + log(1 + e^-200) ≈ 200
    assertAllClose(s.loss!.values, [200], { rtol: 1e-12 });
  });

  it('rejects malformed batches without changing any accumulator', () => {
    const rec = createDynamicsRecorder({ numExamples: 3, numClasses: 2, numEpochs: 2 });
    const ok = {
      ids: [0, 1],
      labels: [0, 1],
      probs: Float64Array.of(0.9, 0.1, 0.2, 0.8),
      epoch: 0,
    };
    expect(codeOf(() => rec.onBatch({ ...ok, ids: [0, 3] }))).toBe('OUT_OF_RANGE:ids');
    expect(codeOf(() => rec.onBatch({ ...ok, ids: [1, 1] }))).toBe('INVALID_ARGUMENT:ids');
    expect(codeOf(() => rec.onBatch({ ...ok, labels: [0, 2] }))).toBe('OUT_OF_RANGE:labels');
    expect(codeOf(() => rec.onBatch({ ...ok, probs: Float64Array.of(1, 0) }))).toBe(
      'SHAPE_MISMATCH:probs',
    );
    expect(codeOf(() => rec.onBatch({ ...ok, probs: Float64Array.of(1, 0, Number.NaN, 1) }))).toBe(
      'NON_FINITE:probs',
    );
    expect(codeOf(() => rec.onBatch({ ...ok, epoch: 2 }))).toBe('OUT_OF_RANGE:epoch');
    rec.onBatch(ok);
    expect(codeOf(() => rec.onBatch({ ...ok, ids: [1, 2], labels: [1, 0] }))).toBe(
      'INVALID_ARGUMENT:ids',
    );
    rec.onBatch({ ids: [2], labels: [0], probs: Float64Array.of(0.4, 0.6), epoch: 0 });
    expect(codeOf(() => rec.finish())).toBe('INFEASIBLE:numEpochs');
    expect(codeOf(() => rec.onBatch({ ...ok, labels: [1, 1], epoch: 1 }))).toBe(
      'INVALID_ARGUMENT:labels',
    );
    rec.onBatch({
      ids: [2, 1, 0],
      labels: [0, 1, 0],
      probs: Float64Array.of(0.6, 0.4, 0.3, 0.7, 0.1, 0.9),
      epoch: 1,
    });
    expect(codeOf(() => rec.onBatch({ ...ok, epoch: 0 }))).toBe('INVALID_ARGUMENT:epoch');
    expect(rec.currentEpoch).toBe(1);
    const s = rec.finish();
    assertAllClose(s.aum.values, [0.8 - 0.8, 0.6 + 0.4, -0.2 + 0.2], { rtol: 1e-12, atol: 1e-15 });
    expect(Array.from(s.forgetting.values)).toEqual([1, 0, 0]);
    expect(codeOf(() => rec.finish({ finalProbs: Float64Array.of(1, 0) }))).toBe(
      'SHAPE_MISMATCH:finalProbs',
    );
  });

  it('validates its construction options', () => {
    expect(
      codeOf(() => createDynamicsRecorder({ numExamples: 0, numClasses: 2, numEpochs: 1 })),
    ).toBe('OUT_OF_RANGE:numExamples');
    expect(
      codeOf(() => createDynamicsRecorder({ numExamples: 1, numClasses: 1, numEpochs: 1 })),
    ).toBe('OUT_OF_RANGE:numClasses');
    expect(
      codeOf(() =>
        createDynamicsRecorder({ numExamples: 1, numClasses: 2, numEpochs: 3, el2nEpochs: 4 }),
      ),
    ).toBe('OUT_OF_RANGE:el2nEpochs');
  });

  it('agrees with scores recomputed from a full log', () => {
    const logArb = fc
      .record({
        n: fc.integer({ min: 1, max: 12 }),
        c: fc.integer({ min: 2, max: 4 }),
        e: fc.integer({ min: 1, max: 25 }),
        seed: fc.integer(),
      })
      .chain(({ n, c, e }) =>
        fc.record({
          n: fc.constant(n),
          c: fc.constant(c),
          e: fc.constant(e),
          labels: fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
          raw: fc.array(fc.integer({ min: 1, max: 9 }), {
            minLength: n * c * e,
            maxLength: n * c * e,
          }),
          orders: fc.array(
            fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
            {
              minLength: e,
              maxLength: e,
            },
          ),
        }),
      );
    fc.assert(
      fc.property(logArb, ({ n, c, e, labels, raw, orders }) => {
        // probs[epoch][example] — integer weights normalised, so ties in the argmax occur
        const probs = (ep: number, i: number): number[] => {
          const w = raw.slice((ep * n + i) * c, (ep * n + i + 1) * c);
          const sum = w.reduce((a, b) => a + b, 0);
          return w.map((v) => v / sum);
        };
        const rec = createDynamicsRecorder({ numExamples: n, numClasses: c, numEpochs: e });
        for (let ep = 0; ep < e; ep++) {
          const order = orders[ep];
          const half = Math.ceil(order.length / 2);
          for (const part of [order.slice(0, half), order.slice(half)]) {
            if (part.length === 0) continue;
            rec.onBatch({
              ids: Int32Array.from(part),
              labels: part.map((i) => labels[i]),
              probs: Float32Array.from(part.flatMap((i) => probs(ep, i))),
              epoch: ep,
            });
          }
        }
        const s = rec.finish();
        const el2nEpochs = Math.max(1, Math.floor(0.05 * e + 1e-9));
        for (let i = 0; i < n; i++) {
          const y = labels[i];
          let aum = 0;
          let el2n = 0;
          let correct = 0;
          let forgot = 0;
          let prev = false;
          for (let ep = 0; ep < e; ep++) {
            // the recorder sees float32 probabilities; recompute from the same values
            const p = Array.from(Float32Array.from(probs(ep, i)));
            const others = p.filter((_, k) => k !== y);
            aum += p[y] - Math.max(...others);
            const pred = p.indexOf(Math.max(...p));
            const now = pred === y;
            if (prev && !now) forgot++;
            if (now) correct++;
            prev = now;
            if (ep < el2nEpochs) el2n += Math.hypot(...p.map((v, k) => v - (k === y ? 1 : 0)));
          }
          expect(s.aum.values[i]).toBeCloseTo(aum, 10);
          expect(s.el2n.values[i]).toBeCloseTo(el2n, 10);
          expect(s.correctness.values[i]).toBe(correct);
          const maxForgot = Math.max(
            ...Array.from({ length: n }, (_, j) =>
              s.correctness.values[j] === 0 ? 0 : s.forgetting.values[j],
            ),
          );
          expect(s.forgetting.values[i]).toBe(correct === 0 ? maxForgot + 1 : forgot);
        }
      }),
      { seed: 31337, numRuns: 120 },
    );
  });
});
