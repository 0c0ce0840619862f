import type { Command } from 'commander';
import { SCORE_HARD_END, selectCcs, selectRandom, selectTopK } from '@coresets/ccs';
import { toRng, type SelectionResult } from '@coresets/core';
import {
  createMlp,
  evaluateClassifier,
  makeGaussianBlobs,
  subsetDataset,
  trainClassifier,
  type LabeledDataset,
} from '@coresets/eval';
import { selectFacilityLocation } from '@coresets/submodular';
import type { CliContext } from '../cli-context.js';
import { choiceFlag, integerFlag, rateFlag } from '../io/parse-flags.js';
import { trainWithDynamics } from '../train/train-with-dynamics.js';
import { BACKEND_NAMES, initBackendFlag } from './select/common.js';

interface DemoFlags {
  readonly seed: number;
  readonly rate: number;
  readonly backend?: (typeof BACKEND_NAMES)[number];
  readonly quiet?: boolean;
}

/** The embedded problem: small enough for well under a minute on two cores. */
export const DEMO_SETTINGS = {
  rate: 0.9,
  trainRows: 2000,
  testRows: 1000,
  numClasses: 4,
  dim: 8,
  clustersPerClass: 3,
  clusterStd: 1.5,
  labelNoise: 0.2,
  hidden: [64, 32] as readonly number[],
  epochs: 12,
  batchSize: 64,
  learningRate: 0.05,
} as const;

interface DemoRow {
  readonly method: string;
  readonly size: number;
  readonly selectMs: number | undefined;
  readonly accuracy: number;
}

export function registerDemoCommand(program: Command, context: CliContext): void {
  const S = DEMO_SETTINGS;
  program
    .command('demo')
    .description(
      `the whole workflow on embedded synthetic data (no files, no downloads): Gaussian blobs with ${S.labelNoise * 100}% label noise, ` +
        'training dynamics, then random, hardest-first AUM, CCS and facility-location coresets, each trained and tested',
    )
    .option(
      '--seed <n>',
      'seed of the data, the models and every selection',
      integerFlag('--seed'),
      0,
    )
    .option(
      '--rate <r>',
      'pruning rate: fraction of the training set removed, in (0, 1)',
      rateFlag,
      S.rate,
    )
    .option(
      '--backend <name>',
      `tensor backend: ${BACKEND_NAMES.join('|')} (default: best available)`,
      choiceFlag('--backend', BACKEND_NAMES),
    )
    .option('--quiet', 'no progress lines on stderr')
    .action(async (flags: DemoFlags) => {
      const log = (line: string): void => {
        if (flags.quiet !== true) context.stderr.write(`demo: ${line}\n`);
      };
      const backend = await initBackendFlag(flags.backend);
      const rng = toRng(flags.seed);
      const blobs = makeGaussianBlobs({
        n: S.trainRows + S.testRows,
        numClasses: S.numClasses,
        dim: S.dim,
        clustersPerClass: S.clustersPerClass,
        clusterStd: S.clusterStd,
        labelNoise: S.labelNoise,
        seed: rng.split(),
      });
      // Rows are already shuffled: the first ones train (noisy labels), the rest test (clean labels).
      const train = subsetDataset(blobs, range(0, S.trainRows));
      const testIdx = range(S.trainRows, S.trainRows + S.testRows);
      const test: LabeledDataset = {
        ...subsetDataset(blobs, testIdx),
        labels: Int32Array.from(testIdx, (i) => blobs.cleanLabels[i]),
      };
      log(
        `backend ${backend.name}; ${S.trainRows} training rows (${S.numClasses} classes, ${S.dim} features, ` +
          `${S.labelNoise * 100}% noisy labels), ${S.testRows} clean test rows`,
      );

      log(`training the full-data MLP for ${S.epochs} epochs while recording training dynamics…`);
      const full = trainWithDynamics(train, {
        model: 'mlp',
        epochs: S.epochs,
        batchSize: S.batchSize,
        learningRate: S.learningRate,
        hidden: S.hidden,
        seed: rng.split(),
      });
      const iterations = full.iterations;
      const rows: DemoRow[] = [
        {
          method: 'full data',
          size: S.trainRows,
          selectMs: undefined,
          accuracy: evaluateClassifier(full.model, test).accuracy,
        },
      ];
      full.model.dispose();
      const aum = full.scores.aum;
      log(
        `full data: ${(rows[0].accuracy * 100).toFixed(1)}% test accuracy in ${(full.trainMs / 1000).toFixed(1)} s`,
      );

      const budget = { rate: flags.rate };
      const selections: { method: string; select: () => SelectionResult }[] = [
        {
          method: 'random',
          select: () => selectRandom({ n: S.trainRows }, { ...budget, seed: rng.split() }),
        },
        {
          method: 'topk (hardest AUM)',
          select: () => selectTopK({ scores: aum.values }, { ...budget, keep: SCORE_HARD_END.aum }),
        },
        {
          method: 'ccs (AUM strata)',
          select: () =>
            selectCcs({ scores: aum.values }, { ...budget, hard: aum.hard, seed: rng.split() }),
        },
        {
          method: 'facility location',
          select: () => {
            const m = Math.max(1, Math.round(S.trainRows * (1 - flags.rate)));
            return selectFacilityLocation({ features: train.x }, { budget: m, seed: rng.split() });
          },
        },
      ];
      for (const { method, select } of selections) {
        const started = performance.now();
        const result = select();
        const selectMs = performance.now() - started;
        const subset = subsetDataset(train, result.indices);
        const model = createMlp({
          inputSize: S.dim,
          numClasses: S.numClasses,
          hidden: S.hidden,
          seed: rng.split(),
        });
        try {
          // Same number of steps as the full-data run, so every coreset gets the same compute.
          trainClassifier(model, subset, {
            iterations,
            batchSize: S.batchSize,
            learningRate: S.learningRate,
            seed: rng.split(),
            ...(result.weights === undefined ? {} : { weights: result.weights }),
          });
          const accuracy = evaluateClassifier(model, test).accuracy;
          rows.push({ method, size: result.indices.length, selectMs, accuracy });
          log(
            `${method}: ${result.indices.length} rows selected in ${selectMs.toFixed(1)} ms, ${(accuracy * 100).toFixed(1)}% test accuracy`,
          );
        } finally {
          model.dispose();
        }
      }
      context.stdout.write(formatTable(rows, flags.rate, iterations));
    });
}

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => from + i);
}

function formatTable(rows: readonly DemoRow[], rate: number, iterations: number): string {
  const header = ['method', 'coreset size', 'selection ms', 'test accuracy'];
  const cells = rows.map((r) => [
    r.method,
    String(r.size),
    r.selectMs === undefined ? '-' : r.selectMs.toFixed(1),
    `${(r.accuracy * 100).toFixed(1)}%`,
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j].length)));
  const line = (c: readonly string[]) =>
    c.map((v, j) => (j === 0 ? v.padEnd(widths[j]) : v.padStart(widths[j]))).join('  ');
  return [
    `pruning rate ${rate} (fraction removed); every model trained for ${iterations} steps; facility location trains with its weights`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    '',
  ].join('\n');
}
