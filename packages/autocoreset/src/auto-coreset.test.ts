import { describe, expect, it } from 'vitest';
import { matrixFrom } from '@coresets/core';
import type { ProgressEvent } from '@coresets/core';
import { twoGaussians } from './__fixtures__/synthetic.js';
import { autoCoreset } from './auto-coreset.js';
import { coresetEpsilon, fitFullData, fitOnCoreset, problemCost } from './evaluate.js';
import { logisticRegressionProblem } from './problems/logistic-regression.js';
import type { CoresetProblem, LinearSolution } from './problems/problem.js';
import { uniformCoreset } from './uniform-coreset.js';

describe('autoCoreset', () => {
  const { x, y } = twoGaussians(600, 3, 1, { positive: 0.15 });

  it('logistic + Caratheodory: per-class budgets, unique ascending indices, positive weights, low ε', async () => {
    const result = await autoCoreset({
      data: x,
      labels: y,
      problem: 'logistic',
      size: 40,
      seed: 3,
    });
    const { indices, weights, meta } = result;
    expect(meta.classBudgets).toHaveLength(2);
    const ids = Array.from(indices);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(weights.every((w) => w > 0)).toBe(true);
    for (let c = 0; c < 2; c++) {
      expect(ids.filter((i) => y[i] === c).length).toBeLessThanOrEqual(meta.classBudgets[c]);
    }
    expect(meta.costHistory).toHaveLength(meta.queries);
    expect(meta.queries).toBe(3 + meta.rounds);
    expect(meta.bestCost).toBe(Math.min(...meta.costHistory.slice(3)));
    expect(meta.bestCost).toBeCloseTo(problemCost('logistic', x, y, meta.solution), 9);
    const full = fitFullData('logistic', x, y);
    const eps = coresetEpsilon('logistic', x, y, meta.solution, full);
    expect(eps).toBeGreaterThanOrEqual(-1e-9);
    // Same seed, budgeted uniform baseline: AutoCoreset must do far better (measured: ~1e-4 vs ~0.1).
    const base = uniformCoreset({ data: x, labels: y, problem: 'logistic', size: 40, seed: 3 });
    const epsBase = coresetEpsilon('logistic', x, y, base.meta.solution, full);
    expect(eps).toBeLessThan(0.02);
    expect(eps).toBeLessThan(epsBase);
  });

  it('Caratheodory in the loop: the returned coreset reproduces every loss column it was built from', async () => {
    const builtin = logisticRegressionProblem();
    const columns: Float64Array[] = [];
    const recording: CoresetProblem<LinearSolution> = {
      labelKind: 'binary',
      fit: (px, py, w, ctx) => builtin.fit(px, py, w, ctx),
      loss: (px, py, sol, w) => {
        const col = Float64Array.from(builtin.loss(px, py, sol, w));
        columns.push(col);
        return col;
      },
    };
    const r = await autoCoreset({ data: x, labels: y, problem: recording, size: 40, seed: 9 });
    const used = 3 + r.meta.bestRound - 1;
    for (let j = 0; j < used; j++) {
      let full = 0;
      for (const v of columns[j]) full += v;
      let approx = 0;
      r.indices.forEach((i, k) => (approx += r.weights[k] * columns[j][i]));
      expect(Math.abs(approx - full) / full).toBeLessThan(1e-6);
    }
  });

  it('is deterministic per seed, and meta.solution is the fit on the returned weighted coreset', async () => {
    const r = await autoCoreset({
      data: x,
      labels: y,
      problem: 'svm',
      size: 30,
      summarizer: 'importance',
      seed: 4,
    });
    expect(r.meta.stopReason).toBe('patience');
    const refit = fitOnCoreset<LinearSolution>('svm', x, y, r);
    const sol = r.meta.solution as LinearSolution;
    Array.from(sol.theta).forEach((v, j) => expect(refit.theta[j]).toBeCloseTo(v, 12));
    expect(refit.bias).toBeCloseTo(sol.bias, 12);
    const again = await autoCoreset({
      data: x,
      labels: y,
      problem: 'svm',
      size: 30,
      summarizer: 'importance',
      seed: 4,
    });
    expect(Array.from(again.indices)).toEqual(Array.from(r.indices));
    expect(Array.from(again.weights)).toEqual(Array.from(r.weights));
    expect(again.meta.costHistory).toEqual(r.meta.costHistory);
  });

  it('spec patience vector: column sums 10, 12, 11 then 9, 9.5, 9.2, 10, 9.1, 9.05 → 6 coresets, first returned', async () => {
    const script = [10, 12, 11, 9, 9.5, 9.2, 10, 9.1, 9.05, 1];
    const n = 20;
    const seen: { rows: number[]; weights: number[] }[] = [];
    const problem: CoresetProblem<number> = {
      name: 'scripted',
      fit: (px, _y, w) => {
        seen.push({ rows: Array.from(px.data), weights: Array.from(w) });
        return seen.length - 1;
      },
      loss: (_px, _y, k) => new Float64Array(n).fill(script[k] / n),
    };
    const data = { rows: n, cols: 1, data: Float64Array.from({ length: n }, (_, i) => i) };
    const r = await autoCoreset({ data, problem, size: 5, summarizer: 'uniform', seed: 1 });
    expect(r.meta.rounds).toBe(6);
    expect(r.meta.stopReason).toBe('patience');
    expect(r.meta.bestRound).toBe(1);
    expect(r.meta.bestCost).toBeCloseTo(9, 12);
    expect(r.meta.solution).toBe(3);
    expect(Array.from(r.indices)).toEqual(seen[3].rows);
    expect(Array.from(r.weights)).toEqual(seen[3].weights);
    r.meta.costHistory.forEach((c, k) => expect(c).toBeCloseTo(script[k], 12));
  });

  it('k-means and linear regression run as one group; input weights scale the output, zeros never appear', async () => {
    const w = Float64Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? 0 : 2));
    const r = await autoCoreset({
      data: x,
      problem: 'kmeans',
      k: 2,
      size: 20,
      weights: w,
      summarizer: 'best-of-k',
      seed: 5,
    });
    expect(r.meta.classBudgets).toEqual([20]);
    expect(Array.from(r.indices).every((i) => w[i] > 0)).toBe(true);
    expect(r.indices.length).toBeLessThanOrEqual(20);
    // best-of-k multipliers are count·n₊/m with n₊ = 400 positive-weight points, times w⁰ = 2.
    for (const u of r.weights) expect(Math.abs(u / 40 - Math.round(u / 40))).toBeLessThan(1e-9);
    const lin = await autoCoreset({ data: x, labels: y, problem: 'linear', size: 12, seed: 6 });
    expect(lin.indices.length).toBeLessThanOrEqual(12);
    expect(['patience', 'caratheodory-budget']).toContain(lin.meta.stopReason);
  });

  it('reports progress and honours an AbortSignal', async () => {
    const events: ProgressEvent[] = [];
    await autoCoreset({
      data: x,
      labels: y,
      problem: 'logistic',
      size: 40,
      summarizer: 'uniform',
      onProgress: (e) => events.push(e),
    });
    expect(events.slice(0, 3).map((e) => e.phase)).toEqual(['initial', 'initial', 'initial']);
    expect(events.at(-1)!.phase).toBe('round');
    const controller = new AbortController();
    const run = autoCoreset({
      data: x,
      labels: y,
      problem: 'logistic',
      size: 40,
      summarizer: 'uniform',
      signal: controller.signal,
      onProgress: (e) => {
        if (e.phase === 'round') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it("labelKind 'classes': one budget per class id, each class summarised separately", async () => {
    // Three classes; the problem fits one weighted mean per class and costs w·‖x − mean_y‖².
    const labels = Float64Array.from({ length: 600 }, (_, i) =>
      i % 10 === 0 ? 2 : i % 3 === 0 ? 1 : 0,
    );
    const means: CoresetProblem<Float64Array> = {
      labelKind: 'classes',
      fit: (px, py, w) => {
        const out = new Float64Array(9);
        const tot = new Float64Array(3);
        for (let i = 0; i < px.rows; i++) {
          const c = py![i];
          tot[c] += w[i];
          for (let j = 0; j < 3; j++) out[c * 3 + j] += w[i] * px.data[i * 3 + j];
        }
        return out.map((v, k) => (tot[Math.floor(k / 3)] > 0 ? v / tot[Math.floor(k / 3)] : 0));
      },
      loss: (px, py, m, w) =>
        Array.from({ length: px.rows }, (_, i) => {
          let d = 0;
          for (let j = 0; j < 3; j++) d += (px.data[i * 3 + j] - m[py![i] * 3 + j]) ** 2;
          return w[i] * d;
        }),
    };
    const r = await autoCoreset({
      data: x,
      labels,
      problem: means,
      size: 60,
      summarizer: 'importance',
      seed: 8,
    });
    expect(r.meta.classBudgets).toHaveLength(3);
    expect(r.meta.classBudgets.reduce((a, b) => a + b, 0)).toBe(60);
    for (let c = 0; c < 3; c++) {
      const inClass = Array.from(r.indices).filter((i) => labels[i] === c);
      expect(inClass.length).toBeGreaterThan(0);
      expect(inClass.length).toBeLessThanOrEqual(r.meta.classBudgets[c]);
    }
  });

  it('README example: a custom weighted 1-median problem', async () => {
    const median: CoresetProblem<number> = {
      name: 'median',
      labelKind: 'none',
      fit: (px, _y, w) => {
        const order = Array.from(px.data.keys()).sort((a, b) => px.data[a] - px.data[b]);
        let acc = 0;
        const half = w.reduce((a, b) => a + b, 0) / 2;
        for (const i of order) if ((acc += w[i]) >= half) return px.data[i];
        return px.data[order.at(-1)!];
      },
      loss: (px, _y, q, w) => Array.from(px.data, (v, i) => w[i] * Math.abs(v - q)),
    };
    const myColumn = matrixFrom(
      Float64Array.from({ length: 500 }, (_, i) => (i * 37) % 101),
      500,
      1,
    );
    const r = await autoCoreset({
      data: myColumn,
      problem: median,
      size: 20,
      summarizer: 'importance',
    });
    expect(r.meta.problem).toBe('median');
    expect(r.indices.length).toBeLessThanOrEqual(20);
    // The values are 0..100 about evenly, so the true median is 50; the coreset's is close.
    expect(Math.abs(r.meta.solution - 50)).toBeLessThanOrEqual(10);
  });

  it('validates its inputs with CoresetError codes naming the argument', async () => {
    await expect(
      autoCoreset({ data: x, labels: y, problem: 'kmeans', size: 10 }),
    ).rejects.toMatchObject({ argument: 'labels' });
    await expect(autoCoreset({ data: x, problem: 'logistic', size: 10 })).rejects.toMatchObject({
      code: 'MISSING_OPTION',
      argument: 'labels',
    });
    await expect(
      autoCoreset({ data: x, labels: y, problem: 'logistic', size: 10, k: 3 }),
    ).rejects.toMatchObject({ argument: 'k' });
    await expect(
      autoCoreset({ data: x, labels: y, problem: 'nope' as 'svm', size: 10 }),
    ).rejects.toMatchObject({ argument: 'problem' });
    await expect(
      autoCoreset({ data: x, labels: y, problem: 'svm', size: 0 }),
    ).rejects.toMatchObject({ code: 'OUT_OF_RANGE', argument: 'size' });
    await expect(
      autoCoreset({ data: x, labels: y, problem: 'svm', size: 10, extra: 1 } as Parameters<
        typeof autoCoreset
      >[0]),
    ).rejects.toMatchObject({ code: 'UNKNOWN_OPTION', argument: 'extra' });
    const custom: CoresetProblem = { fit: () => 0, loss: () => new Float64Array(600) };
    await expect(
      autoCoreset({ data: x, labels: y, problem: custom, size: 10 }),
    ).rejects.toMatchObject({
      code: 'MISSING_OPTION',
      argument: 'problem.labelKind',
    });
    // Budgets [3, 3] cannot hold t + 1 = 4 points per class after 3 initial queries.
    await expect(
      autoCoreset({ data: x, labels: y, problem: 'logistic', size: 6 }),
    ).rejects.toMatchObject({
      code: 'INFEASIBLE',
      argument: 'size',
    });
    const badLoss: CoresetProblem = {
      labelKind: 'none',
      fit: () => 0,
      loss: () => new Float64Array(600).fill(Number.NaN),
    };
    await expect(autoCoreset({ data: x, problem: badLoss, size: 10 })).rejects.toMatchObject({
      code: 'NON_FINITE',
      argument: 'problem.loss',
    });
  });
});
