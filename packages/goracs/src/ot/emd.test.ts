import { Rng, isCoresetError, matrixFrom, matrixFromRows } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { otCertificate } from './certificate.js';
import { emd } from './emd.js';

function randomCost(
  rng: Rng,
  n: number,
  m: number,
  kind: 'uniform' | 'integer' | 'points',
): Matrix<Float64Array> {
  const data = new Float64Array(n * m);
  if (kind === 'points') {
    const x = Array.from({ length: n }, () => [rng.uniform(), rng.uniform()]);
    const y = Array.from({ length: m }, () => [rng.uniform(), rng.uniform()]);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++)
        data[i * m + j] = Math.hypot(x[i][0] - y[j][0], x[i][1] - y[j][1]);
    }
  } else {
    // Small integers create many ties, i.e. degenerate bases.
    for (let k = 0; k < n * m; k++) data[k] = kind === 'integer' ? rng.int(4) : rng.uniform();
  }
  return matrixFrom(data, n, m);
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) {
    for (let k = 0; k <= p.length; k++) out.push([...p.slice(0, k), n - 1, ...p.slice(k)]);
  }
  return out;
}

/** Independent reference: O(n³) Hungarian algorithm (shortest augmenting paths with potentials). */
function hungarian(cost: number[][]): number {
  const n = cost.length;
  const INF = Infinity;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(INF);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j] === 0) {
          const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j] === 1) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) total += cost[p[j] - 1][j - 1];
  return total;
}

/** Uniform OT as an assignment problem: row i repeated rowRep times, column j colRep times. */
function expandedAssignment(c: Matrix, rowRep: number[], colRep: number[]): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < c.rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < c.cols; j++)
      for (let r = 0; r < colRep[j]; r++) row.push(c.data[i * c.cols + j]);
    for (let r = 0; r < rowRep[i]; r++) rows.push(row);
  }
  return rows;
}

function gcd(x: number, y: number): number {
  return y === 0 ? x : gcd(y, x % y);
}

function expectCertified(
  c: Matrix,
  res: ReturnType<typeof emd>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  tol = 1e-12,
) {
  const cert = otCertificate(c, res.plan, res.u, res.v, a, b);
  expect(cert.primalResidual).toBeLessThanOrEqual(1e-12);
  expect(cert.dualViolation).toBeLessThanOrEqual(tol);
  expect(cert.slackness).toBeLessThanOrEqual(tol);
  expect(cert.gap).toBeLessThanOrEqual(tol * Math.max(1, res.value));
  expect(Math.abs(cert.primalValue - res.value)).toBeLessThanOrEqual(
    1e-12 * Math.max(1, res.value),
  );
}

const uniform = (n: number) => new Float64Array(n).fill(1 / n);

describe('emd', () => {
  it('solves the spec vector [[4,1,3],[2,0,5],[3,2,2]] → 5/3', () => {
    const c = matrixFromRows([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    const res = emd(c);
    expect(res.value).toBeCloseTo(5 / 3, 14);
    expect(res.exact).toBe(true);
    expectCertified(c, res, uniform(3), uniform(3));
  });

  it('solves the 1-D spec vector S = {0, 1}, V = {0, 2, 3}, |x − y| → 7/6', () => {
    const xs = [0, 1];
    const ys = [0, 2, 3];
    const c = matrixFromRows(xs.map((x) => ys.map((y) => Math.abs(x - y))));
    const res = emd(c);
    expect(res.value).toBeCloseTo(7 / 6, 14);
    expectCertified(c, res, uniform(2), uniform(3));
  });

  it('gives the spec duals for the POO vector {2, 3}', () => {
    const c = matrixFromRows([
      [0.2, 0, 0.8],
      [1, 0.8, 0],
    ]);
    const res = emd(c);
    expect(res.value).toBeCloseTo(0.2, 14);
    expect(Array.from(res.u)).toEqual([expect.closeTo(-0.3, 12), expect.closeTo(0.5, 12)]);
    expect(Array.from(res.v)).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(0.3, 12),
      expect.closeTo(-0.5, 12),
    ]);
  });

  it('equals brute force over all permutations for n = M ≤ 7', () => {
    const rng = Rng.fromSeed(11);
    for (let n = 1; n <= 7; n++) {
      const perms = permutations(n);
      for (const kind of ['uniform', 'integer', 'points'] as const) {
        const reps = n <= 5 ? 6 : 2;
        for (let t = 0; t < reps; t++) {
          const c = randomCost(rng, n, n, kind);
          let best = Infinity;
          for (const p of perms) {
            let s = 0;
            for (let i = 0; i < n; i++) s += c.data[i * n + p[i]];
            best = Math.min(best, s / n);
          }
          const res = emd(c);
          expect(Math.abs(res.value - best)).toBeLessThanOrEqual(1e-12);
          expectCertified(c, res, uniform(n), uniform(n));
        }
      }
    }
  });

  it('equals the Hungarian optimum of the expanded assignment on random rectangular problems (n, M ≤ 12)', () => {
    const rng = Rng.fromSeed(12);
    for (let t = 0; t < 60; t++) {
      const n = 1 + rng.int(12);
      const m = 1 + rng.int(12);
      const kind = (['uniform', 'integer', 'points'] as const)[t % 3];
      const c = randomCost(rng, n, m, kind);
      const q = gcd(n, m);
      const big = expandedAssignment(c, Array<number>(n).fill(m / q), Array<number>(m).fill(n / q));
      const ref = hungarian(big) / big.length;
      const res = emd(c);
      expect(Math.abs(res.value - ref)).toBeLessThanOrEqual(1e-12);
      expectCertified(c, res, uniform(n), uniform(m));
    }
  });

  it('handles general (integer-weighted) marginals like the expanded assignment', () => {
    const rng = Rng.fromSeed(13);
    for (let t = 0; t < 40; t++) {
      const n = 1 + rng.int(6);
      const m = 1 + rng.int(6);
      const c = randomCost(rng, n, m, t % 2 === 0 ? 'integer' : 'uniform');
      // Row weights 1..3; column weights drawn to the same total.
      const a = Array.from({ length: n }, () => 1 + rng.int(3));
      const total = a.reduce((s, x) => s + x, 0);
      const b = Array<number>(m).fill(0);
      for (let k = 0; k < total; k++) b[k < m ? k : rng.int(m)]++;
      if (b.some((x) => x === 0)) continue;
      const ref = hungarian(expandedAssignment(c, a, b));
      const res = emd(c, { a, b });
      expect(Math.abs(res.value - ref)).toBeLessThanOrEqual(1e-12 * Math.max(1, ref));
      expectCertified(c, res, a, b, 1e-11);
    }
  });

  it('certifies random float marginals', () => {
    const rng = Rng.fromSeed(14);
    for (let t = 0; t < 30; t++) {
      const n = 1 + rng.int(15);
      const m = 1 + rng.int(15);
      const c = randomCost(rng, n, m, 'points');
      const a = Array.from({ length: n }, () => 0.1 + rng.uniform());
      const sa = a.reduce((s, x) => s + x, 0);
      const b0 = Array.from({ length: m }, () => 0.1 + rng.uniform());
      const sb = b0.reduce((s, x) => s + x, 0);
      const b = b0.map((x) => (x * sa) / sb);
      const res = emd(c, { a, b });
      expectCertified(c, res, a, b, 1e-12);
    }
  });

  it('matches ∫|CDF_S − CDF_V| for 1-D point sets', () => {
    const rng = Rng.fromSeed(15);
    for (let t = 0; t < 20; t++) {
      const n = 1 + rng.int(10);
      const m = 1 + rng.int(10);
      const xs = Array.from({ length: n }, () => rng.int(20) / 4);
      const ys = Array.from({ length: m }, () => rng.int(20) / 4);
      const c = matrixFromRows(xs.map((x) => ys.map((y) => Math.abs(x - y))));
      const pts = [...new Set([...xs, ...ys])].sort((p, q) => p - q);
      let w1 = 0;
      for (let k = 0; k + 1 < pts.length; k++) {
        const fs = xs.filter((x) => x <= pts[k]).length / n;
        const fv = ys.filter((y) => y <= pts[k]).length / m;
        w1 += Math.abs(fs - fv) * (pts[k + 1] - pts[k]);
      }
      expect(Math.abs(emd(c).value - w1)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('stays certified on a larger degenerate problem and restarts from a warm basis', () => {
    const rng = Rng.fromSeed(16);
    const c = randomCost(rng, 40, 70, 'integer');
    const cold = emd(c);
    expectCertified(c, cold, uniform(40), uniform(70));
    // Same costs: the warm basis is already optimal.
    const again = emd(c, { warmStart: cold.basis });
    expect(again.iterations).toBe(0);
    expect(again.value).toBe(cold.value);
    // Changed costs: warm and cold runs reach the same optimum.
    const c2 = randomCost(rng, 40, 70, 'uniform');
    const warm = emd(c2, { warmStart: cold.basis });
    expect(Math.abs(warm.value - emd(c2).value)).toBeLessThanOrEqual(1e-12);
    expectCertified(c2, warm, uniform(40), uniform(70));
  });

  it('handles negative, large and constant costs', () => {
    const rng = Rng.fromSeed(19);
    for (const [shift, mult] of [
      [-0.5, 1],
      [-3e5, 1e6],
      [7, 0],
    ]) {
      const c = randomCost(rng, 6, 9, 'uniform');
      for (let k = 0; k < c.data.length; k++) c.data[k] = shift + mult * c.data[k];
      const res = emd(c);
      const q = gcd(6, 9);
      const ref =
        hungarian(
          expandedAssignment(c, Array<number>(6).fill(9 / q), Array<number>(9).fill(6 / q)),
        ) /
        (54 / q);
      const tol = 1e-12 * Math.max(1, Math.abs(shift) + mult);
      expect(Math.abs(res.value - ref)).toBeLessThanOrEqual(tol);
      const cert = otCertificate(c, res.plan, res.u, res.v, uniform(6), uniform(9));
      expect(cert.dualViolation).toBeLessThanOrEqual(tol);
      expect(cert.slackness).toBeLessThanOrEqual(tol);
      expect(cert.gap).toBeLessThanOrEqual(tol);
    }
  });

  it('accepts float32 costs', () => {
    const c64 = randomCost(Rng.fromSeed(18), 9, 13, 'uniform');
    const c32 = matrixFrom(Float32Array.from(c64.data), 9, 13);
    const exact32 = matrixFrom(Float64Array.from(c32.data), 9, 13);
    expect(emd(c32).value).toBe(emd(exact32).value);
  });

  it('throws rather than returning a non-optimal value when the pivot cap is hit', () => {
    const c = randomCost(Rng.fromSeed(17), 20, 20, 'uniform');
    expect(() => emd(c, { maxIterations: 2 })).toThrowError(/maxIterations/);
  });

  it('rejects bad input with CoresetError naming the argument', () => {
    const c = matrixFromRows([
      [1, 2],
      [3, 4],
    ]);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isCoresetError(e) ? `${e.code}:${e.argument}` : 'other';
      }
      return 'none';
    };
    expect(code(() => emd(c, { a: [1, 1], b: [1, 2] }))).toBe('INVALID_ARGUMENT:b');
    expect(code(() => emd(c, { a: [1, 0] }))).toBe('INVALID_ARGUMENT:a');
    expect(code(() => emd(c, { a: [1] }))).toBe('SHAPE_MISMATCH:a');
    expect(code(() => emd(matrixFromRows([[1, NaN]])))).toBe('NON_FINITE:cost');
    expect(code(() => emd(c, { bogus: 1 } as never))).toBe('UNKNOWN_OPTION:bogus');
    const other = emd(matrixFromRows([[1, 2, 3]]));
    expect(code(() => emd(c, { warmStart: other.basis }))).toBe('SHAPE_MISMATCH:warmStart');
  });
});
