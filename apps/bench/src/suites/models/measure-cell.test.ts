import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '@coresets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuShare, formatLoad, measureCell, medianGapMs } from './measure-cell.js';

describe('measureCell', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'cpu' });
  });

  it('runs on the named backend, restores the previous one and records load and CPU time', async () => {
    const before = tf.getBackend();
    const cell = await measureCell('cpu', () => {
      let s = 0;
      for (let i = 0; i < 2e6; i++) s += i % 7;
      return { backend: tf.getBackend(), s };
    });
    expect(cell.value).toEqual({ backend: 'cpu', s: 5999995 });
    expect(cell.backend).toBe('cpu');
    expect(tf.getBackend()).toBe(before);
    expect(cell.loadStart).toHaveLength(3);
    expect(cell.loadEnd).toHaveLength(3);
    expect(cell.cpuMs).toBeGreaterThan(0);
    expect(cell.wallMs).toBeGreaterThan(0);
  });

  it('restores the backend when the work throws', async () => {
    const before = tf.getBackend();
    await expect(measureCell('cpu', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(tf.getBackend()).toBe(before);
  });
});

describe('formatting', () => {
  it('shows the 1-minute load at start and end and the CPU share', () => {
    expect(formatLoad({ loadStart: [18.04, 1, 2], loadEnd: [7.25, 3, 4] })).toBe('18.0 → 7.3');
    expect(cpuShare({ cpuMs: 250, wallMs: 1000 })).toBe('0.25');
  });

  it('takes the median of the gaps between timestamps, the first measured from the start', () => {
    expect(medianGapMs(100, [110, 130, 135])).toBe(10);
    expect(medianGapMs(0, [4, 10, 30, 31])).toBe(5);
    expect(medianGapMs(0, [])).toBeNaN();
  });
});
