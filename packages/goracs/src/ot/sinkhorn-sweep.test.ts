import { readFileSync } from 'node:fs';
import { Rng } from '@coresets/core';
import { describe, expect, it } from 'vitest';
// The build script's compiler: the embedded bytes must be exactly the .wat compiled.
import { compileWat } from '../../scripts/compile-wat.mjs';
import { sinkhorn } from './sinkhorn.js';
import { createSweepWorkspace } from './sinkhorn-sweep.js';
import { SINKHORN_KERNELS_WASM_BASE64 } from './wasm/sinkhorn-kernels-wasm.js';

function fill(rng: Rng, x: Float64Array, lo = 0.1, hi = 1): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = lo + (hi - lo) * rng.uniform();
  return x;
}

describe('Sinkhorn sweep engines', () => {
  it('embeds exactly the compiled sinkhorn-kernels.wat', async () => {
    const wat = readFileSync(new URL('./wasm/sinkhorn-kernels.wat', import.meta.url), 'utf8');
    const bytes = await compileWat(wat);
    expect(Buffer.from(bytes).toString('base64')).toBe(SINKHORN_KERNELS_WASM_BASE64);
  });

  // Sizes with n and m odd and even and below 4, so the SIMD tails and the remainder rows all run.
  it.each([
    [1, 1],
    [3, 5],
    [4, 4],
    [7, 9],
    [13, 6],
    [32, 31],
  ])('wasm and js give the same sweep for n = %i, m = %i', (n, m) => {
    const rng = Rng.fromSeed(n * 100 + m);
    const cost = new Float64Array(n * m);
    const wasm = createSweepWorkspace(cost, n, m, 'wasm');
    const js = createSweepWorkspace(cost, n, m, 'js');
    expect([wasm.engine, js.engine]).toEqual(['wasm', 'js']);
    fill(rng, js.K);
    wasm.K.set(js.K);
    fill(rng, js.v);
    wasm.v.set(js.v);
    const u = fill(rng, new Float64Array(n));
    const a = fill(rng, new Float64Array(n));
    for (const l2 of [false, true]) {
      const nextW = new Float64Array(n);
      const nextJ = new Float64Array(n);
      const w = wasm.sweep(u, a, nextW, l2, true);
      const j = js.sweep(u, a, nextJ, l2, true);
      expect(w.ok && j.ok).toBe(true);
      expect(w.error).toBeCloseTo(j.error, 12);
      for (let i = 0; i < n; i++) expect(nextW[i]).toBeCloseTo(nextJ[i], 12);
      for (let c = 0; c < m; c++) expect(wasm.Ktu[c]).toBeCloseTo(js.Ktu[c], 12);
      // Hand check of one column sum: Σ_i K_ic · a_i / (K_i·v).
      let expected = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let c = 0; c < m; c++) s += js.K[i * m + c] * js.v[c];
        expected += (js.K[i * m] * a[i]) / s;
      }
      expect(wasm.Ktu[0]).toBeCloseTo(expected, 12);
    }
  });

  it('builds the Gibbs kernel with an exp within 2 ulp of Math.exp, subnormal and overflow ends included', () => {
    // One row of exp((f + g_j − c_j)/ε) with f = 0, g = 0, ε = 1: exp(−c_j) over a wide grid.
    const xs = [0, 1e-300, -1e-17, 0.5, -0.5, 1, -1, Math.LN2 / 2, -Math.LN2 / 2, 700, 709.7, -700, -708.3, -720, -744, -745.1, -746, -800];
    for (let t = -40; t <= 40; t += 0.0137) xs.push(t);
    const m = xs.length;
    const cost = Float64Array.from(xs, (x) => -x);
    const ws = createSweepWorkspace(cost, 1, m, 'wasm');
    ws.rebuildKernel(new Float64Array(1), new Float64Array(m), 1);
    for (let j = 0; j < m; j++) {
      const want = Math.exp(xs[j]);
      const got = ws.K[j];
      if (want < 2.2250738585072014e-308) {
        // Subnormal results: within a few units of the smallest subnormal.
        expect(Math.abs(got - want)).toBeLessThan(4 * 5e-324);
      } else {
        expect(Math.abs(got - want) / want).toBeLessThan(4.5e-16);
      }
    }
    // With potentials and ε: the same entries as the JS engine's Math.exp.
    const rng = Rng.fromSeed(12);
    const c2 = fill(rng, new Float64Array(5 * 7), 0, 1);
    const f = fill(rng, new Float64Array(5), -0.2, 0.2);
    const g = fill(rng, new Float64Array(7), -0.2, 0.2);
    const w = createSweepWorkspace(c2, 5, 7, 'wasm');
    const j = createSweepWorkspace(c2, 5, 7, 'js');
    w.rebuildKernel(f, g, 0.01);
    j.rebuildKernel(f, g, 0.01);
    for (let k = 0; k < 35; k++) expect(Math.abs(w.K[k] - j.K[k]) / j.K[k]).toBeLessThan(1e-13);
  });

  it('stops updating at a scaling outside the safe range but still measures the whole error', () => {
    for (const engine of ['wasm', 'js'] as const) {
      const ws = createSweepWorkspace(new Float64Array(10), 5, 2, engine);
      ws.K.fill(1);
      ws.K[0] = 0;
      ws.K[1] = 0; // row 0 sums to 0: its scaling a_0 / 0 is infinite
      ws.v.fill(1);
      const u = new Float64Array(5).fill(0.1);
      const a = new Float64Array(5).fill(0.2);
      const out = ws.sweep(u, a, new Float64Array(5), false, true);
      expect(out.ok).toBe(false);
      // Row errors |u·s − a|: 0.2 for the empty row, |0.1·2 − 0.2| = 0 for the others.
      expect(out.error).toBeCloseTo(0.2, 15);
    }
  });

  it('gives the same transport with either engine and rejects an unknown one', () => {
    const rng = Rng.fromSeed(3);
    const cost = { rows: 21, cols: 18, data: fill(rng, new Float64Array(21 * 18), 0, 1) };
    const w = sinkhorn(cost, { epsilon: 0.02, tol: 1e-9, engine: 'wasm' });
    const j = sinkhorn(cost, { epsilon: 0.02, tol: 1e-9, engine: 'js' });
    expect(w.iterations).toBe(j.iterations);
    expect(w.value).toBeCloseTo(j.value, 12);
    expect(() => createSweepWorkspace(new Float64Array(4), 2, 2, 'gpu' as never)).toThrow(/engine must be/);
  });
});

describe('engine choice', () => {
  it("'auto' uses JavaScript for small kernels and wasm for large ones", () => {
    expect(createSweepWorkspace(new Float64Array(100 * 100), 100, 100).engine).toBe('js');
    expect(createSweepWorkspace(new Float64Array(128 * 128), 128, 128).engine).toBe('wasm');
  });
});
