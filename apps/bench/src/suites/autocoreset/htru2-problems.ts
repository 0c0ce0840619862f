import { toFloat64 } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { HTRU2_FILE, loadHtru2, resolveDatasetDir, splitDataset, standardizeDatasets } from '@coresets/eval';
import type { LabeledDataset } from '@coresets/eval';
import { isClassification, type AutoCoresetProfile, type BenchProblem } from './autocoreset-profile.js';

/** The data one problem is fitted and evaluated on. */
export interface ProblemData {
  /** Coresets are built from, and ε is measured on, these rows. */
  readonly train: Matrix<Float64Array>;
  /** ±1 class labels (classification) or ±1 regression targets; undefined for k-means. */
  readonly trainLabels: Float64Array | undefined;
  /** Accuracy / R² are measured here (the test split, or all rows for regression). */
  readonly test: Matrix<Float64Array> | undefined;
  readonly testLabels: Float64Array | undefined;
}

export interface Htru2Problems {
  /** The folder HTRU_2.csv was read from. */
  readonly dir: string;
  readonly rows: number;
  readonly positives: number;
  readonly trainRows: number;
  readonly testRows: number;
  /** Training rows per class [negatives, positives] (the classification split). */
  readonly trainCounts: [number, number];
  get(problem: BenchProblem): ProblemData;
}

function signs(labels: Int32Array): Float64Array {
  return Float64Array.from(labels, (y) => (y === 1 ? 1 : -1));
}

/**
 * HTRU2 as the spec's protocol says: classification on a seeded 70/30 split standardised with
 * training statistics; regression and k-means on all rows (standardised with their own
 * statistics) for both fit and evaluation. `dataRoot` is a folder holding `htru2/`.
 */
export function loadHtru2Problems(profile: AutoCoresetProfile, dataRoot: string | undefined): Htru2Problems {
  const options = dataRoot === undefined ? {} : { env: { ...process.env, CORESETS_DATA_DIR: dataRoot } };
  const all: LabeledDataset = loadHtru2(options);
  const split = splitDataset(all, { size: profile.testShare, seed: profile.splitSeed });
  const [train, test] = standardizeDatasets(split.first, split.second);
  const [whole] = standardizeDatasets(all);
  const classification: ProblemData = {
    train: toFloat64(train.x),
    trainLabels: signs(train.labels),
    test: toFloat64(test.x),
    testLabels: signs(test.labels),
  };
  const wholeX = toFloat64(whole.x);
  const wholeY = signs(whole.labels);
  return {
    dir: resolveDatasetDir('htru2', [HTRU2_FILE], options),
    rows: all.x.rows,
    positives: all.labels.reduce((a, b) => a + b, 0),
    trainRows: train.x.rows,
    testRows: test.x.rows,
    trainCounts: [train.x.rows - train.labels.reduce((a, b) => a + b, 0), train.labels.reduce((a, b) => a + b, 0)],
    get(problem) {
      if (isClassification(problem)) return classification;
      if (problem === 'linear') return { train: wholeX, trainLabels: wholeY, test: wholeX, testLabels: wholeY };
      return { train: wholeX, trainLabels: undefined, test: undefined, testLabels: undefined };
    },
  };
}
