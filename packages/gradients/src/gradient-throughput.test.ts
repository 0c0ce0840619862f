import { describe, expect, it } from 'vitest';
import { measureGradientThroughput } from './gradient-throughput.js';
import { useCpuBackend } from './internal/test-backend.js';

describe('measureGradientThroughput', () => {
  it('reports the gradient dimension, backend and a positive rate for each method', async () => {
    await useCpuBackend();
    const base = { inputDim: 10, hiddenDims: [7, 5], numClasses: 4, numExamples: 24, chunkSize: 8 };
    const full = 10 * 7 + 7 + 7 * 5 + 5 + 5 * 4 + 4;
    for (const [method, dim] of [
      ['batched', full],
      ['loop', full],
      ['closed-form', 4 * (5 + 1)],
    ] as const) {
      const t = await measureGradientThroughput({ ...base, method });
      expect([t.method, t.backend, t.dim, t.numExamples]).toEqual([method, 'cpu', dim, 24]);
      expect(t.totalMs).toBeGreaterThan(0);
      expect(t.examplesPerSecond).toBeCloseTo((24 * 1000) / t.totalMs, 6);
    }
    await expect(measureGradientThroughput({ hiddenDims: [0] })).rejects.toThrow(
      expect.objectContaining({ argument: 'hiddenDims' }),
    );
  });
});
