import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';

export type BenchBackend = 'wasm' | 'cpu';

/** A cell's value with the conditions it was measured under (the machine is shared). */
export interface MeasuredCell<T> {
  readonly value: T;
  readonly backend: BenchBackend;
  readonly wallMs: number;
  /** User + system CPU time of this process during the cell. */
  readonly cpuMs: number;
  /** `os.loadavg()` (1, 5, 15 min) at the start and the end of the cell. */
  readonly loadStart: readonly number[];
  readonly loadEnd: readonly number[];
}

/**
 * Runs `fn` on the named tfjs backend and records wall time, CPU time and the load average
 * around it; the previously active backend is restored afterwards. CPU time / wall time tells a
 * reader how much of a core the cell actually got, which on a loaded machine matters more than
 * the wall time itself.
 */
export async function measureCell<T>(backend: BenchBackend, fn: () => T | Promise<T>): Promise<MeasuredCell<T>> {
  const previous = tf.getBackend();
  if (!(await tf.setBackend(backend))) {
    throw new CoresetError('BACKEND_UNAVAILABLE', `tfjs backend "${backend}" could not be initialised`, { argument: 'backend' });
  }
  try {
    const loadStart = loadavg();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const value = await fn();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { value, backend, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, loadStart, loadEnd: loadavg() };
  } finally {
    await tf.setBackend(previous);
  }
}

/** "18.1 → 17.4" (1-minute load average at the start and end of a cell). */
export function formatLoad(cell: Pick<MeasuredCell<unknown>, 'loadStart' | 'loadEnd'>): string {
  return `${cell.loadStart[0].toFixed(1)} → ${cell.loadEnd[0].toFixed(1)}`;
}

/** Share of one core the cell got: CPU time / wall time. */
export function cpuShare(cell: Pick<MeasuredCell<unknown>, 'cpuMs' | 'wallMs'>): string {
  return (cell.cpuMs / cell.wallMs).toFixed(2);
}

/** Median of the gaps between consecutive timestamps (the first gap starts at `start`). */
export function medianGapMs(start: number, stamps: readonly number[]): number {
  const gaps = stamps.map((t, i) => t - (i === 0 ? start : stamps[i - 1])).sort((a, b) => a - b);
  if (gaps.length === 0) return Number.NaN;
  const m = gaps.length >> 1;
  return gaps.length % 2 === 1 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
}
