import { CoresetError, Rng } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';

/** One sample: a user's recent items (oldest first, 1–10 items) and the next item to predict. */
export interface RecSample {
  readonly userGroup: number;
  readonly history: Int32Array;
  readonly target: number;
}

export type RecOrigin = 'old' | 'new' | 'noisy';

export interface SequentialRecommendationOptions {
  readonly numItems?: number | undefined;
  readonly numClusters?: number | undefined;
  readonly userGroups?: number | undefined;
  readonly poolSize?: number | undefined;
  /** Shares of the pool: old regime, new regime, new-regime histories with random targets. */
  readonly oldShare?: number | undefined;
  readonly noiseShare?: number | undefined;
  /** false: the no-drift control — the pool comes from the new regime only, without noise. */
  readonly drift?: boolean | undefined;
  readonly validSelectSize?: number | undefined;
  readonly validEarlyStopSize?: number | undefined;
  readonly testSize?: number | undefined;
  readonly minHistory?: number | undefined;
  readonly maxHistory?: number | undefined;
  readonly seed?: number | undefined;
}

export const DEFAULT_SEQUENTIAL_RECOMMENDATION_OPTIONS = {
  numItems: 500,
  numClusters: 10,
  userGroups: 5,
  poolSize: 20_000,
  oldShare: 0.7,
  noiseShare: 0.1,
  drift: true,
  validSelectSize: 1000,
  validEarlyStopSize: 500,
  testSize: 2000,
  minHistory: 3,
  maxHistory: 10,
  seed: 0,
} as const;

export interface SequentialRecommendation {
  readonly numItems: number;
  readonly itemCluster: Int32Array;
  /** The training pool and where each sample came from (for diagnostics only). */
  readonly pool: readonly RecSample[];
  readonly poolOrigin: readonly RecOrigin[];
  /** New-regime, clean: the OT target half and the model-selection half of the validation period. */
  readonly validSelect: readonly RecSample[];
  readonly validEarlyStop: readonly RecSample[];
  readonly test: readonly RecSample[];
}

/** A regime: how users move between item clusters and which items are popular inside each. */
interface Regime {
  /** Row-stochastic numClusters × numClusters transition matrix. */
  readonly transition: Float64Array;
  /** Per cluster, its items and their popularity weights. */
  readonly clusterItems: readonly number[][];
  readonly popularity: readonly Float64Array[];
  /** Per user group, a preference over starting clusters. */
  readonly start: readonly Float64Array[];
}

function makeRegime(rng: Rng, numClusters: number, clusterItems: number[][], userGroups: number): Regime {
  // Sticky chains: stay with probability 0.5, else mostly jump to one regime-specific successor.
  const successor = rng.permutation(numClusters);
  const transition = new Float64Array(numClusters * numClusters);
  for (let c = 0; c < numClusters; c++) {
    for (let e = 0; e < numClusters; e++) transition[c * numClusters + e] = 0.1 / numClusters;
    transition[c * numClusters + c] += 0.5;
    transition[c * numClusters + (successor[c] === c ? (c + 1) % numClusters : successor[c])] += 0.4;
  }
  const popularity = clusterItems.map((items) => {
    const rank = rng.permutation(items.length);
    return Float64Array.from(rank, (r) => 1 / (1 + r) ** 1.2);
  });
  const start = Array.from({ length: userGroups }, () => {
    const w = new Float64Array(numClusters).fill(0.2);
    for (let t = 0; t < 2; t++) w[rng.int(numClusters)] += 3;
    return w;
  });
  return { transition, clusterItems, popularity, start };
}

function walk(rng: Rng, regime: Regime, group: number, length: number, numClusters: number): number[] {
  const items: number[] = [];
  let cluster = rng.weightedChoice(regime.start[group]);
  for (let t = 0; t < length; t++) {
    const members = regime.clusterItems[cluster];
    items.push(members[rng.weightedChoice(regime.popularity[cluster])]);
    cluster = rng.weightedChoice(regime.transition.subarray(cluster * numClusters, (cluster + 1) * numClusters));
  }
  return items;
}

/**
 * Seeded synthetic sequential recommendation with regime drift: items in clusters, users in
 * groups, histories from a cluster Markov chain with within-cluster popularity. The pool mixes the
 * old regime, the new one, and new-regime histories with random targets; validation and test come
 * from the new regime, clean.
 */
export function makeSequentialRecommendation(options: SequentialRecommendationOptions = {}): SequentialRecommendation {
  const o = withDefaults(DEFAULT_SEQUENTIAL_RECOMMENDATION_OPTIONS, options);
  if (!Number.isInteger(o.numItems) || o.numItems < o.numClusters || o.numClusters < 2) {
    throw new CoresetError('OUT_OF_RANGE', `need numItems ≥ numClusters ≥ 2, got ${o.numItems} and ${o.numClusters}`, { argument: 'numItems' });
  }
  if (!(o.oldShare >= 0 && o.noiseShare >= 0 && o.oldShare + o.noiseShare <= 1)) {
    throw new CoresetError('OUT_OF_RANGE', 'oldShare and noiseShare must be ≥ 0 and sum to at most 1', { argument: 'oldShare' });
  }
  if (!(o.minHistory >= 1 && o.maxHistory >= o.minHistory)) {
    throw new CoresetError('OUT_OF_RANGE', 'need 1 ≤ minHistory ≤ maxHistory', { argument: 'minHistory' });
  }
  const rng = Rng.fromSeed(o.seed);
  const itemCluster = new Int32Array(o.numItems);
  const clusterItems: number[][] = Array.from({ length: o.numClusters }, () => []);
  for (let i = 0; i < o.numItems; i++) {
    itemCluster[i] = i % o.numClusters;
    clusterItems[i % o.numClusters].push(i);
  }
  const oldRegime = makeRegime(rng.split(), o.numClusters, clusterItems, o.userGroups);
  const newRegime = makeRegime(rng.split(), o.numClusters, clusterItems, o.userGroups);
  const sampleRng = rng.split();
  const draw = (regime: Regime, noisy: boolean): RecSample => {
    const group = sampleRng.int(o.userGroups);
    const length = o.minHistory + sampleRng.int(o.maxHistory - o.minHistory + 1);
    const items = walk(sampleRng, regime, group, length + 1, o.numClusters);
    const target = noisy ? sampleRng.int(o.numItems) : items[length];
    return { userGroup: group, history: Int32Array.from(items.slice(0, length)), target };
  };
  const pool: RecSample[] = [];
  const poolOrigin: RecOrigin[] = [];
  const nOld = o.drift ? Math.round(o.poolSize * o.oldShare) : 0;
  const nNoisy = o.drift ? Math.round(o.poolSize * o.noiseShare) : 0;
  for (let i = 0; i < o.poolSize; i++) {
    const origin: RecOrigin = i < nOld ? 'old' : i < nOld + nNoisy ? 'noisy' : 'new';
    pool.push(draw(origin === 'old' ? oldRegime : newRegime, origin === 'noisy'));
    poolOrigin.push(origin);
  }
  // Shuffle pool and origins together so position carries no information.
  const order = sampleRng.permutation(o.poolSize);
  const clean = (n: number) => Array.from({ length: n }, () => draw(newRegime, false));
  return {
    numItems: o.numItems,
    itemCluster,
    pool: Array.from(order, (i) => pool[i]),
    poolOrigin: Array.from(order, (i) => poolOrigin[i]),
    validSelect: clean(o.validSelectSize),
    validEarlyStop: clean(o.validEarlyStopSize),
    test: clean(o.testSize),
  };
}
