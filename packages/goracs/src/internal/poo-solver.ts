import type { Matrix } from '@coresets/core';
import { emd } from '../ot/emd.js';
import type { EmdBasis } from '../ot/emd.js';
import { sinkhorn } from '../ot/sinkhorn.js';
import { emdSsp } from '../ot/ssp.js';
import type { GoracsSolver } from '../options.js';

export interface PooSolution {
  readonly value: number;
  /** Row duals in slot order. */
  readonly u: Float64Array;
  readonly basis: EmdBasis | undefined;
}

/**
 * Evaluates POO for coresets held in "slots": a swap overwrites one slot's cost row, so the
 * previous optimal basis stays primal feasible and warm-starts the next exact solve.
 */
export class PooSolver {
  readonly #cost: Matrix<Float64Array>;
  readonly #buffer: Float64Array;
  readonly #sub: Matrix<Float64Array>;
  readonly #solver: GoracsSolver;
  readonly #epsilon: number;
  solves = 0;
  solverMs = 0;

  constructor(
    cost: Matrix<Float64Array>,
    slots: ArrayLike<number>,
    solver: GoracsSolver,
    epsilon: number,
  ) {
    this.#cost = cost;
    this.#solver = solver;
    this.#epsilon = epsilon;
    const M = cost.cols;
    this.#buffer = new Float64Array(slots.length * M);
    for (let p = 0; p < slots.length; p++) this.setSlot(p, slots[p]);
    this.#sub = { rows: slots.length, cols: M, data: this.#buffer };
  }

  /** Puts training row `row` into slot `p`. */
  setSlot(p: number, row: number): void {
    const M = this.#cost.cols;
    this.#buffer.set(this.#cost.data.subarray(row * M, row * M + M), p * M);
  }

  solve(warm: EmdBasis | undefined): PooSolution {
    const t0 = performance.now();
    this.solves++;
    try {
      if (this.#solver === 'sinkhorn') {
        const res = sinkhorn(this.#sub, { epsilon: this.#epsilon });
        return { value: res.value, u: res.u, basis: undefined };
      }
      if (this.#solver === 'ssp') {
        const res = emdSsp(this.#sub);
        return { value: res.value, u: res.u, basis: undefined };
      }
      const res = emd(this.#sub, { warmStart: warm });
      return { value: res.value, u: res.u, basis: res.basis };
    } finally {
      this.solverMs += performance.now() - t0;
    }
  }
}
