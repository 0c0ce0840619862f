import { median } from '../../report/markdown.js';

export interface Timing {
  readonly medianMs: number;
  readonly timesMs: number[];
}

/** Runs `fn` `repeats` times (after one untimed warm-up) and reports the median. */
export async function timeRepeated<T>(repeats: number, fn: () => T | Promise<T>): Promise<{ timing: Timing; last: T }> {
  let last = await fn();
  const timesMs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    last = await fn();
    timesMs.push(performance.now() - t0);
  }
  return { timing: { medianMs: median(timesMs), timesMs }, last };
}
