import {
  aucPr,
  createDynamicsRecorder,
  recommendedBeta,
  selectCcs,
  selectModerate,
  SCORE_HARD_END,
} from '@coresets/ccs';
import { evaluateClassifier, predict, trainClassifier } from '@coresets/eval';
import type { CcsData } from './ccs-data.js';
import { createModel } from './ccs-data.js';
import type { CcsProfile } from './ccs-profile.js';
import { coresetKey, percent } from './ccs-profile.js';
import {
  isDeterministic,
  roundStored,
  selectCoreset,
  selectionSeed,
  type StoredScores,
} from './select-coreset.js';

export interface CcsStrataSummary {
  readonly rate: number;
  readonly beta: number;
  readonly cutCount: number;
  readonly m: number;
  readonly nonEmptyStrata: number;
  readonly stratumEdges: number[];
  readonly strataSizes: number[];
  readonly budgets: number[];
}

/** The stored outcome of the full-data score run: scores, coverage of every coreset, diagnostics. */
export interface ScoreRunCell {
  readonly poolSize: number;
  readonly steps: number;
  readonly numEpochs: number;
  readonly el2nEpochs: number;
  readonly neverLearnedCount: number;
  /** Test accuracy of the score model (trained on the whole pool for `scoreEpochs`). */
  readonly testAccuracy: number;
  /** Training-mode accuracy over the last epoch's forward passes. */
  readonly lastEpochTrainAccuracy: number;
  readonly trainMs: number;
  readonly coverageMs: number;
  readonly scores: StoredScores;
  /** AUC_pr of every coreset, by `coresetKey(rate, method, seed)`; deterministic methods under seed 0 only. */
  readonly coverage: Readonly<Record<string, number>>;
  /** AUC_pr of the whole pool (the lower bound of every subset's value). */
  readonly coverageFullPool: number;
  readonly coverageTestRows: number;
  /** CCS strata and budgets (seed 0) per rate. */
  readonly strata: readonly CcsStrataSummary[];
}

/**
 * Trains the score model once on the whole pool (SGD-Nesterov, cosine, the spec's protocol),
 * recording AUM, forgetting and EL2N online from the training forward passes, then entropy from
 * the final model; then selects every coreset of the grid and measures its AUC_pr in the final
 * model's embedding space. Everything that needs the model happens here, because only scores
 * and AUC_pr values are stored.
 */
export function runScoreModel(
  profile: CcsProfile,
  data: CcsData,
  log: (line: string) => void,
): ScoreRunCell {
  const { pool } = data;
  const n = pool.x.rows;
  const stepsPerEpoch = Math.ceil(n / profile.scoreBatchSize);
  const steps = stepsPerEpoch * profile.scoreEpochs;
  const recorder = createDynamicsRecorder({
    numExamples: n,
    numClasses: pool.numClasses,
    numEpochs: profile.scoreEpochs,
  });
  const model = createModel(profile.model, 1);
  let lastEpochCorrect = 0;
  try {
    const started = performance.now();
    trainClassifier(model, pool, {
      iterations: steps,
      batchSize: profile.scoreBatchSize,
      learningRate: profile.learningRate,
      weightDecay: profile.weightDecay,
      seed: 2,
      onBatch: (b) => {
        recorder.onBatch({
          ids: b.ids,
          labels: b.labels,
          probs: b.probabilities.data,
          epoch: b.epoch,
        });
        if (b.epoch === profile.scoreEpochs - 1)
          lastEpochCorrect += countCorrect(b.probabilities.data, b.labels, pool.numClasses);
      },
      progressEvery: stepsPerEpoch,
      onProgress: (e) =>
        log(`score run: epoch ${Math.round(e.completed / stepsPerEpoch)}/${profile.scoreEpochs}`),
    });
    const trainMs = performance.now() - started;
    const poolOut = predict(model, pool.x);
    const dynamics = recorder.finish({ finalLogits: poolOut.logits.data });
    const testAccuracy = evaluateClassifier(model, data.test).accuracy;
    const entropy = dynamics.entropy?.values ?? new Float64Array(n).fill(Number.NaN);
    const coverageStart = performance.now();
    const moderate: Record<string, number[]> = {};
    for (const { rate, methods } of profile.grid) {
      if (methods.includes('moderate')) {
        moderate[percent(rate)] = Array.from(
          selectModerate({ features: poolOut.embeddings, labels: pool.labels }, { rate }).indices,
        );
      }
    }
    const scores: StoredScores = {
      aum: Array.from(dynamics.aum.values, roundStored),
      forgetting: Array.from(dynamics.forgetting.values, roundStored),
      el2n: Array.from(dynamics.el2n.values, roundStored),
      entropy: Array.from(entropy, roundStored),
      moderate,
    };
    const reference = predict(model, data.coverageTest.x).embeddings;
    const features = poolOut.embeddings;
    const coverage: Record<string, number> = {};
    const strata: CcsStrataSummary[] = [];
    for (const { rate, methods } of profile.grid) {
      for (const method of methods) {
        const seeds = isDeterministic(method) ? 1 : profile.coverageSeeds;
        for (let seed = 0; seed < seeds; seed++) {
          const indices = selectCoreset(method, rate, seed, scores, profile.strata);
          coverage[coresetKey(rate, method, seed)] = aucPr(
            { reference, features, indices },
            { engine: 'tfjs' },
          );
        }
      }
      log(`AUC_pr done for ${percent(rate)}`);
      const c = selectCcs(
        { scores: Float64Array.from(scores.aum) },
        { hard: SCORE_HARD_END.aum, rate, strata: profile.strata, seed: selectionSeed(0) },
      );
      const meta = c.meta as unknown as {
        cutCount: number;
        m: number;
        stratumEdges: number[];
        strataSizes: number[];
        budgets: number[];
      };
      strata.push({
        rate,
        beta: recommendedBeta(rate),
        cutCount: meta.cutCount,
        m: meta.m,
        nonEmptyStrata: meta.strataSizes.filter((s) => s > 0).length,
        stratumEdges: meta.stratumEdges.map(roundStored),
        strataSizes: meta.strataSizes,
        budgets: meta.budgets,
      });
    }
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const coverageFullPool = aucPr({ reference, features, indices: all }, { engine: 'tfjs' });
    return {
      poolSize: n,
      steps,
      numEpochs: dynamics.numEpochs,
      el2nEpochs: dynamics.el2nEpochs,
      neverLearnedCount: dynamics.neverLearnedCount,
      testAccuracy,
      lastEpochTrainAccuracy: lastEpochCorrect / n,
      trainMs,
      coverageMs: performance.now() - coverageStart,
      scores,
      coverage,
      coverageFullPool,
      coverageTestRows: reference.rows,
      strata,
    };
  } finally {
    model.dispose();
  }
}

/** Rows whose arg-max (ties → first class) is the label. */
function countCorrect(probs: Float64Array, labels: Int32Array, c: number): number {
  let correct = 0;
  for (let r = 0; r < labels.length; r++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (probs[r * c + k] > probs[r * c + best]) best = k;
    if (best === labels[r]) correct++;
  }
  return correct;
}
