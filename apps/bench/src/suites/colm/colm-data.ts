import { detectSmallSources } from '@coresets/colm';
import { makeSourceMixture, type SourceMixture } from '@coresets/eval';
import type { ColmProfile } from './colm-profile.js';

/** The imbalanced mixture of the fine-tuning phase and its small / large source split. */
export interface ColmData {
  readonly mixture: SourceMixture;
  /** Sources below the mean source size (colm.md §2's rule), ascending. */
  readonly smallSources: number[];
  readonly largeSources: number[];
}

export function loadColmData(profile: ColmProfile): ColmData {
  const mixture = makeSourceMixture({ trainSize: profile.trainSize, testPerSource: profile.testPerSource, oodPerSource: profile.oodPerSource, seed: 0 });
  const smallSources = [...detectSmallSources(mixture.sourceSizes)];
  const small = new Set(smallSources);
  return { mixture, smallSources, largeSources: mixture.sourceSizes.map((_, s) => s).filter((s) => !small.has(s)) };
}

/** Mean of per-source values over the given sources (NaN-free: every source has test rows). */
export function averageOver(perSource: readonly number[], sources: readonly number[]): number {
  return sources.reduce((a, s) => a + perSource[s], 0) / Math.max(1, sources.length);
}
