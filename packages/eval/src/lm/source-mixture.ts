import { CoresetError, Rng } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';
import { SKILLS, type SkillScale } from './skills.js';

/** One example of the mixture: which source (skill) it comes from, its prompt and its answer. */
export interface LmExample {
  readonly source: number;
  readonly prompt: string;
  readonly answer: string;
}

export interface SourceMixtureOptions {
  /** Training rows over all sources. */
  readonly trainSize?: number | undefined;
  /** Held-out rows per source (in-distribution test). */
  readonly testPerSource?: number | undefined;
  /** Out-of-domain rows per source (longer operands / strings). */
  readonly oodPerSource?: number | undefined;
  /** Share of the training rows per source; ≈ 300 : 1 between the largest and the smallest by default. */
  readonly proportions?: readonly number[] | undefined;
  readonly seed?: number | undefined;
}

/** Four large sources (≈ 37/20/12/10 %) and eight small ones down to ≈ 0.13 % — MathInstruct-like imbalance. */
export const DEFAULT_SOURCE_PROPORTIONS: readonly number[] = [35, 19, 11, 10, 5, 4, 3.5, 3, 2.5, 1.5, 0.8, 0.12];

export const DEFAULT_SOURCE_MIXTURE_OPTIONS = {
  trainSize: 20_000,
  testPerSource: 100,
  oodPerSource: 100,
  proportions: DEFAULT_SOURCE_PROPORTIONS,
  seed: 0,
} as const;

const IN_DOMAIN: SkillScale = { digits: 3, length: 6 };
const OUT_OF_DOMAIN: SkillScale = { digits: 5, length: 9 };

export interface SourceMixture {
  readonly sourceNames: readonly string[];
  readonly train: readonly LmExample[];
  /** Rows per source in `train`. */
  readonly sourceSizes: readonly number[];
  readonly test: readonly LmExample[];
  readonly ood: readonly LmExample[];
}

/**
 * A seeded mixture of string skills (add, copy, reverse, sort, sub, count, compare, mod, max, parity,
 * mul, word problems) with strongly imbalanced source sizes, per-source held-out sets and an
 * out-of-domain split with longer operands. Training rows are shuffled.
 */
export function makeSourceMixture(options: SourceMixtureOptions = {}): SourceMixture {
  const o = withDefaults(DEFAULT_SOURCE_MIXTURE_OPTIONS, options);
  if (o.proportions.length !== SKILLS.length || o.proportions.some((p) => !(p > 0))) {
    throw new CoresetError('INVALID_ARGUMENT', `proportions must be ${SKILLS.length} positive numbers`, {
      argument: 'proportions',
    });
  }
  if (!Number.isInteger(o.trainSize) || o.trainSize < SKILLS.length) {
    throw new CoresetError('OUT_OF_RANGE', `trainSize must be an integer ≥ ${SKILLS.length}`, { argument: 'trainSize' });
  }
  const total = o.proportions.reduce((a, b) => a + b, 0);
  // Every source gets at least one row; the largest absorbs rounding.
  const sourceSizes = o.proportions.map((p) => Math.max(1, Math.floor((o.trainSize * p) / total)));
  sourceSizes[0] += o.trainSize - sourceSizes.reduce((a, b) => a + b, 0);
  const rng = Rng.fromSeed(o.seed);
  const trainRng = rng.split();
  const testRng = rng.split();
  const oodRng = rng.split();
  const train: LmExample[] = [];
  sourceSizes.forEach((count, source) => {
    for (let i = 0; i < count; i++) train.push({ source, ...SKILLS[source].sample(trainRng, IN_DOMAIN) });
  });
  trainRng.shuffle(train);
  const heldOut = (r: Rng, perSource: number, scale: SkillScale): LmExample[] =>
    SKILLS.flatMap((skill, source) => Array.from({ length: perSource }, () => ({ source, ...skill.sample(r, scale) })));
  return {
    sourceNames: SKILLS.map((s) => s.name),
    train,
    sourceSizes,
    test: heldOut(testRng, o.testPerSource, IN_DOMAIN),
    ood: heldOut(oodRng, o.oodPerSource, OUT_OF_DOMAIN),
  };
}
