import {
  CoresetError,
  Rng,
  assertMatrix,
  normalizeRows,
  validateOptions,
  type Matrix,
  type SelectionResult,
} from '@coresets/core';
import { CandidateQueues } from './candidate-queues.js';
import {
  type DEFAULT_SIMCORE_OPTIONS,
  SIMCORE_OPTIONS_SCHEMA,
  STOP_RULE_BUDGET_FACTOR,
  type SimCoreOptions,
} from './options.js';
import { roundRobinGreedy } from './round-robin-greedy.js';
import { embeddingSimilaritySource } from './similarity-source.js';
import { targetCentroids } from './target-centroids.js';

export interface SimCoreInput {
  /** Target-set embeddings X (|X| × d); normalised to unit length inside. */
  readonly target: Matrix;
  /** Open-set embeddings U (|U| × d); normalised to unit length inside. */
  readonly openSet: Matrix;
}

type ResolvedOptions = SimCoreOptions & {
  readonly [K in keyof typeof DEFAULT_SIMCORE_OPTIONS]-?: NonNullable<SimCoreOptions[K]>;
};

/**
 * SimCore: selects open-set rows close to the target set. Returns open-set row indices in
 * selection order, with `scores` = each row's similarity to the centroid that claimed it.
 */
export function selectSimCore(input: SimCoreInput, options: SimCoreOptions): SelectionResult {
  const opts = validateOptions<ResolvedOptions>(SIMCORE_OPTIONS_SCHEMA, options, 'simcore');
  const { target, openSet } = input;
  assertMatrix(target, 'target', { minRows: 1 });
  assertMatrix(openSet, 'openSet', { minRows: 1, cols: target.cols });
  const budget = resolveSimCoreBudget(openSet.rows, target.rows, opts);

  const t0 = performance.now();
  const z = normalizeRows(target);
  const u = normalizeRows(openSet);
  const rng = Rng.fromSeed(opts.seed);
  const { centroids, inertia } = targetCentroids(z, opts.clusters, {
    seed: opts.seed,
    nInit: opts.kmeansRestarts,
    maxIter: opts.kmeansMaxIter,
    engine: opts.kmeansEngine,
    signal: opts.signal,
  });
  const k = centroids.rows;
  // Half the memory bound for similarity blocks, half for the K candidate queues (12 bytes each).
  const source = embeddingSimilaritySource(u, centroids, opts.maxSimilarityBytes / 2);
  const capacity = Math.max(1, Math.floor(opts.maxSimilarityBytes / 2 / (12 * k)));
  const queues = new CandidateQueues(source, capacity);
  const t1 = performance.now();

  const result = roundRobinGreedy(queues, k, {
    budget,
    stop: opts.stop,
    stopThresh: opts.stopThresh,
    patience: opts.patience,
    distinctPerRound: opts.distinctPerRound,
    rng: rng.split(),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
  });
  const t2 = performance.now();
  return {
    indices: result.selected,
    scores: result.similarity,
    meta: {
      method: 'simcore',
      budget,
      clusters: k,
      kmeansInertia: inertia,
      rounds: result.rounds,
      roundMeans: result.roundMeans,
      referenceSimilarity: result.referenceSimilarity,
      stopThreshold:
        result.referenceSimilarity === undefined ? undefined : opts.stopThresh * result.referenceSimilarity,
      stopReason: result.stopReason,
      openSetScans: queues.scans,
      timings: { featureMs: t1 - t0, selectMs: t2 - t1 },
    },
  };
}

/**
 * M from `budget`, or ⌊ratio · |U|⌋, or (with the stop rule and neither given) min(50 · |X|, |U|).
 * Without the stop rule one of budget / ratio is required.
 */
export function resolveSimCoreBudget(
  openSetSize: number,
  targetSize: number,
  opts: { budget?: number | undefined; ratio?: number | undefined; stop: boolean },
): number {
  if (opts.budget !== undefined && opts.ratio !== undefined) {
    throw new CoresetError('INVALID_ARGUMENT', 'simcore: give budget or ratio, not both', { argument: 'budget' });
  }
  if (opts.budget !== undefined) {
    if (opts.budget > openSetSize) {
      throw new CoresetError('OUT_OF_RANGE', `simcore: budget ${opts.budget} exceeds the open set's ${openSetSize} rows`, {
        argument: 'budget',
      });
    }
    return opts.budget;
  }
  if (opts.ratio !== undefined) {
    const m = Math.floor(opts.ratio * openSetSize);
    if (m < 1) {
      throw new CoresetError('OUT_OF_RANGE', `simcore: ratio ${opts.ratio} of ${openSetSize} rows selects nothing`, {
        argument: 'ratio',
      });
    }
    return m;
  }
  if (!opts.stop) {
    throw new CoresetError('MISSING_OPTION', 'simcore: without the stop rule, give budget or ratio', {
      argument: 'budget',
    });
  }
  return Math.min(STOP_RULE_BUDGET_FACTOR * targetSize, openSetSize);
}
