import { Rng, isCoresetError } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { describe, expect, it } from 'vitest';
import { RandomProjection } from './random-projection.js';
import type { ProjectionKind } from './random-projection.js';

const KINDS: ProjectionKind[] = ['gaussian', 'rademacher', 'sparse'];

function randomRows(n: number, d: number, seed: number): Matrix<Float64Array> {
  const rng = Rng.fromSeed(seed);
  return { rows: n, cols: d, data: rng.fillNormal(new Float64Array(n * d)) };
}

describe('RandomProjection', () => {
  it('is a pure function of the seed', () => {
    for (const kind of KINDS) {
      const a = RandomProjection.create({ inputDim: 30, outputDim: 7, kind, rng: 3 }).toMatrix();
      const b = RandomProjection.create({
        inputDim: 30,
        outputDim: 7,
        kind,
        rng: Rng.fromSeed(3),
      }).toMatrix();
      const c = RandomProjection.create({ inputDim: 30, outputDim: 7, kind, rng: 4 }).toMatrix();
      expect(Array.from(a.data)).toEqual(Array.from(b.data));
      expect(Array.from(a.data)).not.toEqual(Array.from(c.data));
    }
  });

  it('has the documented entry values', () => {
    const k = 16;
    const rad = RandomProjection.create({
      inputDim: 200,
      outputDim: k,
      kind: 'rademacher',
      rng: 1,
    }).toMatrix();
    expect(new Set(rad.data)).toEqual(new Set([1 / Math.sqrt(k), -1 / Math.sqrt(k)]));
    const sp = RandomProjection.create({
      inputDim: 500,
      outputDim: k,
      kind: 'sparse',
      sparsity: 4,
      rng: 1,
    }).toMatrix();
    const v = Math.sqrt(4 / k);
    expect(new Set(sp.data)).toEqual(new Set([0, v, -v]));
    const nonZero = sp.data.filter((x) => x !== 0).length / sp.data.length;
    // 8000 Bernoulli(1/4) draws: sd ≈ 0.005, so ±0.02 is 4 sd.
    expect(Math.abs(nonZero - 0.25)).toBeLessThan(0.02);
    const ga = RandomProjection.create({ inputDim: 500, outputDim: k, rng: 1 }).toMatrix();
    const meanSq = ga.data.reduce((s, x) => s + x * x, 0) / ga.data.length;
    // E[P²] = 1/k; 8000 χ²₁/k draws: relative sd ≈ √(2/8000) ≈ 0.016.
    expect(Math.abs(meanSq * k - 1)).toBeLessThan(0.07);
  });

  it('preserves squared norms in expectation: mean of ‖Px‖²/‖x‖² over 300 seeds ≈ 1', () => {
    const x = randomRows(1, 64, 7);
    const norm2 = x.data.reduce((s, v) => s + v * v, 0);
    for (const kind of KINDS) {
      let sum = 0;
      for (let seed = 0; seed < 300; seed++) {
        const y = RandomProjection.create({
          inputDim: 64,
          outputDim: 8,
          kind,
          rng: seed,
        }).projectRow(x.data);
        sum += y.reduce((s, v) => s + v * v, 0) / norm2;
      }
      // Each ratio has variance ≈ 2/k = 0.25 (more for sparse); the mean of 300 has sd ≈ 0.03–0.04.
      expect(Math.abs(sum / 300 - 1)).toBeLessThan(0.15);
    }
  });

  it('project equals X Pᵀ, independent of chunking; projectRow agrees', () => {
    const x = randomRows(9, 25, 2);
    for (const kind of KINDS) {
      const p = RandomProjection.create({ inputDim: 25, outputDim: 6, kind, rng: 5 });
      const m = p.toMatrix();
      const expected = new Float64Array(9 * 6);
      for (let i = 0; i < 9; i++) {
        for (let r = 0; r < 6; r++) {
          let s = 0;
          for (let j = 0; j < 25; j++) s += x.data[i * 25 + j] * m.data[r * 25 + j];
          expected[i * 6 + r] = s;
        }
      }
      const progress: number[] = [];
      const y = p.project(x, { chunkRows: 4, onProgress: (e) => progress.push(e.completed) });
      assertAllClose(y.data, expected, { rtol: 1e-12, atol: 1e-14 });
      expect(progress).toEqual([4, 8, 9]);
      expect(Array.from(p.project(x).data)).toEqual(Array.from(y.data));
      expect(Array.from(p.projectRow(x.data.subarray(25, 50)))).toEqual(
        Array.from(y.data.subarray(6, 12)),
      );
    }
  });

  it('validates options and inputs', () => {
    const bad = (options: Record<string, unknown>, code: string, argument: string) => {
      let err: unknown;
      try {
        RandomProjection.create({ inputDim: 4, outputDim: 2, rng: 1, ...options });
      } catch (e) {
        err = e;
      }
      expect(isCoresetError(err)).toBe(true);
      expect([(err as { code: string }).code, (err as { argument: string }).argument]).toEqual([
        code,
        argument,
      ]);
    };
    bad({ outputDim: 0 }, 'OUT_OF_RANGE', 'outputDim');
    bad({ kind: 'cauchy' }, 'INVALID_ARGUMENT', 'kind');
    bad({ rng: 'x' }, 'INVALID_ARGUMENT', 'rng');
    bad({ sparsity: 3 }, 'INVALID_ARGUMENT', 'sparsity');
    bad({ kind: 'sparse', sparsity: 0.5 }, 'OUT_OF_RANGE', 'sparsity');
    bad({ inputDim: 2 ** 20, outputDim: 2 ** 9 }, 'INFEASIBLE', 'outputDim');
    const p = RandomProjection.create({ inputDim: 4, outputDim: 2, rng: 1 });
    expect(() => p.project(randomRows(2, 3, 1))).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    expect(() => p.projectRow([1, 2, 3])).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH', argument: 'x' }),
    );
  });
});
