import {
  createCnn,
  createMlp,
  loadFashionMnist,
  splitDataset,
  type Classifier,
  type LabeledDataset,
} from '@coresets/eval';
import type { CcsProfile, ScoreModelKind } from './ccs-profile.js';

export interface CcsData {
  /** The N examples that are scored and pruned. */
  readonly pool: LabeledDataset;
  /** Accuracy is measured here. */
  readonly test: LabeledDataset;
  /** AUC_pr reference points (a stratified subset of `test`). */
  readonly coverageTest: LabeledDataset;
  /** Rows of the 55k-image training split (after the validation hold-out) forming the pool. */
  readonly poolIndices: Int32Array | undefined;
  /** Folder the Fashion-MNIST files were read from. */
  readonly dir: string;
}

/**
 * Fashion-MNIST split as the spec's reproduction protocol says: 5k training images held out as
 * validation (never used by this suite: β comes from the spec's rule, nothing else is tuned),
 * then a seeded stratified pool, the test set (or a stratified part) and the AUC_pr subset.
 * `dataRoot` is a folder holding `fashion-mnist/` (like CORESETS_DATA_DIR).
 */
export function loadCcsData(profile: CcsProfile, dataRoot: string | undefined): CcsData {
  const data = loadFashionMnist({
    validationSize: profile.validationSize,
    seed: 0,
    ...(dataRoot === undefined ? {} : { env: { ...process.env, CORESETS_DATA_DIR: dataRoot } }),
  });
  let pool = data.train;
  let poolIndices: Int32Array | undefined;
  if (profile.poolSize !== 'all' && profile.poolSize < data.train.x.rows) {
    const split = splitDataset(data.train, { size: profile.poolSize, seed: 1, stratify: true });
    pool = split.second;
    poolIndices = split.secondIndices;
  }
  const test =
    profile.testSize === 'all' || profile.testSize >= data.test.x.rows
      ? data.test
      : splitDataset(data.test, { size: profile.testSize, seed: 2, stratify: true }).second;
  const coverageTest =
    profile.coverageTestSize >= test.x.rows
      ? test
      : splitDataset(test, { size: profile.coverageTestSize, seed: 3, stratify: true }).second;
  return { pool, test, coverageTest, poolIndices, dir: data.dir };
}

/** A fresh model of the suite's kind (the same kind scores the data and trains on the coresets). */
export function createModel(kind: ScoreModelKind, seed: number): Classifier {
  return kind === 'cnn'
    ? createCnn({ inputShape: [28, 28, 1], numClasses: 10, seed })
    : createMlp({ inputSize: 784, numClasses: 10, hidden: [256, 128], seed });
}
