import type { Matrix } from '@coresets/core';
import { selectRandomOpenSet, selectSimCore } from '@coresets/simcore';
import { embedRows, probeEncoder, probeFeatures, type ProbeMetrics } from './encoder-metrics.js';
import { purity, seedSplit, type SimCoreData } from './simcore-data.js';
import type { SimCoreProfile } from './simcore-profile.js';
import { pretrainArm, type SslSummary } from './ssl-run.js';

/** One selected open-set subset S. */
export interface CoresetCell {
  /** Positions in the open set U (in selection order for SimCore). */
  readonly positions: number[];
  readonly size: number;
  /** Fraction of S from the target classes. */
  readonly purity: number;
  readonly rounds: number | null;
  readonly stopReason: string | null;
  /** f_t per round (SimCore only). */
  readonly roundMeans: number[] | null;
  readonly selectMs: number;
}

/** Stored outcome of one seed's selection: the retrieval encoder (= the X-only arm) and the three subsets. */
export interface SelectionCell {
  readonly targetSize: number;
  readonly openSetSize: number;
  /** Share of the target classes in U (the random baseline's expected purity). */
  readonly baseRate: number;
  /** Share of U an oracle would pick (|U ∩ target classes|). */
  readonly relevantCount: number;
  /** Probe of raw standardised pixels (a reference point, not an arm). */
  readonly pixels: ProbeMetrics;
  /** The retrieval encoder's SSL run and probe, which is the X-only arm (null when retrieval uses pixels). */
  readonly targetOnly: { readonly ssl: SslSummary; readonly probe: ProbeMetrics } | null;
  /** Time to build the retrieval features (embedding, and for `ssl` the X-only probe; SSL itself excluded). */
  readonly embedMs: number;
  readonly coresets: { readonly 'simcore-fixed': CoresetCell; readonly 'simcore-stop': CoresetCell; readonly random: CoresetCell };
}

/**
 * Retrieval and selection for one seed: draws the target/open split, builds the retrieval
 * features (SSL on X only, or raw pixels), runs SimCore with a fixed budget and with the stop
 * rule, and draws the random subset of the fixed budget's size.
 */
export function runSelection(data: SimCoreData, profile: SimCoreProfile, seed: number, log: (line: string) => void): SelectionCell {
  const split = seedSplit(data, profile, seed);
  const u = split.openSet.length;
  const relevantCount = split.openSetRelevant.reduce((a, b) => a + b, 0);
  const probeOptions = { probeSteps: profile.probeSteps, knnK: profile.knnK };
  const pixels = probeFeatures(split.target.x, split.target.labels, data.targetTest.x, data.targetTest.labels, {
    ...probeOptions,
    numClasses: split.target.numClasses,
  });

  let targetOnly: SelectionCell['targetOnly'] = null;
  let targetFeatures: Matrix;
  let openFeatures: Matrix;
  const t0 = performance.now();
  if (profile.retrieval === 'ssl') {
    const { encoder, summary } = pretrainArm(split.target.x.data, profile, seed, (step) => {
      if (step % 50 === 0) log(`seed ${seed}: retrieval SSL step ${step}/${profile.sslSteps}`);
    });
    try {
      targetOnly = { ssl: summary, probe: probeEncoder(encoder, split.target, data.targetTest, probeOptions) };
      targetFeatures = embedRows(encoder, split.target.x);
      openFeatures = embedRows(encoder, openSetMatrix(data, split.openSet));
    } finally {
      encoder.dispose();
    }
  } else {
    targetFeatures = split.target.x;
    openFeatures = openSetMatrix(data, split.openSet);
  }
  const embedMs = performance.now() - t0 - (targetOnly?.ssl.ms ?? 0);

  const budget = Math.floor(profile.fixedRatio * u);
  const common = {
    clusters: profile.clusters,
    patience: profile.patience,
    stopThresh: profile.stopThresh,
    kmeansRestarts: profile.kmeansRestarts,
    seed,
  };
  const input = { target: targetFeatures, openSet: openFeatures };
  const simcoreCell = (stop: boolean): CoresetCell => {
    const t = performance.now();
    const r = selectSimCore(input, stop ? { ...common, stop: true } : { ...common, budget });
    const positions = Array.from(r.indices);
    return {
      positions,
      size: positions.length,
      purity: purity(positions, split.openSetRelevant),
      rounds: r.meta.rounds as number,
      stopReason: r.meta.stopReason as string,
      roundMeans: Array.from(r.meta.roundMeans as ArrayLike<number>),
      selectMs: performance.now() - t,
    };
  };
  const fixed = simcoreCell(false);
  const stop = simcoreCell(true);
  const t1 = performance.now();
  const randomPositions = Array.from(selectRandomOpenSet(u, budget, 3000 + seed).indices);
  const random: CoresetCell = {
    positions: randomPositions,
    size: randomPositions.length,
    purity: purity(randomPositions, split.openSetRelevant),
    rounds: null,
    stopReason: null,
    roundMeans: null,
    selectMs: performance.now() - t1,
  };
  return {
    targetSize: split.target.x.rows,
    openSetSize: u,
    baseRate: relevantCount / u,
    relevantCount,
    pixels,
    targetOnly,
    embedMs,
    coresets: { 'simcore-fixed': fixed, 'simcore-stop': stop, random },
  };
}

/** The open-set images as one matrix (a copy; rows in `openSet` order). */
function openSetMatrix(data: SimCoreData, openSet: Int32Array): Matrix<Float32Array> {
  const d = data.train.x.cols;
  const out = new Float32Array(openSet.length * d);
  for (let k = 0; k < openSet.length; k++) out.set(data.train.x.data.subarray(openSet[k] * d, (openSet[k] + 1) * d), k * d);
  return { rows: openSet.length, cols: d, data: out };
}
