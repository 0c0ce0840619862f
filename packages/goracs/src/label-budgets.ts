import { CoresetError } from '@coresets/core';

/**
 * Per-class budgets proportional to the class shares of `targetLabels`. Two classes follow the
 * reference: n₁ = round(share₁ · n) with Python's round (half to even), n₀ = n − n₁. More classes
 * use largest remainders, ties → lower class.
 */
export function labelBudgets(
  targetLabels: ArrayLike<number>,
  numClasses: number,
  budget: number,
): Int32Array {
  const counts = new Float64Array(numClasses);
  for (let k = 0; k < targetLabels.length; k++) counts[targetLabels[k]]++;
  const total = targetLabels.length;
  if (total === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'validLabels must not be empty', {
      argument: 'validLabels',
    });
  }
  const out = new Int32Array(numClasses);
  if (numClasses <= 2) {
    if (numClasses === 1) {
      out[0] = budget;
      return out;
    }
    // mean(label_V) · n, as the reference computes it.
    out[1] = roundHalfEven((counts[1] / total) * budget);
    out[0] = budget - out[1];
    return out;
  }
  const quotas = Array.from(counts, (c) => (c / total) * budget);
  let assigned = 0;
  for (let c = 0; c < numClasses; c++) {
    out[c] = Math.floor(quotas[c]);
    assigned += out[c];
  }
  const order = quotas
    .map((q, c) => ({ c, rem: q - Math.floor(q) }))
    .sort((x, y) => y.rem - x.rem || x.c - y.c);
  for (let k = 0; assigned < budget; k++, assigned++) out[order[k].c]++;
  return out;
}

/** Python 3's round(): nearest integer, exact halves to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}
