import { CoresetError, assertInteger, assertMatrix, throwIfAborted, topK } from '@coresets/core';
import type { LongRunningOptions, Matrix } from '@coresets/core';
import { dualScores } from './dual-scores.js';
import { PooSolver } from './internal/poo-solver.js';
import type { GoracsSolver } from './options.js';

export interface RefineOptions extends LongRunningOptions {
  /** Most accepted swaps (default 100). */
  readonly maxIters?: number | undefined;
  /** Candidates per side (default 30). */
  readonly cut?: number | undefined;
  readonly threshold?: 'dual' | 'reference' | undefined;
  readonly selfExclusion?: boolean | undefined;
  readonly innerOrder?: 'descending' | 'reference' | undefined;
  /** Relative decrease a swap must achieve (default 1e-12; Sinkhorn always needs 1e-6 absolute). */
  readonly improveTol?: number | undefined;
  readonly solver?: GoracsSolver | undefined;
  readonly sinkhornEpsilon?: number | undefined;
}

export interface RefineResult {
  /** Final coreset: the start order, each accepted swap removing a row and appending its replacement. */
  readonly indices: Int32Array;
  /** POO of the start set, then after each accepted swap (strictly decreasing). */
  readonly pooHistory: number[];
  /** Accepted swaps as [removed, added] pairs. */
  readonly swaps: [number, number][];
  readonly swapsTried: number;
  readonly solves: number;
  readonly solverMs: number;
  /** False when POO came from Sinkhorn. */
  readonly exact: boolean;
}

/**
 * Stage 2 of ITRA: first-improvement swaps. Each round scores every row with `dualScores`,
 * keeps the `cut` outside rows with the lowest scores (ascending) and the `cut` members with the
 * highest (descending), and tries pairs removal-major; the first pair whose exact POO is lower
 * by more than the tolerance is accepted. Stops after `maxIters` swaps or a round without one.
 * Cancellable through `signal` (checked before every OT solve).
 */
export async function refineSwaps(
  cost: Matrix<Float64Array>,
  start: ArrayLike<number>,
  options: RefineOptions = {},
): Promise<RefineResult> {
  assertMatrix(cost, 'cost', { minRows: 1 });
  const N = cost.rows;
  const n = start.length;
  if (n < 1)
    throw new CoresetError('INVALID_ARGUMENT', 'start must not be empty', { argument: 'start' });
  const maxIters = options.maxIters ?? 100;
  const cut = options.cut ?? 30;
  assertInteger(maxIters, 'maxIters', 0);
  assertInteger(cut, 'cut', 1);
  const solver = options.solver ?? 'network-simplex';
  const improveTol = options.improveTol ?? 1e-12;
  const inS = new Uint8Array(N);
  for (let p = 0; p < n; p++) {
    const i = start[p];
    if (!Number.isInteger(i) || i < 0 || i >= N || inS[i] === 1) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `start must hold distinct row indices < ${N}, got ${i}`,
        {
          argument: 'start',
        },
      );
    }
    inS[i] = 1;
  }
  const order = Array.from(start);
  const slots = Int32Array.from(start);
  const slotOf = new Int32Array(N).fill(-1);
  for (let p = 0; p < n; p++) slotOf[slots[p]] = p;
  const ot = new PooSolver(cost, slots, solver, options.sinkhornEpsilon ?? 0.01);
  let current = ot.solve(undefined);
  const pooHistory = [current.value];
  const swaps: [number, number][] = [];
  let swapsTried = 0;
  const outCount = Math.min(cut, N - n);
  const inCount = Math.min(cut, n);
  const uOrdered = new Float64Array(n);

  while (swaps.length < maxIters && outCount > 0) {
    // Yield once per round so that timers and abort signals can fire during long runs.
    await new Promise<void>((resolve) => setImmediate(resolve));
    throwIfAborted(options.signal);
    for (let p = 0; p < n; p++) uOrdered[p] = current.u[slotOf[order[p]]];
    const F = dualScores(cost, order, uOrdered, {
      threshold: options.threshold,
      selfExclusion: options.selfExclusion,
    });
    const outside: number[] = [];
    for (let i = 0; i < N; i++) if (inS[i] === 0) outside.push(i);
    const members = order.slice().sort((x, y) => x - y);
    const outIdx = Array.from(
      topK(
        outside.map((i) => F[i]),
        outCount,
        'low',
      ),
      (k) => outside[k],
    );
    const inIdx = Array.from(
      topK(
        members.map((i) => F[i]),
        inCount,
        'high',
      ),
      (k) => members[k],
    );
    if (options.innerOrder === 'reference') inIdx.reverse();

    const s = current.value;
    const tol =
      solver === 'sinkhorn'
        ? Math.max(1e-6, improveTol * Math.max(1, s))
        : improveTol * Math.max(1, s);
    let accepted = false;
    for (const i of inIdx) {
      const p = slotOf[i];
      for (const o of outIdx) {
        throwIfAborted(options.signal);
        swapsTried++;
        ot.setSlot(p, o);
        const trial = ot.solve(current.basis);
        if (trial.value < s - tol) {
          current = trial;
          slots[p] = o;
          slotOf[o] = p;
          slotOf[i] = -1;
          inS[i] = 0;
          inS[o] = 1;
          order.splice(order.indexOf(i), 1);
          order.push(o);
          swaps.push([i, o]);
          pooHistory.push(trial.value);
          accepted = true;
          break;
        }
      }
      if (accepted) break;
      ot.setSlot(p, i);
    }
    options.onProgress?.({
      phase: 'refine',
      completed: swaps.length,
      total: maxIters,
      info: { poo: current.value, swapsTried },
    });
    if (!accepted) break;
  }
  return {
    indices: Int32Array.from(order),
    pooHistory,
    swaps,
    swapsTried,
    solves: ot.solves,
    solverMs: ot.solverMs,
    exact: solver !== 'sinkhorn',
  };
}
