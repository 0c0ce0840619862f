import {
  MethodRegistry,
  schemaDefaults,
  matrixFromRows,
  Rng,
  type CsrMatrix,
  type Matrix,
  type ProgressEvent,
} from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { randomFeatures } from './__fixtures__/set-function-cases.js';
import { DEFAULT_FACILITY_LOCATION_OPTIONS } from './facility-location-options.js';
import { registerFacilityLocation } from './facility-location-method.js';
import { selectFacilityLocation } from './select-facility-location.js';

const line = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
const arr = (a: ArrayLike<number>): number[] => Array.from(a);

function denseToCsr(m: Matrix): CsrMatrix {
  // Every entry stored, zeros included.
  const indptr = Int32Array.from({ length: m.rows + 1 }, (_, i) => i * m.cols);
  const indices = Int32Array.from({ length: m.rows * m.cols }, (_, p) => p % m.cols);
  return { rows: m.rows, cols: m.cols, indptr, indices, data: Float64Array.from(m.data) };
}

describe('selectFacilityLocation', () => {
  it('reproduces the spec vector from features and returns gains, weights, separate timings', () => {
    const result = selectFacilityLocation(
      { features: line },
      { budget: 3, transform: 'maxMinusDist', distance: 'l1' },
    );
    expect(arr(result.indices)).toEqual([2, 4, 0]);
    expect(arr(result.gains)).toEqual([42, 25, 2]);
    expect(arr(result.weights)).toEqual([2, 3, 1]);
    expect(result.meta.objective).toBe(69);
    const timings = result.meta.timings as {
      featureMs: number;
      kernelMs: number;
      selectMs: number;
    };
    expect(timings.kernelMs).toBeGreaterThanOrEqual(0);
    expect(timings.selectMs).toBeGreaterThanOrEqual(0);
    expect(timings.featureMs).toBe(timings.kernelMs);
  });

  it('budget ≥ n returns every candidate in greedy order; budget 0 returns nothing', () => {
    const all = selectFacilityLocation(
      { features: line },
      { budget: 10, transform: 'maxMinusDist', optimizer: 'naive' },
    );
    expect(arr(all.indices).slice(0, 3)).toEqual([2, 4, 0]);
    expect(arr(all.indices).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(selectFacilityLocation({ features: line }, { budget: 0 }).indices.length).toBe(0);
  });

  it('sparse CSR with explicit zeros ≡ dense similarity', () => {
    const s = matrixFromRows([
      [3, 0, 1, 0],
      [0, 2, 0, 1],
      [1, 0, 3, 0],
      [0, 1, 2, 3],
    ]);
    const dense = selectFacilityLocation({ similarity: s }, { budget: 4, optimizer: 'naive' });
    const sparse = selectFacilityLocation(
      { similarity: denseToCsr(s) },
      { budget: 4, optimizer: 'lazy' },
    );
    expect(arr(sparse.indices)).toEqual(arr(dense.indices));
    expect(arr(sparse.gains)).toEqual(arr(dense.gains));
    expect(arr(sparse.weights)).toEqual(arr(dense.weights));
    expect(sparse.meta.mode).toBe('sparse');
  });

  it('kNN with k = n ≡ dense, for max-minus and pointwise transforms', () => {
    const x = randomFeatures(Rng.fromSeed(11), 25, 3);
    for (const transform of [
      'maxMinusSqEuclidean',
      'maxMinusDist',
      'rbf',
      'cosineSquared',
    ] as const) {
      const opts = { budget: 8, transform, sigma: 1, dtype: 'float64' } as const;
      const dense = selectFacilityLocation({ features: x }, opts);
      const knn = selectFacilityLocation({ features: x }, { ...opts, neighbors: 25 });
      expect(arr(knn.indices)).toEqual(arr(dense.indices));
      expect(arr(knn.gains)).toEqual(arr(dense.gains));
    }
  });

  it('kNN sparsification keeps each row’s k most similar and symmetrises to max(S, Sᵀ)', () => {
    // With k = 2 the rows keep {0,1}, {0,1} (tie 0/2 → lower), {1,2}, {3,4}, {3,4}, {4,5}, so
    // candidate 1 covers rows 0, 1, 2 with 11 + 12 + 11 = 34, tying candidate 4 → lower index.
    const one = selectFacilityLocation(
      { features: line },
      { budget: 1, transform: 'maxMinusDist', neighbors: 2 },
    );
    expect(arr(one.indices)).toEqual([1]);
    expect(arr(one.gains)).toEqual([34]);
    expect(arr(one.weights)).toEqual([6]);
    const sym = selectFacilityLocation(
      { features: line },
      { budget: 6, transform: 'maxMinusDist', neighbors: 2, symmetrize: true, dtype: 'float64' },
    );
    expect(sym.meta.objective).toBe(72);
  });

  it('rectangular with V = candidates ≡ square', () => {
    const x = randomFeatures(Rng.fromSeed(12), 20, 3, true);
    const square = selectFacilityLocation({ features: x }, { budget: 6, dtype: 'float64' });
    const rect = selectFacilityLocation(
      { features: x, represented: x },
      { budget: 6, dtype: 'float64' },
    );
    expect(arr(rect.indices)).toEqual(arr(square.indices));
    expect(arr(rect.gains)).toEqual(arr(square.gains));
  });

  it('rectangular: a separate represented set decides coverage', () => {
    const candidates = matrixFromRows([[0], [5], [10]]);
    const represented = matrixFromRows([[9], [10], [11]]);
    const result = selectFacilityLocation(
      { features: candidates, represented },
      { budget: 1, transform: 'maxMinusDist' },
    );
    expect(arr(result.indices)).toEqual([2]);
    expect(arr(result.weights)).toEqual([3]);
  });

  it('per-group ≡ independent runs concatenated, with groupBudgets and with a split budget', () => {
    const x = randomFeatures(Rng.fromSeed(13), 30, 3);
    const groups = Int32Array.from({ length: 30 }, (_, i) => (i * 7) % 3);
    const grouped = selectFacilityLocation(
      { features: x },
      { groups, groupBudgets: [2, 3, 1], transform: 'maxMinusDist', distance: 'l1' },
    );
    const expected: number[] = [];
    const gains: number[] = [];
    [2, 3, 1].forEach((budget, g) => {
      const members = Array.from(groups.keys()).filter((i) => groups[i] === g);
      const rows = members.flatMap((i) => arr(x.data.subarray(i * 3, i * 3 + 3)));
      const part = selectFacilityLocation(
        { features: { rows: members.length, cols: 3, data: Float64Array.from(rows) } },
        { budget, transform: 'maxMinusDist', distance: 'l1' },
      );
      expected.push(...arr(part.indices).map((t) => members[t]));
      gains.push(...arr(part.gains));
    });
    expect(arr(grouped.indices)).toEqual(expected);
    expect(arr(grouped.gains)).toEqual(gains);
    // Ids read from a file arrive as floats: integral values are accepted as is.
    const fromFile = selectFacilityLocation(
      { features: x },
      {
        groups: Float64Array.from(groups),
        groupBudgets: [2, 3, 1],
        transform: 'maxMinusDist',
        distance: 'l1',
      },
    );
    expect(arr(fromFile.indices)).toEqual(expected);
    // kNN per group: k larger than a group keeps that group's whole (dense) kernel.
    const knn = selectFacilityLocation(
      { features: x },
      {
        groups,
        groupBudgets: [2, 3, 1],
        transform: 'maxMinusDist',
        distance: 'l1',
        neighbors: 25,
        dtype: 'float64',
      },
    );
    const denseGroups = selectFacilityLocation(
      { features: x },
      {
        groups,
        groupBudgets: [2, 3, 1],
        transform: 'maxMinusDist',
        distance: 'l1',
        dtype: 'float64',
      },
    );
    expect(arr(knn.indices)).toEqual(arr(denseGroups.indices));
    expect(knn.meta.mode).toBe('sparse');
    const split = selectFacilityLocation({ features: x }, { groups, budget: 7 });
    expect((split.meta.groups as { budget: number }[]).map((g) => g.budget)).toEqual([3, 2, 2]);
  });

  it('initial subset counts toward F but not the budget and is not returned', () => {
    const result = selectFacilityLocation(
      { features: line },
      { budget: 2, transform: 'maxMinusDist', initial: Int32Array.from([2]) },
    );
    expect(arr(result.indices)).toEqual([4, 0]);
    expect(arr(result.gains)).toEqual([25, 2]);
  });

  it('stochastic is reproducible per seed and needs one', () => {
    const x = randomFeatures(Rng.fromSeed(14), 40, 3);
    const a = selectFacilityLocation(
      { features: x },
      { budget: 5, optimizer: 'stochastic', seed: 3, epsilon: 0.5 },
    );
    const b = selectFacilityLocation(
      { features: x },
      { budget: 5, optimizer: 'stochastic', seed: 3, epsilon: 0.5 },
    );
    expect(arr(a.indices)).toEqual(arr(b.indices));
    expect(() =>
      selectFacilityLocation({ features: x }, { budget: 5, optimizer: 'stochastic' }),
    ).toThrow(expect.objectContaining({ code: 'MISSING_OPTION', argument: 'rng' }));
  });

  it('reports kernel and select progress and aborts', () => {
    const phases = new Set<string>();
    selectFacilityLocation(
      { features: line },
      { budget: 2, onProgress: (e: ProgressEvent) => phases.add(e.phase) },
    );
    expect([...phases]).toEqual(['kernel', 'select']);
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      selectFacilityLocation({ features: line }, { budget: 2, signal: controller.signal }),
    ).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });

  it('validates at the boundary', () => {
    const bad = (
      input: Parameters<typeof selectFacilityLocation>[0],
      options: object,
      fields: object,
    ): void => {
      expect(() => selectFacilityLocation(input, options)).toThrow(expect.objectContaining(fields));
    };
    bad({ features: line }, {}, { code: 'MISSING_OPTION', argument: 'budget' });
    bad(
      { features: line },
      { budget: 1, neighbours: 2 },
      { code: 'UNKNOWN_OPTION', argument: 'neighbours' },
    );
    bad({ features: line }, { budget: 1, optimizer: 'greedy' }, { argument: 'optimizer' });
    bad(
      { features: line },
      { budget: 1, transform: 'rbf' },
      { code: 'MISSING_OPTION', argument: 'sigma' },
    );
    bad({ features: line }, { budget: 1, transform: 'precomputed' }, { argument: 'transform' });
    bad({ similarity: line }, { budget: 1, transform: 'rbf', sigma: 1 }, { argument: 'transform' });
    bad(
      { features: matrixFromRows([[0], [NaN]]) },
      { budget: 1 },
      { code: 'NON_FINITE', argument: 'features' },
    );
    bad(
      {
        similarity: matrixFromRows([
          [1, -1],
          [0, 1],
        ]),
      },
      { budget: 1 },
      { argument: 'similarity' },
    );
    bad(
      { features: line },
      { budget: 1, neighbors: 7 },
      { code: 'OUT_OF_RANGE', argument: 'neighbors' },
    );
    bad({ features: line }, { budget: 1, symmetrize: true }, { argument: 'symmetrize' });
    bad({ features: line }, { budget: 1, initial: Int32Array.from([9]) }, { argument: 'initial' });
    bad({ features: line }, { budget: 1, groups: Int32Array.from([0, 1]) }, { argument: 'groups' });
    bad({ features: line }, { budget: 1.5 }, { argument: 'budget' });
    bad(
      { features: line },
      { budget: 1, groups: [0, 0, 1, 1, 0.5, 1] },
      { code: 'INVALID_ARGUMENT', argument: 'groups' },
    );
    bad(
      { features: line },
      { budget: 1, costs: [1, 1] },
      { code: 'SHAPE_MISMATCH', argument: 'costs' },
    );
    bad(
      { features: line },
      { groupBudgets: [1], groups: [0, 0, 0, 0, 0, 0], budget: 1 },
      { argument: 'budget' },
    );
    bad(
      { features: line, represented: matrixFromRows([[1, 2]]) },
      { budget: 1 },
      { code: 'SHAPE_MISMATCH', argument: 'represented' },
    );
  });

  it('works through a MethodRegistry as "facility-location"', async () => {
    const registry = registerFacilityLocation(new MethodRegistry());
    const method = registry.get<
      Parameters<typeof selectFacilityLocation>[0],
      Parameters<typeof selectFacilityLocation>[1]
    >('facility-location');
    const result = await method.select(
      { features: line },
      { budget: 3, transform: 'maxMinusDist' },
    );
    expect(arr(result.indices)).toEqual([2, 4, 0]);
    expect(method.optionsSchema.optimizer).toMatchObject({
      default: DEFAULT_FACILITY_LOCATION_OPTIONS.optimizer,
    });
    // The schema's defaults and the exported defaults never drift apart.
    const { transform, ...rest } = DEFAULT_FACILITY_LOCATION_OPTIONS;
    expect(transform).toBe('maxMinusSqEuclidean');
    expect(schemaDefaults(method.optionsSchema)).toEqual(rest);
  });
});
