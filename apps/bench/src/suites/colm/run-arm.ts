import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@coresets/core';
import { createColmStepSelector, createExactFeatureFn, createZoFeatureFn, type ColmStepSelectorOptions } from '@coresets/colm';
import {
  encodeLmBatch,
  exactMatch,
  finetuneLm,
  lastValueLoraB,
  perExampleLmLoss,
  type LmExample,
  type LmPool,
  type LmPoolSelection,
  type LmPoolSelector,
  type TinyTransformer,
} from '@coresets/eval';
import { MULTI_DIRECTION_COUNT, type ColmArm, type ColmProfile } from './colm-profile.js';
import { averageOver, type ColmData } from './colm-data.js';
import { measureGradientMatch, type GradientMatch } from './gradient-matching.js';
import { createColmModel, loadBaseWeights, type PretrainCell } from './pretrain.js';
import { createStructuredRandomSelector } from './structured-random.js';

export interface AccuracySummary {
  readonly perSource: number[];
  readonly macro: number;
  readonly small: number;
  readonly large: number;
}

/** Selection invariants counted over all steps (colm.md §6); every count should be 0. */
export interface SelectionInvariants {
  readonly steps: number;
  /** Steps whose selection is not exactly b rows. */
  wrongSize: number;
  /** Steps with a repeated or out-of-range position. */
  badPositions: number;
  /** Steps where |K| ≤ b but a small-source row of the pool was left out (keep-small arms only). */
  keptMissing: number;
}

/** One arm × seed: learning curve, final accuracies, memory, timings, gradient matching. */
export interface ArmRunResult {
  readonly arm: string;
  readonly seed: number;
  readonly steps: number;
  readonly poolSize: number;
  /** In-domain exact match during training (step 0 = the pre-trained model). */
  readonly curve: { readonly step: number; readonly macro: number; readonly small: number; readonly large: number }[];
  readonly test: AccuracySummary & { readonly nllMacro: number };
  /** Answer-token NLL on the in-domain test set, per source and averaged like the accuracies. */
  readonly nll: AccuracySummary;
  readonly ood: AccuracySummary;
  readonly firstLoss: number;
  /** Mean training loss of the last 10 steps. */
  readonly finalLoss: number;
  readonly lossesFinite: boolean;
  /** Peak tensor bytes of the measured train steps. */
  readonly peakTensorBytes: number[];
  readonly meanRowsPerStep: number;
  /** Mean share of small-source rows among the trained rows. */
  readonly smallShare: number;
  readonly selectMsPerStep: number;
  readonly trainMsPerStep: number;
  readonly gradient: GradientMatch[];
  readonly invariants: SelectionInvariants | null;
}

type PlainSelector = (pool: LmPool, model: TinyTransformer) => LmPoolSelection | Promise<LmPoolSelection>;

const exampleLoss = (examples: readonly LmExample[], model: TinyTransformer): tf.Tensor1D => perExampleLmLoss(model, encodeLmBatch(examples));

/** The arm's selection rule, or undefined when it trains on the whole pool. */
export function armSelector(arm: ColmArm, batch: number, data: ColmData, seed: number): PlainSelector | undefined {
  switch (arm.kind) {
    case 'full-pool':
      return undefined;
    case 'random': {
      const rng = Rng.fromSeed(10_007 + seed);
      return (pool) => ({ positions: Int32Array.from(rng.sampleWithoutReplacement(pool.examples.length, batch)) });
    }
    case 'structured':
      return createStructuredRandomSelector({ budget: batch, smallSources: data.smallSources, seed: 20_011 + seed });
    case 'colm': {
      const featureFn =
        arm.ablation === 'exact'
          ? createExactFeatureFn<LmExample, TinyTransformer>({ parameters: (m) => [m.parameter(lastValueLoraB(m))], loss: exampleLoss })
          : createZoFeatureFn<LmExample, TinyTransformer>({
              parameter: (m) => m.parameter(lastValueLoraB(m)),
              loss: exampleLoss,
              seed: 30_011 + seed,
              direction: arm.ablation === 'fixed-z' ? 'fixed' : 'fresh',
              directions: arm.ablation === 'zo-16' ? MULTI_DIRECTION_COUNT : 1,
            });
      const options: ColmStepSelectorOptions<LmExample, TinyTransformer> = {
        featureFn,
        budget: batch,
        ...(arm.ablation === 'no-keep-small' ? { keepSmall: false } : { sourceSizes: data.mixture.sourceSizes }),
        ...(arm.ablation === 'no-adam' ? { normalize: 'none' as const } : {}),
        ...(arm.ablation === 'no-per-source' ? { perSource: false } : {}),
        ...(arm.ablation === 'craig' ? { weights: 'craig' as const } : {}),
      };
      return createColmStepSelector(options);
    }
  }
}

function summarize(perSource: number[], data: ColmData): AccuracySummary {
  return { perSource, macro: averageOver(perSource, perSource.map((_, s) => s)), small: averageOver(perSource, data.smallSources), large: averageOver(perSource, data.largeSources) };
}

/** Mean answer-token NLL per source on the in-domain test set. */
function testNll(model: TinyTransformer, data: ColmData): number[] {
  const test = data.mixture.test;
  const losses = tf.tidy(() => exampleLoss(test, model).dataSync());
  const sums = new Float64Array(data.mixture.sourceNames.length);
  const counts = new Float64Array(sums.length);
  test.forEach((e, i) => {
    sums[e.source] += losses[i];
    counts[e.source]++;
  });
  return Array.from(sums, (s, q) => s / counts[q]);
}

/**
 * Fine-tunes LoRA (base frozen, pre-trained weights loaded) for the profile's steps with the
 * arm's selection rule and measures everything the report needs.
 */
export async function runArm(arm: ColmArm, seed: number, profile: ColmProfile, data: ColmData, pretrained: PretrainCell, log: (line: string) => void): Promise<ArmRunResult> {
  const b = profile.batch;
  const poolSize = b * arm.poolFactor;
  const numSources = data.mixture.sourceNames.length;
  const small = new Set(data.smallSources);
  const model = createColmModel(8, 1000 + seed);
  try {
    loadBaseWeights(model, pretrained);
    const inner = armSelector(arm, b, data, seed);
    const gradientSteps = new Set(profile.gradientSteps);
    const gradient: GradientMatch[] = [];
    const gradientRng = Rng.fromSeed(40_009 + seed);
    let selectMs = 0;
    let smallRows = 0;
    let rows = 0;
    const invariants: SelectionInvariants | null = inner === undefined ? null : { steps: 0, wrongSize: 0, badPositions: 0, keptMissing: 0 };
    const keepsSmall = arm.kind === 'structured' || (arm.kind === 'colm' && arm.ablation !== 'no-keep-small');
    const countSmall = (pool: LmPool, positions: ArrayLike<number>) => {
      for (let i = 0; i < positions.length; i++) if (small.has(pool.examples[positions[i]].source)) smallRows++;
      rows += positions.length;
    };
    const selector: LmPoolSelector | undefined =
      inner === undefined
        ? (pool) => {
            // Trains on the whole pool; the selector only counts the small-source share.
            const positions = Int32Array.from(pool.examples.keys());
            countSmall(pool, positions);
            return { positions };
          }
        : async (pool, m) => {
            const t0 = performance.now();
            const chosen = await inner(pool, m);
            selectMs += performance.now() - t0;
            const inv = invariants as SelectionInvariants & { steps: number };
            inv.steps++;
            const p = chosen.positions;
            if (p.length !== b) inv.wrongSize++;
            const unique = new Set(p);
            if (unique.size !== p.length || p.some((x) => x < 0 || x >= pool.examples.length)) inv.badPositions++;
            const keptRows = pool.examples.flatMap((e, i) => (small.has(e.source) ? [i] : []));
            if (keepsSmall && keptRows.length <= b && keptRows.some((i) => !unique.has(i))) inv.keptMissing++;
            countSmall(pool, p);
            if (gradientSteps.has(pool.step)) {
              gradient.push(measureGradientMatch(m, pool.examples, p, chosen.weights, pool.step, profile.gradientBaselineDraws, gradientRng));
            }
            return chosen;
          };
    const result = await finetuneLm(model, data.mixture.train, {
      steps: profile.steps,
      poolSize,
      selector,
      learningRate: profile.learningRate,
      warmupSteps: profile.warmupSteps,
      evalEvery: profile.evalEvery,
      evalSets: { test: data.mixture.test },
      numSources,
      memoryEvery: profile.memoryEvery,
      seed: 50_021 + seed,
      onProgress: (e) => {
        if (e.completed % 50 === 0) log(`${arm.id} seed ${seed}: step ${e.completed}/${e.total}, loss ${Number(e.info?.loss).toFixed(3)}`);
      },
    });
    const curve = [
      { step: 0, ...pick(summarize(pretrained.test.perSource, data)) },
      ...result.evaluations.map((e) => ({ step: e.step, ...pick(summarize(e.sets.test.perSource, data)) })),
    ];
    const last = result.evaluations[result.evaluations.length - 1];
    const ood = exactMatch(model, data.mixture.ood, numSources);
    const tail = result.losses.slice(-10);
    const nll = summarize(testNll(model, data), data);
    return {
      arm: arm.id,
      seed,
      steps: profile.steps,
      poolSize,
      curve,
      test: { ...summarize(last.sets.test.perSource, data), nllMacro: nll.macro },
      nll,
      ood: summarize(ood.perSource, data),
      firstLoss: result.losses[0],
      finalLoss: tail.reduce((a, v) => a + v, 0) / tail.length,
      lossesFinite: result.losses.every((l) => Number.isFinite(l)),
      peakTensorBytes: result.peakTensorBytes,
      meanRowsPerStep: result.rowsPerStep.reduce((a, v) => a + v, 0) / result.rowsPerStep.length,
      smallShare: smallRows / Math.max(1, rows),
      // The whole-pool arms' selector is a no-op; their selection time is 0 by construction.
      selectMsPerStep: inner === undefined ? 0 : selectMs / profile.steps,
      trainMsPerStep: result.trainMs / profile.steps,
      gradient,
      invariants,
    };
  } finally {
    model.dispose();
  }
}

function pick(s: AccuracySummary): { macro: number; small: number; large: number } {
  return { macro: s.macro, small: s.small, large: s.large };
}
