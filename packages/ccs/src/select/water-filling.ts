import { CoresetError } from '@coresets/core';

export interface WaterFillResult {
  /** Budget per group, in the caller's group order; `budgets[i] ≤ sizes[i]`. */
  readonly budgets: Int32Array;
  /** `m − Σ budgets`: 0 whenever `m ≤ Σ sizes`, otherwise how many could not be placed. */
  readonly shortfall: number;
}

/**
 * Spreads `m` picks as evenly as possible over groups of the given sizes. Groups are visited from
 * the smallest (ties → lower group index); each takes min(size, ⌊rest / groups left⌋) and integer
 * remainders carry forward, so larger groups absorb what small ones cannot take. Empty groups are
 * visited first, get 0 and still count in the divisor — exactly the CCS paper's allocation.
 *
 * An infeasible request (m > Σ sizes) is not an error here: every group is filled and the
 * `shortfall` says how many are missing; callers that need exactly m must check it.
 */
export function waterFill(sizes: ArrayLike<number>, m: number): WaterFillResult {
  const k = sizes.length;
  if (k === 0) throw new CoresetError('INVALID_ARGUMENT', 'sizes is empty', { argument: 'sizes' });
  for (let i = 0; i < k; i++) {
    const s = sizes[i];
    if (!Number.isInteger(s) || s < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `sizes[${i}] = ${s} is not a non-negative integer`,
        {
          argument: 'sizes',
        },
      );
    }
  }
  if (!Number.isInteger(m) || m < 0) {
    throw new CoresetError('OUT_OF_RANGE', `m must be a non-negative integer, got ${m}`, {
      argument: 'm',
    });
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => sizes[a] - sizes[b] || a - b);
  const budgets = new Int32Array(k);
  let rest = m;
  for (let t = 0; t < k; t++) {
    const g = order[t];
    const take = Math.min(sizes[g], Math.floor(rest / (k - t)));
    budgets[g] = take;
    rest -= take;
  }
  return { budgets, shortfall: rest };
}
