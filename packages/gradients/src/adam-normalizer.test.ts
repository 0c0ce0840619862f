import { Rng, isCoresetError, matrixFromRows } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { describe, expect, it } from 'vitest';
import { AdamNormalizer } from './adam-normalizer.js';

describe('AdamNormalizer', () => {
  it('reproduces the colm.md test vectors', () => {
    const norm = new AdamNormalizer(3);
    const x0 = matrixFromRows([
      [2, -0.5, 0],
      [0.001, -3, 4],
    ]);
    const u0 = norm.transform(x0);
    assertAllClose(u0.data.subarray(0, 3), [1, -1, 0], { atol: 1e-7 });
    assertAllClose(u0.data.subarray(3, 6), [0.99999, -1, 1], { atol: 1e-7 });
    expect(norm.step).toBe(0);
    norm.update(x0, [0]);
    expect(norm.step).toBe(1);
    assertAllClose(norm.m, [0.2, -0.05, 0], { rtol: 1e-15 });
    assertAllClose(norm.v, [0.004, 0.00025, 0], { rtol: 1e-15 });
    const u1 = norm.transform(matrixFromRows([[3, 1, -1]]));
    assertAllClose(u1.data, [0.990807, 0.366104, -0.744137], { atol: 5e-7 });
  });

  it('at step 0 gives sign(x) up to εa/|x| (exactly 0 at x = 0)', () => {
    const rng = Rng.fromSeed(1);
    const x: Matrix<Float64Array> = { rows: 50, cols: 8, data: new Float64Array(400) };
    for (let q = 0; q < 400; q++) x.data[q] = q % 17 === 0 ? 0 : rng.normal() * 10 ** rng.int(6);
    const u = new AdamNormalizer(8).transform(x);
    for (let q = 0; q < 400; q++) {
      const v = x.data[q];
      // Bit for bit the closed form, hence |u| ≤ 1 and |u − sign x| ≤ εa/|x|.
      expect(u.data[q]).toBe(v / (Math.abs(v) + 1e-8));
      expect(Math.abs(u.data[q])).toBeLessThanOrEqual(1);
      if (v !== 0)
        expect(Math.abs(u.data[q] - Math.sign(v))).toBeLessThanOrEqual(
          1e-8 / Math.abs(v) + 2.3e-16,
        );
    }
    // Once εa is below half an ulp of |x| (|x| ≥ 2^27 for εa = 1e-8) the value is ±1 exactly.
    const big = new AdamNormalizer(3).transform(matrixFromRows([[1e9, -1e9, 200000000.5]]));
    expect(Array.from(big.data)).toEqual([1, -1, 1]);
  });

  it('matches an independent float64 recursion over several steps with partial picks', () => {
    const rng = Rng.fromSeed(2);
    const d = 5;
    const norm = new AdamNormalizer(d, { beta1: 0.8, beta2: 0.99, epsilon: 1e-6 });
    const m = new Float64Array(d);
    const v = new Float64Array(d);
    for (let t = 0; t < 6; t++) {
      const x: Matrix<Float64Array> = {
        rows: 4,
        cols: d,
        data: rng.fillNormal(new Float64Array(4 * d)),
      };
      const picks = [t % 4, (t + 2) % 4];
      const u = norm.transform(x);
      const mi = (i: number, j: number) => 0.8 * m[j] + 0.2 * x.data[i * d + j];
      const vi = (i: number, j: number) => 0.99 * v[j] + 0.01 * x.data[i * d + j] ** 2;
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < d; j++) {
          const want =
            mi(i, j) / (1 - 0.8 ** (t + 1)) / (Math.sqrt(vi(i, j) / (1 - 0.99 ** (t + 1))) + 1e-6);
          expect(u.data[i * d + j]).toBeCloseTo(want, 12);
        }
      }
      const nm = Array.from({ length: d }, (_, j) => (mi(picks[0], j) + mi(picks[1], j)) / 2);
      const nv = Array.from({ length: d }, (_, j) => (vi(picks[0], j) + vi(picks[1], j)) / 2);
      norm.update(x, picks);
      m.set(nm);
      v.set(nv);
      assertAllClose(norm.m, m, { rtol: 1e-14, atol: 1e-300 });
      assertAllClose(norm.v, v, { rtol: 1e-14, atol: 1e-300 });
    }
    expect(norm.step).toBe(6);
    const before = norm.toJSON();
    norm.advance();
    expect(norm.step).toBe(7);
    expect({ ...norm.toJSON(), step: 6 }).toEqual(before);
  });

  it('round-trips through JSON bit for bit and continues identically', () => {
    const rng = Rng.fromSeed(3);
    const a = new AdamNormalizer(4);
    const x: Matrix<Float64Array> = {
      rows: 3,
      cols: 4,
      data: rng.fillNormal(new Float64Array(12)),
    };
    a.update(x, [1, 2]);
    a.update(x);
    const b = AdamNormalizer.fromJSON(JSON.parse(JSON.stringify(a)));
    const c = AdamNormalizer.fromJSON(JSON.stringify(a.toJSON()));
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(Array.from(c.transform(x).data)).toEqual(Array.from(a.transform(x).data));
    expect(Array.from(b.m)).toEqual(Array.from(a.m));
    expect(b.step).toBe(2);
  });

  it('validates state, options and inputs', () => {
    const good = new AdamNormalizer(2).toJSON();
    const cases: [unknown, string, string][] = [
      [null, 'PARSE_ERROR', 'state'],
      ['{', 'PARSE_ERROR', 'state'],
      [{ ...good, version: 2 }, 'UNSUPPORTED_FORMAT', 'state.version'],
      [{ ...good, extra: 1 }, 'PARSE_ERROR', 'state.extra'],
      [{ ...good, dim: 0 }, 'PARSE_ERROR', 'state.dim'],
      [{ ...good, step: 1.5 }, 'PARSE_ERROR', 'state.step'],
      [{ ...good, m: [0] }, 'PARSE_ERROR', 'state.m'],
      [{ ...good, v: [0, -1] }, 'PARSE_ERROR', 'state.v'],
      [{ ...good, m: [0, 'a'] }, 'PARSE_ERROR', 'state.m'],
      [{ ...good, beta1: 1 }, 'OUT_OF_RANGE', 'beta1'],
      [{ ...good, epsilon: '1' }, 'PARSE_ERROR', 'state.epsilon'],
    ];
    for (const [state, code, argument] of cases) {
      let err: unknown;
      try {
        AdamNormalizer.fromJSON(state);
      } catch (e) {
        err = e;
      }
      expect(isCoresetError(err)).toBe(true);
      expect([(err as { code: string }).code, (err as { argument: string }).argument]).toEqual([
        code,
        argument,
      ]);
    }
    expect(() => new AdamNormalizer(0)).toThrow(expect.objectContaining({ argument: 'dim' }));
    expect(() => new AdamNormalizer(2, { epsilon: 0 })).toThrow(
      expect.objectContaining({ argument: 'epsilon' }),
    );
    expect(() => new AdamNormalizer(2, { beta: 0.9 } as never)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
    const n = new AdamNormalizer(2);
    expect(() => n.transform(matrixFromRows([[1, 2, 3]]))).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    expect(() => n.update(matrixFromRows([[1, 2]]), [])).toThrow(
      expect.objectContaining({ argument: 'rows' }),
    );
    expect(() => n.update(matrixFromRows([[1, 2]]), [1])).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    expect(n.step).toBe(0);
  });
});
