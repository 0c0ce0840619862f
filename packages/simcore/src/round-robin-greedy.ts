import { throwIfAborted, type LongRunningOptions, type Rng } from '@coresets/core';
import type { CandidateQueues } from './candidate-queues.js';

export interface RoundRobinOptions extends LongRunningOptions {
  /** Maximum number of open-set rows to select (M). */
  readonly budget: number;
  /** Apply the stop rule (end when a round's mean similarity falls below τ · f_P). */
  readonly stop: boolean;
  /** τ, the ratio of the reference level a round must reach. */
  readonly stopThresh: number;
  /** P, the round whose mean similarity sets the reference level; rounds 1..P always count. */
  readonly patience: number;
  /** Skip rows claimed earlier in the same round too (the reference lets two centroids claim one row). */
  readonly distinctPerRound: boolean;
  /** Draws the subset of the last round's picks that fits the budget. */
  readonly rng: Rng;
}

export type StopReason = 'budget' | 'stop-rule' | 'exhausted';

export interface RoundRobinResult {
  /** Selected open-set rows in selection order. */
  readonly selected: Int32Array;
  /** Similarity of each selected row to the centroid that claimed it. */
  readonly similarity: Float64Array;
  /** Rounds run, including a failing round that added nothing. */
  readonly rounds: number;
  /** f_t for every round run: mean over the K centroids of the claimed similarity. */
  readonly roundMeans: number[];
  /** f_P, the reference level (undefined when fewer than P rounds ran). */
  readonly referenceSimilarity: number | undefined;
  readonly stopReason: StopReason;
}

/**
 * SimCore's round-robin nearest-neighbour greedy: in each round every centroid claims its most
 * similar open-set row not selected in earlier rounds.
 */
export function roundRobinGreedy(queues: CandidateQueues, centroids: number, options: RoundRobinOptions): RoundRobinResult {
  const { budget, stop, stopThresh, patience, distinctPerRound, rng } = options;
  const selectedSet = new Set<number>();
  const selected: number[] = [];
  const similarity: number[] = [];
  const roundMeans: number[] = [];
  let referenceSimilarity: number | undefined;
  let stopReason: StopReason = 'budget';
  let round = 0;

  while (selected.length < budget) {
    throwIfAborted(options.signal);
    round++;
    const picks: number[] = [];
    const pickSims: number[] = [];
    const inRound = new Set<number>();
    let f = 0;
    for (let k = 0; k < centroids; k++) {
      let c = queues.pop(k);
      while (c !== undefined && (selectedSet.has(c.index) || (distinctPerRound && inRound.has(c.index)))) c = queues.pop(k);
      if (c === undefined) continue; // an exhausted queue contributes nothing to f
      f += c.sim / centroids;
      if (!inRound.has(c.index)) {
        inRound.add(c.index);
        picks.push(c.index);
        pickSims.push(c.sim);
      }
    }
    if (picks.length === 0) {
      round--;
      stopReason = 'exhausted';
      break;
    }
    roundMeans.push(f);
    if (round === patience) referenceSimilarity = f;
    if (stop && round > patience && referenceSimilarity !== undefined && f < stopThresh * referenceSimilarity) {
      stopReason = 'stop-rule';
      break;
    }
    let keep = picks.map((_, i) => i);
    const room = budget - selected.length;
    if (picks.length > room) {
      keep = Array.from(rng.sampleWithoutReplacement(picks.length, room)).sort((a, b) => a - b);
    }
    for (const i of keep) {
      selectedSet.add(picks[i]);
      selected.push(picks[i]);
      similarity.push(pickSims[i]);
    }
    options.onProgress?.({ phase: 'simcore', completed: selected.length, total: budget, info: { round, meanSimilarity: f } });
  }
  return {
    selected: Int32Array.from(selected),
    similarity: Float64Array.from(similarity),
    rounds: round,
    roundMeans,
    referenceSimilarity,
    stopReason,
  };
}
