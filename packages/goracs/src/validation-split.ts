import { CoresetError, toRng } from '@coresets/core';
import type { Rng } from '@coresets/core';

export interface ValidationSplit {
  /** Rows used as the OT target (V_sel), ascending. */
  readonly target: Int32Array;
  /** Rows held out for early stopping and tuning (V_es), ascending. */
  readonly heldOut: Int32Array;
}

/**
 * Seeded 50 : 50 split of M validation rows into the OT target (⌈size/2⌉ of each class) and a
 * disjoint held-out half, stratified by `labels` when given. Using one set for both lets the
 * coreset copy the stopping points, which the spec's prototypes showed to fall below random.
 */
export function splitValidation(
  m: number,
  seed: number | Rng,
  labels?: ArrayLike<number>,
): ValidationSplit {
  if (m < 2) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `a validation split needs at least 2 validation rows, got ${m}`,
      {
        argument: 'validEmbeddings',
      },
    );
  }
  const rng = toRng(seed);
  const groups = new Map<number, number[]>();
  for (let j = 0; j < m; j++) {
    const c = labels === undefined ? 0 : labels[j];
    const g = groups.get(c);
    if (g === undefined) groups.set(c, [j]);
    else g.push(j);
  }
  const target: number[] = [];
  const heldOut: number[] = [];
  for (const c of [...groups.keys()].sort((x, y) => x - y)) {
    const members = groups.get(c) ?? [];
    const perm = rng.permutation(members.length);
    const take = Math.ceil(members.length / 2);
    for (let k = 0; k < members.length; k++) (k < take ? target : heldOut).push(members[perm[k]]);
  }
  const asc = (x: number, y: number) => x - y;
  return { target: Int32Array.from(target.sort(asc)), heldOut: Int32Array.from(heldOut.sort(asc)) };
}
