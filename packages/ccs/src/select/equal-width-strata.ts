import { CoresetError } from '@coresets/core';

/**
 * `exact`: k equal-width ranges over [min, max], the last closed on the right (the paper).
 * `reference`: the reference code's edges — upper edge max · 1.0001, half-open bins; only defined
 * for max > 0 (for max ≤ 0 the padding moves the edge down and drops the maximum).
 */
export type StrataEdges = 'exact' | 'reference';

export interface Strata {
  /** Number of strata k. */
  readonly k: number;
  /** Stratum of each input member, parallel to `members` (the input order). */
  readonly stratumOf: Int32Array;
  /** Members of each stratum (original indices), in the order they appeared in `members`. */
  readonly groups: readonly Int32Array[];
  /** Size of each stratum (empty strata included). */
  readonly sizes: Int32Array;
  /** k + 1 edges: lowest value, k − 1 inner edges, upper edge (padded for `reference`). */
  readonly edges: Float64Array;
}

/**
 * Splits `members` (indices into `values`) into k equal-width strata of their score range.
 * bin = ⌊(s − lo) / step⌋, clamped to k − 1 only for the maximum under `exact` edges; when every
 * value is equal, everything lands in stratum 0.
 */
export function equalWidthStrata(
  values: ArrayLike<number>,
  members: ArrayLike<number>,
  k: number,
  edges: StrataEdges = 'exact',
): Strata {
  if (!Number.isInteger(k) || k < 1) {
    throw new CoresetError('OUT_OF_RANGE', `strata must be an integer ≥ 1, got ${k}`, {
      argument: 'strata',
    });
  }
  if (edges !== 'exact' && edges !== 'reference') {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `edges must be "exact" or "reference", got ${String(edges)}`,
      {
        argument: 'edges',
      },
    );
  }
  const count = members.length;
  if (count === 0)
    throw new CoresetError('INVALID_ARGUMENT', 'members is empty', { argument: 'members' });
  let lo = Infinity;
  let hi = -Infinity;
  for (let t = 0; t < count; t++) {
    const j = members[t];
    if (!Number.isInteger(j) || j < 0 || j >= values.length) {
      throw new CoresetError(
        'OUT_OF_RANGE',
        `members[${t}] = ${j} is outside [0, ${values.length})`,
        {
          argument: 'members',
        },
      );
    }
    const v = values[j];
    if (!Number.isFinite(v)) {
      throw new CoresetError('NON_FINITE', `values[${j}] is ${v}`, { argument: 'values' });
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (edges === 'reference' && !(hi > 0)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `edges "reference" pads the top edge multiplicatively and needs max > 0, got max ${hi}`,
      { argument: 'edges' },
    );
  }
  const top = edges === 'reference' ? hi * 1.0001 : hi;
  const step = (top - lo) / k;
  const stratumOf = new Int32Array(count);
  const sizes = new Int32Array(k);
  for (let t = 0; t < count; t++) {
    let b = 0;
    if (top > lo) {
      b = Math.floor((values[members[t]] - lo) / step);
      if (b > k - 1) b = k - 1;
    }
    stratumOf[t] = b;
    sizes[b]++;
  }
  const groups = Array.from({ length: k }, (_, i) => new Int32Array(sizes[i]));
  const fill = new Int32Array(k);
  for (let t = 0; t < count; t++) {
    const b = stratumOf[t];
    groups[b][fill[b]++] = members[t];
  }
  const edgeValues = new Float64Array(k + 1);
  for (let i = 0; i < k; i++) edgeValues[i] = lo + i * step;
  edgeValues[k] = top;
  return { k, stratumOf, groups, sizes, edges: edgeValues };
}
