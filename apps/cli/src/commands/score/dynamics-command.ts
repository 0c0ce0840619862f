import type { Command } from 'commander';
import { SCORE_NAMES, type Score } from '@coresets/ccs';
import { DEFAULT_TRAIN_OPTIONS, loadFashionMnist, type LabeledDataset } from '@coresets/eval';
import type { CliContext } from '../../cli-context.js';
import { attributeToFlag } from '../../cli-error.js';
import { choiceFlag, integerFlag, numberFlag } from '../../io/parse-flags.js';
import { checkScoresOut, writeScores } from '../../io/write-scores.js';
import { createProgressReporter } from '../../progress/progress-reporter.js';
import { trainWithDynamics, type ModelKind } from '../../train/train-with-dynamics.js';
import { BACKEND_NAMES, initBackendFlag } from '../select/common.js';

interface DynamicsFlags {
  readonly dataset: 'fashion-mnist';
  readonly dataDir?: string;
  readonly model: ModelKind;
  readonly epochs: number;
  readonly limit?: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly out: string;
  readonly seed: number;
  readonly backend?: (typeof BACKEND_NAMES)[number];
  readonly quiet?: boolean;
}

export const DEFAULT_SCORE_DYNAMICS_FLAGS = { model: 'mlp', epochs: 20 } as const;

export function registerDynamicsCommand(score: Command, context: CliContext): void {
  score
    .command('dynamics')
    .description(`train a model and record training-dynamics scores: ${SCORE_NAMES.join(', ')}`)
    .requiredOption(
      '--dataset <name>',
      'data set to train on: fashion-mnist',
      choiceFlag('--dataset', ['fashion-mnist'] as const),
    )
    .option(
      '--data-dir <dir>',
      'folder holding the data set files (default: $CORESETS_DATA_DIR/<name>, then /usr/share/datasets/<name>)',
    )
    .option(
      '--model <kind>',
      'model: mlp|cnn',
      choiceFlag('--model', ['mlp', 'cnn'] as const),
      DEFAULT_SCORE_DYNAMICS_FLAGS.model as ModelKind,
    )
    .option(
      '--epochs <n>',
      'full passes over the training set',
      integerFlag('--epochs', 1),
      DEFAULT_SCORE_DYNAMICS_FLAGS.epochs,
    )
    .option(
      '--limit <n>',
      'train on the first n training images only (quick runs; default: all)',
      integerFlag('--limit', 1),
    )
    .option(
      '--batch-size <n>',
      'examples per step',
      integerFlag('--batch-size', 1),
      DEFAULT_TRAIN_OPTIONS.batchSize,
    )
    .option(
      '--learning-rate <lr>',
      'peak learning rate (SGD with Nesterov momentum, cosine schedule)',
      numberFlag('--learning-rate', { min: 0, max: Infinity, exclusive: true }),
      DEFAULT_TRAIN_OPTIONS.learningRate,
    )
    .requiredOption(
      '--out <file>',
      'file.json (every score and its hard end), file.npy (writes file.<score>.npy per score), or - for JSON on stdout',
    )
    .option(
      '--seed <n>',
      'seed of the model initialisation and the batch order',
      integerFlag('--seed'),
      0,
    )
    .option(
      '--backend <name>',
      `tensor backend: ${BACKEND_NAMES.join('|')} (default: best available)`,
      choiceFlag('--backend', BACKEND_NAMES),
    )
    .option('--quiet', 'no progress output on stderr')
    .action(async (flags: DynamicsFlags) => {
      checkScoresOut(flags.out);
      let data: LabeledDataset;
      try {
        data = loadFashionMnist({
          dataDir: flags.dataDir,
          env: context.env,
          limit: flags.limit,
        }).train;
      } catch (error) {
        throw attributeToFlag(flags.dataDir === undefined ? '--dataset' : '--data-dir', error);
      }
      const backend = await initBackendFlag(flags.backend);
      const progress = createProgressReporter(context.stderr, flags.quiet === true);
      let run;
      try {
        run = trainWithDynamics(data, {
          model: flags.model,
          epochs: flags.epochs,
          batchSize: flags.batchSize,
          learningRate: flags.learningRate,
          seed: flags.seed,
          onProgress: progress.onProgress,
        });
      } finally {
        progress.stop();
      }
      run.model.dispose();
      const s = run.scores;
      const scores = [s.aum, s.forgetting, s.el2n, s.entropy, s.loss, s.correctness].filter(
        (x): x is Score => x !== undefined,
      );
      const written = writeScores(
        flags.out,
        scores,
        {
          meta: {
            dataset: flags.dataset,
            model: flags.model,
            epochs: flags.epochs,
            trainRows: data.x.rows,
            iterations: run.iterations,
            batchSize: flags.batchSize,
            learningRate: flags.learningRate,
            el2nEpochs: s.el2nEpochs,
            neverLearnedCount: s.neverLearnedCount,
            backend: backend.name,
            trainMs: run.trainMs,
          },
          seed: flags.seed,
          version: context.version,
        },
        context.stdout,
      );
      if (flags.quiet !== true && flags.out !== '-') {
        context.stderr.write(
          `score dynamics: ${scores.length} scores for ${data.x.rows} examples → ${written.join(', ')}\n`,
        );
      }
    });
}
