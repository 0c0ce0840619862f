import { CoresetError, assertMatrix } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { emd } from './ot/emd.js';

/**
 * POO(S): the exact OT cost between the uniform distribution on the rows `subset` of `cost` and
 * the uniform distribution on its columns. Use it to compare any subsets on one cost matrix.
 */
export function pooValue(cost: Matrix, subset: ArrayLike<number>): number {
  assertMatrix(cost, 'cost', { minRows: 1 });
  const N = cost.rows;
  const M = cost.cols;
  if (subset.length < 1)
    throw new CoresetError('INVALID_ARGUMENT', 'subset must not be empty', { argument: 'subset' });
  const seen = new Uint8Array(N);
  const data = new Float64Array(subset.length * M);
  for (let p = 0; p < subset.length; p++) {
    const i = subset[p];
    if (!Number.isInteger(i) || i < 0 || i >= N || seen[i] === 1) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `subset must hold distinct row indices < ${N}, got ${i}`,
        {
          argument: 'subset',
        },
      );
    }
    seen[i] = 1;
    for (let j = 0; j < M; j++) data[p * M + j] = cost.data[i * M + j];
  }
  return emd({ rows: subset.length, cols: M, data }).value;
}
