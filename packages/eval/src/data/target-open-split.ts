import { CoresetError, assertInteger, toRng } from '@coresets/core';
import type { Rng } from '@coresets/core';
import type { LabeledDataset } from './dataset.js';

export interface TargetOpenSplitOptions {
  /** Classes of the target task (mutually confusable ones for a fine-grained target). */
  readonly targetClasses?: readonly number[] | undefined;
  /** Target training images drawn per target class; the rest of those classes go to the open set. */
  readonly perClass?: number | undefined;
  readonly seed: number | Rng;
}

/** SimCore's Fashion-MNIST setting: T-shirt/top, Pullover, Coat, Shirt; 200 images each. */
export const DEFAULT_TARGET_OPEN_SPLIT_OPTIONS = {
  targetClasses: [0, 2, 4, 6] as readonly number[],
  perClass: 200,
} as const;

export interface TargetOpenSplit {
  /** Rows of the target set X, grouped by target class in the order of `targetClasses`. */
  readonly target: Int32Array;
  /** All other rows (the open set U), ascending. */
  readonly openSet: Int32Array;
  /** 1 for open-set rows whose class is a target class (the "oracle" subset; diagnostics only). */
  readonly openSetRelevant: Uint8Array;
  /** `relabel` table for `subsetDataset`: target class → 0..T−1, other classes → −1. */
  readonly relabel: Int32Array;
}

/**
 * Splits a data set into a small target set and an open set (row indices into `data`). Pair with
 * `subsetDataset(test, rowsWithLabels(test, targetClasses), { relabel })` for the target-task probe.
 */
export function makeTargetOpenSplit(data: LabeledDataset, options: TargetOpenSplitOptions): TargetOpenSplit {
  const targetClasses = options.targetClasses ?? DEFAULT_TARGET_OPEN_SPLIT_OPTIONS.targetClasses;
  const perClass = options.perClass ?? DEFAULT_TARGET_OPEN_SPLIT_OPTIONS.perClass;
  assertInteger(perClass, 'perClass', 1);
  if (targetClasses.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'targetClasses must not be empty', { argument: 'targetClasses' });
  }
  const relabel = new Int32Array(data.numClasses).fill(-1);
  targetClasses.forEach((c, t) => {
    if (!Number.isInteger(c) || c < 0 || c >= data.numClasses) {
      throw new CoresetError('OUT_OF_RANGE', `targetClasses[${t}] = ${c} is not a class of the data set`, {
        argument: 'targetClasses',
      });
    }
    if (relabel[c] !== -1) {
      throw new CoresetError('INVALID_ARGUMENT', `targetClasses lists class ${c} twice`, { argument: 'targetClasses' });
    }
    relabel[c] = t;
  });
  const rng = toRng(options.seed);
  const byClass: number[][] = targetClasses.map(() => []);
  for (let i = 0; i < data.labels.length; i++) {
    const t = relabel[data.labels[i]];
    if (t >= 0) byClass[t].push(i);
  }
  const isTarget = new Uint8Array(data.labels.length);
  const target = new Int32Array(perClass * targetClasses.length);
  let w = 0;
  for (let t = 0; t < byClass.length; t++) {
    if (byClass[t].length < perClass) {
      throw new CoresetError('INFEASIBLE', `class ${targetClasses[t]} has ${byClass[t].length} rows, fewer than perClass = ${perClass}`, {
        argument: 'perClass',
      });
    }
    const picks = Array.from(rng.sampleWithoutReplacement(byClass[t].length, perClass), (p) => byClass[t][p]).sort(
      (a, b) => a - b,
    );
    for (const i of picks) {
      target[w++] = i;
      isTarget[i] = 1;
    }
  }
  const openSet = new Int32Array(data.labels.length - target.length);
  const openSetRelevant = new Uint8Array(openSet.length);
  let u = 0;
  for (let i = 0; i < data.labels.length; i++) {
    if (isTarget[i] === 1) continue;
    openSetRelevant[u] = relabel[data.labels[i]] >= 0 ? 1 : 0;
    openSet[u++] = i;
  }
  return { target, openSet, openSetRelevant, relabel };
}
