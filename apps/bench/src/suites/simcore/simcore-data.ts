import { loadFashionMnist, makeTargetOpenSplit, rowsWithLabels, subsetDataset, type LabeledDataset } from '@coresets/eval';
import type { SimCoreProfile } from './simcore-profile.js';

/** Fashion-MNIST once per run; the target/open split is drawn per seed from it. */
export interface SimCoreData {
  readonly train: LabeledDataset;
  /** Test images of the target classes, relabelled 0..T−1 (the target task's probe test set). */
  readonly targetTest: LabeledDataset;
  readonly dir: string;
}

/** `dataRoot` is a folder holding `fashion-mnist/` (like CORESETS_DATA_DIR). */
export function loadSimCoreData(profile: SimCoreProfile, dataRoot: string | undefined): SimCoreData {
  const data = loadFashionMnist(dataRoot === undefined ? {} : { env: { ...process.env, CORESETS_DATA_DIR: dataRoot } });
  const relabel = relabelTable(data.test.numClasses, profile.targetClasses);
  const targetTest = subsetDataset(data.test, rowsWithLabels(data.test, profile.targetClasses), { relabel });
  return { train: data.train, targetTest, dir: data.dir };
}

function relabelTable(numClasses: number, targetClasses: readonly number[]): Int32Array {
  const relabel = new Int32Array(numClasses).fill(-1);
  targetClasses.forEach((c, t) => (relabel[c] = t));
  return relabel;
}

/** One seed's target set X (labelled, for the probe) and open set U (training-file rows). */
export interface SeedSplit {
  readonly target: LabeledDataset;
  /** Training-file rows of U, ascending. */
  readonly openSet: Int32Array;
  /** 1 where the open-set row belongs to a target class (diagnostics only). */
  readonly openSetRelevant: Uint8Array;
}

export function seedSplit(data: SimCoreData, profile: SimCoreProfile, seed: number): SeedSplit {
  const split = makeTargetOpenSplit(data.train, { targetClasses: profile.targetClasses, perClass: profile.perClass, seed });
  return {
    target: subsetDataset(data.train, split.target, { relabel: split.relabel }),
    openSet: split.openSet,
    openSetRelevant: split.openSetRelevant,
  };
}

/** Fraction of the given open-set positions whose class is a target class. */
export function purity(positions: ArrayLike<number>, openSetRelevant: Uint8Array): number {
  if (positions.length === 0) return Number.NaN;
  let hits = 0;
  for (let i = 0; i < positions.length; i++) hits += openSetRelevant[positions[i]];
  return hits / positions.length;
}

/** Images of X followed by the open-set rows at `positions` (row-major n × 784), the SSL pool X ∪ S. */
export function poolImages(data: SimCoreData, split: SeedSplit, positions: ArrayLike<number>): Float32Array {
  const d = data.train.x.cols;
  const out = new Float32Array((split.target.x.rows + positions.length) * d);
  out.set(split.target.x.data);
  const src = data.train.x.data;
  for (let k = 0; k < positions.length; k++) {
    const row = split.openSet[positions[k]];
    out.set(src.subarray(row * d, (row + 1) * d), (split.target.x.rows + k) * d);
  }
  return out;
}
