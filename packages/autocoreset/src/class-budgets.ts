import { CoresetError } from '@coresets/core';

/**
 * How the total size is split across classes: `fair` (the reference's minority-favouring mix,
 * made deterministic), `proportional` (n_c/n), `balanced` (equal shares), or explicit sizes.
 */
export type ClassBudgetPolicy = 'fair' | 'proportional' | 'balanced' | readonly number[];

export interface FairBudgetDetails {
  readonly budgets: Int32Array;
  /** The α picked, or undefined when no α was feasible and the proportional policy was used. */
  readonly alpha: number | undefined;
  /** Mixing weights x of the three policies (proportional, |ln r|, e^−r). */
  readonly mix: readonly [number, number, number];
}

/** numpy's round(): half to even. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** s_c = round(m·ratio_c), then s_c = round(s_c·m/Σs), both half to even (spec §2). */
function roundSizes(ratio: readonly number[], size: number): Int32Array {
  const first = ratio.map((r) => roundHalfEven(size * r));
  const total = first.reduce((a, b) => a + b, 0);
  return Int32Array.from(first.map((s) => (total > 0 ? roundHalfEven((s * size) / total) : 0)));
}

/**
 * The `fair` class budgets. Ratios r_c = n_c/Σn; policies π1 = r, π2 = |ln r|/Σ|ln r|,
 * π3 = e^−r/Σe^−r; μ = min n_c/m (0.8 when ≥ 1); for α = 1 … 0.4 (10 values) try L = μα,
 * x = (1 − 2L, L, L) and keep the first α with 1 − 2L ≥ L and m·(Σ_j x_j π_j)_c ≤ n_c for all c;
 * otherwise use π1. This reproduces the reference's LP on the spec's vectors deterministically.
 */
export function fairClassBudgets(counts: readonly number[], size: number): FairBudgetDetails {
  checkCounts(counts, size);
  const total = counts.reduce((a, b) => a + b, 0);
  const r = counts.map((c) => c / total);
  const logs = r.map((v) => Math.abs(Math.log(v)));
  const logSum = logs.reduce((a, b) => a + b, 0);
  // One class: |ln 1| = 0, so π2 is undefined; it only matters with ≥ 2 classes.
  const pi2 = logs.map((v) => (logSum > 0 ? v / logSum : 1 / counts.length));
  const exps = r.map((v) => Math.exp(-v));
  const expSum = exps.reduce((a, b) => a + b, 0);
  const pi3 = exps.map((v) => v / expSum);
  let mu = Math.min(...counts) / size;
  if (mu >= 1) mu = 0.8;
  const steps = 10;
  const start = 1;
  const stop = 0.4;
  const delta = (stop - start) / (steps - 1);
  for (let s = 0; s < steps; s++) {
    const alpha = s === steps - 1 ? stop : start + s * delta;
    const l = mu * alpha;
    const x: [number, number, number] = [1 - 2 * l, l, l];
    if (x[0] < l) continue;
    const ratio = r.map((v, c) => x[0] * v + x[1] * pi2[c] + x[2] * pi3[c]);
    if (ratio.every((q, c) => size * q <= counts[c])) {
      return { budgets: roundSizes(ratio, size), alpha, mix: x };
    }
  }
  return { budgets: roundSizes(r, size), alpha: undefined, mix: [1, 0, 0] };
}

function checkCounts(counts: readonly number[], size: number): void {
  if (counts.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'there must be at least one class', {
      argument: 'labels',
    });
  }
  counts.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 1) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `class ${i} has ${c} points; every class needs at least one`,
        {
          argument: 'labels',
        },
      );
    }
  });
  if (!Number.isInteger(size) || size < 1) {
    throw new CoresetError('OUT_OF_RANGE', `size must be a positive integer, got ${size}`, {
      argument: 'size',
    });
  }
}

/**
 * Per-class budgets for a policy. `balanced` gives ⌊m/C⌋ to each class and the remainder one each
 * to the lowest class ids. Explicit arrays must have one positive integer per class.
 */
export function classBudgets(
  counts: readonly number[],
  size: number,
  policy: ClassBudgetPolicy,
): Int32Array {
  checkCounts(counts, size);
  if (typeof policy !== 'string') {
    if (policy.length !== counts.length) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `classBudgets has ${policy.length} entries for ${counts.length} classes`,
        { argument: 'classBudgets' },
      );
    }
    policy.forEach((b, c) => {
      if (!Number.isInteger(b) || b < 1) {
        throw new CoresetError(
          'OUT_OF_RANGE',
          `classBudgets[${c}] must be a positive integer, got ${b}`,
          {
            argument: 'classBudgets',
          },
        );
      }
    });
    return Int32Array.from(policy);
  }
  switch (policy) {
    case 'fair':
      return fairClassBudgets(counts, size).budgets;
    case 'proportional': {
      const total = counts.reduce((a, b) => a + b, 0);
      return roundSizes(
        counts.map((c) => c / total),
        size,
      );
    }
    case 'balanced': {
      const k = counts.length;
      return Int32Array.from(counts.map((_, c) => Math.floor(size / k) + (c < size % k ? 1 : 0)));
    }
    default:
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `unknown class budget policy "${String(policy)}"`,
        {
          argument: 'classBudgets',
        },
      );
  }
}
