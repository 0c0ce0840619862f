import { CoresetError, Rng } from '@coresets/core';
import { sourceBudgets } from '@coresets/colm';
import type { LmPool, LmPoolSelection } from '@coresets/eval';

/**
 * "Structured random" (colm.md §3 note, the audit's control): CoLM's structure without its
 * gradient features — keep every small-source row of the pool, split the remaining budget over
 * the other sources in proportion to their pool share (CoLM's `sourceBudgets`), and draw the
 * rows uniformly at random inside each source. If the kept rows alone reach b, the first b in
 * pool order are taken, as CoLM does.
 */
export function createStructuredRandomSelector(options: {
  readonly budget: number;
  readonly smallSources: readonly number[];
  readonly seed: number;
}): (pool: LmPool) => LmPoolSelection {
  const { budget } = options;
  if (!Number.isInteger(budget) || budget < 1) {
    throw new CoresetError('OUT_OF_RANGE', `budget must be a positive integer, got ${budget}`, { argument: 'budget' });
  }
  const small = new Set(options.smallSources);
  const rng = Rng.fromSeed(options.seed);
  return (pool) => {
    if (budget > pool.examples.length) {
      throw new CoresetError('OUT_OF_RANGE', `budget ${budget} exceeds the pool size ${pool.examples.length}`, { argument: 'budget' });
    }
    const kept: number[] = [];
    const bySource = new Map<number, number[]>();
    pool.examples.forEach((e, i) => {
      if (small.has(e.source)) kept.push(i);
      else bySource.set(e.source, [...(bySource.get(e.source) ?? []), i]);
    });
    if (kept.length >= budget) return { positions: Int32Array.from(kept.slice(0, budget)) };
    const sources = [...bySource.keys()].sort((a, b) => a - b);
    const k = sourceBudgets(
      sources.map((s) => bySource.get(s)?.length ?? 0),
      budget - kept.length,
    );
    const picks = sources.flatMap((s, q) => {
      const rows = bySource.get(s) ?? [];
      return Array.from(rng.sampleWithoutReplacement(rows.length, k[q]), (j) => rows[j]);
    });
    return { positions: Int32Array.from([...kept, ...picks]) };
  };
}
