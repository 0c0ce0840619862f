import { isCoresetError, Rng, type CsrMatrix, type Matrix } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { AllocationLog } from './kernels/allocation-log.js';
import { selectFacilityLocation } from './select-facility-location.js';

const MAX_BLOCK_BYTES = 4 * 1024 * 1024;

function gaussian(n: number, d: number, seed: number): Matrix<Float64Array> {
  const data = new Float64Array(n * d);
  Rng.fromSeed(seed).fillNormal(data);
  return { rows: n, cols: d, data };
}

/** Every recorded buffer stays O(n·k) or within one distance block — never n². */
function expectNoQuadratic(
  log: AllocationLog,
  n: number,
  k: number,
  blockBytes = MAX_BLOCK_BYTES,
): void {
  expect(log.records.length).toBeGreaterThan(0);
  for (const r of log.records) {
    const bound = r.name === 'distance.block' ? blockBytes / 8 : 2 * n * k;
    expect({ name: r.name, withinBound: r.elements <= bound }).toEqual({
      name: r.name,
      withinBound: true,
    });
  }
  expect(log.largestElements).toBeLessThan((n * n) / 20);
}

describe('kNN-sparse facility location never allocates n × n', () => {
  it('n = 20,000, d = 64, k = 20: up-front buffers and the distance block (run aborted after one block)', () => {
    const n = 20_000;
    const k = 20;
    const log = new AllocationLog();
    const controller = new AbortController();
    let thrown: unknown;
    try {
      selectFacilityLocation(
        { features: gaussian(n, 64, 1) },
        {
          budget: 100,
          neighbors: k,
          symmetrize: true,
          maxBlockBytes: MAX_BLOCK_BYTES,
          allocationLog: log,
          signal: controller.signal,
          // The full O(n²·d) distance pass belongs in apps/bench; one block shows the sizes.
          onProgress: (e) => {
            if (e.phase === 'kernel') controller.abort();
          },
        },
      );
    } catch (error) {
      thrown = error;
    }
    expect(isCoresetError(thrown, 'ABORTED')).toBe(true);
    expect(log.records.map((r) => r.name)).toEqual(['knn.indices', 'knn.values', 'distance.block']);
    expectNoQuadratic(log, n, k);
  });

  it('n = 20,000, k = 20 from a caller kNN graph: symmetrise, transpose, select, weigh in O(n·k)', () => {
    const n = 20_000;
    const k = 20;
    const rng = Rng.fromSeed(7);
    const indptr = new Int32Array(n + 1);
    const indices = new Int32Array(n * k);
    const data = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const cols = new Set<number>([i]);
      while (cols.size < k) cols.add(rng.int(n));
      Array.from(cols)
        .sort((a, b) => a - b)
        .forEach((j, t) => {
          indices[i * k + t] = j;
          data[i * k + t] = j === i ? 1 : rng.uniform();
        });
      indptr[i + 1] = (i + 1) * k;
    }
    const similarity: CsrMatrix = { rows: n, cols: n, indptr, indices, data };
    const log = new AllocationLog();
    const result = selectFacilityLocation(
      { similarity },
      { budget: 200, neighbors: k, symmetrize: true, allocationLog: log },
    );
    expect(result.indices.length).toBe(200);
    expect(result.weights.reduce((a, b) => a + b, 0)).toBe(n);
    expect(result.meta.mode).toBe('sparse');
    expectNoQuadratic(log, n, k);
  });

  it('a complete run at n = 3,000 records only O(n·k) buffers and blocks', () => {
    const n = 3000;
    const k = 10;
    const result = selectFacilityLocation(
      { features: gaussian(n, 8, 3) },
      { budget: 50, neighbors: k, symmetrize: true, maxBlockBytes: 256 * 1024 },
    );
    const log = new AllocationLog();
    for (const r of (
      result.meta.diagnostics as {
        allocations: { name: string; elements: number; bytes: number }[];
      }
    ).allocations) {
      log.records.push(r);
    }
    expect(log.records.map((r) => r.name)).toContain('kernel.sparse.values');
    expectNoQuadratic(log, n, k, 256 * 1024);
  });

  it('dense mode does record its n × n kernel (so the diagnostics would catch a regression)', () => {
    const n = 300;
    const result = selectFacilityLocation({ features: gaussian(n, 4, 5) }, { budget: 5 });
    const allocations = (
      result.meta.diagnostics as { allocations: { name: string; elements: number }[] }
    ).allocations;
    expect(allocations.find((r) => r.name === 'kernel.dense')?.elements).toBe(n * n);
  });
});
