import { Rng, isCoresetError, type Matrix } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { selectRandomOpenSet } from './random-baseline.js';
import { resolveSimCoreBudget, selectSimCore } from './select-simcore.js';
import { targetCentroids } from './target-centroids.js';

/** Unit-sphere Gaussian clusters: X from 5 target clusters, U from those plus 45 others. */
function mixture(seed: number, d = 16) {
  const rng = Rng.fromSeed(seed);
  const centres = Array.from({ length: 50 }, () => {
    const c = new Float64Array(d);
    rng.fillNormal(c);
    return c;
  });
  const draw = (cluster: number) => Array.from(centres[cluster], (v) => v + rng.normal(0, 0.15));
  const target: number[][] = [];
  for (let c = 0; c < 5; c++) for (let i = 0; i < 20; i++) target.push(draw(c));
  const open: number[][] = [];
  const openCluster: number[] = [];
  for (let c = 0; c < 50; c++) {
    const count = c < 5 ? 60 : 40;
    for (let i = 0; i < count; i++) {
      open.push(draw(c));
      openCluster.push(c);
    }
  }
  const toMatrix = (rows: number[][]): Matrix<Float64Array> => ({
    rows: rows.length,
    cols: d,
    data: Float64Array.from(rows.flat()),
  });
  return { target: toMatrix(target), openSet: toMatrix(open), openCluster };
}

function precision(indices: Int32Array, openCluster: number[]): number {
  let hits = 0;
  for (const i of indices) if (openCluster[i] < 5) hits++;
  return hits / indices.length;
}

describe('selectSimCore', () => {
  const data = mixture(1);

  it('selects target-cluster rows far above the random base rate', () => {
    const r = selectSimCore(data, { clusters: 10, budget: 200, seed: 0, kmeansRestarts: 3 });
    expect(r.indices.length).toBe(200);
    expect(new Set(r.indices).size).toBe(200);
    const baseRate = 300 / data.openSet.rows; // 300 of 2100 rows come from the target clusters
    expect(precision(r.indices, data.openCluster)).toBeGreaterThan(0.95);
    const random = selectRandomOpenSet(data.openSet.rows, 200, 0);
    expect(precision(random.indices, data.openCluster)).toBeLessThan(baseRate + 0.1);
  });

  it('the stop rule ends selection near the relevant part of U and reports why', () => {
    const r = selectSimCore(data, { clusters: 10, stop: true, patience: 3, seed: 0, kmeansRestarts: 3 });
    expect(r.meta.stopReason).toBe('stop-rule');
    expect(r.meta.budget).toBe(2100); // the cap 50 · |X| = 5000 exceeds |U| = 2100
    expect(r.indices.length).toBeGreaterThanOrEqual(30);
    expect(r.indices.length).toBeLessThan(600);
    expect(precision(r.indices, data.openCluster)).toBeGreaterThan(0.9);
    const means = r.meta.roundMeans as number[];
    expect(means.length).toBe(r.meta.rounds);
  });

  it('is identical for identical seeds', () => {
    const a = selectSimCore(data, { clusters: 8, budget: 50, seed: 7, kmeansRestarts: 2 });
    const b = selectSimCore(data, { clusters: 8, budget: 50, seed: 7, kmeansRestarts: 2 });
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
  });

  it('a small memory bound gives the same result with more scans', () => {
    const a = selectSimCore(data, { clusters: 5, budget: 120, seed: 3, kmeansRestarts: 2 });
    const b = selectSimCore(data, { clusters: 5, budget: 120, seed: 3, kmeansRestarts: 2, maxSimilarityBytes: 2048 });
    expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
    expect(b.meta.openSetScans as number).toBeGreaterThan(1);
    expect(a.meta.openSetScans).toBe(1);
  });

  it('centroids are unit norm, and K ≥ |X| uses the target embeddings themselves', () => {
    const z = { rows: 3, cols: 2, data: Float64Array.from([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2]) };
    expect(targetCentroids(z, 3, { seed: 0, nInit: 1, maxIter: 10, engine: 'js' }).centroids).toBe(z);
    const c = targetCentroids(z, 2, { seed: 0, nInit: 2, maxIter: 50, engine: 'js' }).centroids;
    for (let i = 0; i < 2; i++) expect(Math.hypot(c.data[2 * i], c.data[2 * i + 1])).toBeCloseTo(1, 12);
  });

  it("picks the same rows with k-means on the tfjs engine (float32 matMul) as on js", async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    const tf = await import('@tensorflow/tfjs-core');
    await tf.setBackend('cpu');
    const data = mixture(4);
    const js = selectSimCore(data, { clusters: 10, budget: 120, seed: 3, kmeansRestarts: 3 });
    const viaTfjs = selectSimCore(data, { clusters: 10, budget: 120, seed: 3, kmeansRestarts: 3, kmeansEngine: 'tfjs' });
    expect(Array.from(viaTfjs.indices)).toEqual(Array.from(js.indices));
    expect(() => selectSimCore(data, { budget: 10, seed: 0, kmeansEngine: 'gpu' as never })).toThrow(/kmeansEngine/);
  });

  it('rejects empty, non-finite and oversized inputs by name', () => {
    const bad = { rows: 1, cols: 2, data: Float64Array.from([Number.NaN, 1]) };
    const catchCode = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isCoresetError(e) ? `${e.code}:${e.argument}` : 'other';
      }
      return 'none';
    };
    expect(catchCode(() => selectSimCore({ target: bad, openSet: data.openSet }, { budget: 1, seed: 0 }))).toBe(
      'NON_FINITE:target',
    );
    const empty = { rows: 0, cols: 16, data: new Float64Array(0) };
    expect(catchCode(() => selectSimCore({ target: data.target, openSet: empty }, { budget: 1, seed: 0 }))).toBe(
      'INVALID_ARGUMENT:openSet',
    );
    expect(catchCode(() => selectSimCore(data, { budget: 5000, seed: 0 }))).toBe('OUT_OF_RANGE:budget');
    expect(catchCode(() => selectSimCore(data, { seed: 0 }))).toBe('MISSING_OPTION:budget');
    expect(catchCode(() => selectSimCore(data, { seed: 0, budget: 3, clusters: 0 }))).toBe('OUT_OF_RANGE:clusters');
    expect(catchCode(() => selectSimCore(data, { seed: 0, budget: 3, bogus: 1 } as never))).toBe('UNKNOWN_OPTION:bogus');
  });

  it('resolves budgets from ratio and from the stop-rule cap', () => {
    expect(resolveSimCoreBudget(1000, 10, { ratio: 0.05, stop: false })).toBe(50);
    expect(resolveSimCoreBudget(1000, 10, { stop: true })).toBe(500);
    expect(resolveSimCoreBudget(100, 10, { stop: true })).toBe(100);
    expect(() => resolveSimCoreBudget(100, 10, { ratio: 0.001, stop: false })).toThrow(/selects nothing/);
  });
});
