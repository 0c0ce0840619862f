import { CoresetError, resolveBudget, throwIfAborted, type SelectionResult } from '@coresets/core';
import { selectCcs, type CcsInput, type CcsOptions } from '../select/select-ccs.js';
import { floorProduct } from '../internal/validate.js';
import { BETA_GRID } from './beta-rule.js';

export interface BetaSearchOptions extends Omit<CcsOptions, 'beta'> {
  /**
   * Validation accuracy of a model trained on the given training subset (train on the subset,
   * evaluate on a held-out validation split — never the test set). Higher is better.
   */
  readonly evaluate: (indices: Int32Array, beta: number) => number | Promise<number>;
  /**
   * Candidates, tried in the given order. Default: the grid {0, 0.1, …, 0.5} restricted to the
   * values that leave at least m examples (β ≤ α); explicit candidates must all be feasible.
   */
  readonly betas?: readonly number[] | undefined;
}

export interface BetaTrial {
  readonly beta: number;
  readonly accuracy: number;
  readonly selection: SelectionResult;
}

export interface BetaSearchResult {
  /** The β with the highest accuracy; ties → the smaller β (fewer hard examples thrown away). */
  readonly beta: number;
  readonly accuracy: number;
  readonly selection: SelectionResult;
  readonly trials: readonly BetaTrial[];
  /** Grid values left out because they would cut more than N − m examples. */
  readonly skipped: readonly number[];
}

/**
 * Tunes β on a validation split: one CCS selection per candidate (same seed for each), scored by
 * the caller's `evaluate`. The paper tunes β this way; `recommendedBeta` is the shortcut.
 */
export async function searchBeta(
  input: CcsInput,
  options: BetaSearchOptions,
): Promise<BetaSearchResult> {
  const { evaluate, betas, onProgress, seed, ...ccsOptions } = options;
  // An Rng seed is turned into one integer so that every candidate sees the same random stream.
  const fixedSeed = seed === undefined ? 0 : typeof seed === 'number' ? seed : seed.nextUint32();
  if (typeof evaluate !== 'function') {
    throw new CoresetError(
      'MISSING_OPTION',
      'searchBeta: evaluate(indices) → accuracy is required',
      {
        argument: 'evaluate',
      },
    );
  }
  if (input?.scores === undefined) {
    throw new CoresetError('MISSING_OPTION', 'searchBeta: input with scores is required', {
      argument: 'scores',
    });
  }
  const n = input.scores.length;
  const m = resolveBudget(n, { budget: ccsOptions.budget, rate: ccsOptions.rate });
  const feasible = (beta: number): boolean => n - floorProduct(beta * n) >= m;
  let candidates: number[];
  const skipped: number[] = [];
  if (betas === undefined) {
    candidates = BETA_GRID.filter((b) => {
      if (feasible(b)) return true;
      skipped.push(b);
      return false;
    });
  } else {
    if (betas.length === 0) {
      throw new CoresetError('INVALID_ARGUMENT', 'betas is empty', { argument: 'betas' });
    }
    candidates = [...betas];
  }
  const trials: BetaTrial[] = [];
  let best: BetaTrial | undefined;
  for (let t = 0; t < candidates.length; t++) {
    throwIfAborted(ccsOptions.signal);
    const beta = candidates[t];
    // Each candidate starts from the same seed, so candidates differ only by β.
    const selection = selectCcs(input, { ...ccsOptions, seed: fixedSeed, beta });
    const accuracy = await evaluate(selection.indices, beta);
    if (typeof accuracy !== 'number' || Number.isNaN(accuracy)) {
      throw new CoresetError(
        'NON_FINITE',
        `evaluate returned ${String(accuracy)} for β = ${beta}`,
        {
          argument: 'evaluate',
        },
      );
    }
    const trial = { beta, accuracy, selection };
    trials.push(trial);
    if (
      best === undefined ||
      accuracy > best.accuracy ||
      (accuracy === best.accuracy && beta < best.beta)
    ) {
      best = trial;
    }
    onProgress?.({
      phase: 'beta-search',
      completed: t + 1,
      total: candidates.length,
      info: { beta, accuracy },
    });
  }
  return {
    beta: best!.beta,
    accuracy: best!.accuracy,
    selection: best!.selection,
    trials,
    skipped,
  };
}
