import { CoresetError } from '@coresets/core';
import type { Matrix, Rng } from '@coresets/core';
import { countDraws } from './summary.js';
import type { VectorSummary } from './summary.js';
import { assertBudget } from './uniform.js';

/**
 * Importance sampling for the vector-sum problem: `budget` draws with replacement with
 * probability s_i/Σs, s_i = ‖a_i‖₂; a row drawn c times gets weight Σs·c/(s_i·budget), which makes
 * the weighted sum unbiased. Rows with s_i = 0 add nothing to the sum and are never drawn.
 */
export function importanceSummary(
  points: Matrix<Float64Array>,
  budget: number,
  rng: Rng,
): VectorSummary {
  assertBudget(budget, points.rows);
  const n = points.rows;
  const t = points.cols;
  const s = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let q = 0;
    for (let j = 0; j < t; j++) q += points.data[i * t + j] ** 2;
    s[i] = Math.sqrt(q);
    total += s[i];
  }
  if (!(total > 0)) {
    throw new CoresetError(
      'INFEASIBLE',
      'importance sampling needs at least one non-zero loss vector',
      {
        argument: 'points',
      },
    );
  }
  const { ids, counts } = countDraws(rng.weightedSample(s, budget));
  for (let k = 0; k < ids.length; k++) counts[k] = (total * counts[k]) / (s[ids[k]] * budget);
  return { indices: ids, weights: counts };
}
