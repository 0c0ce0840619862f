import type { Command } from 'commander';
import { DEFAULT_GORACS_OPTIONS, selectGoracs } from '@coresets/goracs';
import type { CliContext } from '../../cli-context.js';
import { flagError } from '../../cli-error.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { choiceFlag, integerFlag, numberFlag } from '../../io/parse-flags.js';
import {
  assertSameCols,
  assertSameRows,
  readLabelsFlag,
  readMatrixFlag,
  readVectorFlag,
} from '../../io/read-inputs.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface GoracsFlags extends CommonSelectFlags {
  readonly train: string;
  readonly valid: string;
  readonly gradNorms?: string;
  readonly lambda: number;
  readonly budget: number;
  readonly maxIters: number;
  readonly cut: number;
  readonly trainLabels?: string;
  readonly validLabels?: string;
  readonly validation: 'split' | 'shared';
  readonly solver: 'network-simplex' | 'sinkhorn';
}

const FLAG_NAMES = {
  trainEmbeddings: '--train',
  validEmbeddings: '--valid',
  gradNorms: '--grad-norms',
  lambda: '--lambda',
  budget: '--budget',
  maxIters: '--max-iters',
  cut: '--cut',
  labels: '--train-labels',
  validLabels: '--valid-labels',
  validation: '--validation',
  solver: '--solver',
};

const D = DEFAULT_GORACS_OPTIONS;

export function registerGoracsCommand(select: Command, context: CliContext): void {
  const command = select
    .command('goracs')
    .description(
      'GORACS: training rows close in optimal transport to a validation target, tilted to large gradients (KDD 2025)',
    )
    .requiredOption('--train <file>', 'training embeddings, N × d (the candidates)')
    .requiredOption('--valid <file>', 'validation embeddings, M × d (the target)')
    .option(
      '--grad-norms <file>',
      'per-row gradient norm ≥ 0 of the training rows (default: no gradient term)',
    )
    .option(
      '--lambda <l>',
      'weight of the normalised gradient norms in the cost',
      numberFlag('--lambda', { min: 0 }),
      D.lambda,
    )
    .requiredOption('--budget <k>', 'number of training rows to select', integerFlag('--budget', 1))
    .option(
      '--max-iters <n>',
      'most accepted swaps in refinement',
      integerFlag('--max-iters', 0),
      D.maxIters,
    )
    .option(
      '--cut <n>',
      'swap candidates kept on each side by dual-score pruning',
      integerFlag('--cut', 1),
      D.cut,
    )
    .option(
      '--train-labels <file>',
      'class label per training row (label-enhanced variant; with --valid-labels)',
    )
    .option('--valid-labels <file>', 'class label per validation row')
    .option(
      '--validation <mode>',
      'split: a seeded half of --valid is the target, the rest held out; shared: all of it',
      choiceFlag('--validation', ['split', 'shared'] as const),
      D.validation,
    )
    .option(
      '--solver <name>',
      'OT solver: network-simplex|sinkhorn (sinkhorn is approximate)',
      choiceFlag('--solver', ['network-simplex', 'sinkhorn'] as const),
      D.solver,
    );
  addCommonSelectFlags(command).action(async (flags: GoracsFlags) => {
    if ((flags.trainLabels === undefined) !== (flags.validLabels === undefined)) {
      throw flagError(
        '--train-labels',
        '--train-labels and --valid-labels go together',
        'MISSING_OPTION',
      );
    }
    const train = readMatrixFlag('--train', flags.train);
    const valid = readMatrixFlag('--valid', flags.valid);
    assertSameCols({ flag: '--train', cols: train.cols }, { flag: '--valid', cols: valid.cols });
    const gradNorms =
      flags.gradNorms === undefined ? undefined : readVectorFlag('--grad-norms', flags.gradNorms);
    if (gradNorms !== undefined)
      assertSameRows(
        { flag: '--train', rows: train.rows },
        { flag: '--grad-norms', rows: gradNorms.length },
      );
    const labels =
      flags.trainLabels === undefined
        ? undefined
        : readLabelsFlag('--train-labels', flags.trainLabels);
    const validLabels =
      flags.validLabels === undefined
        ? undefined
        : readLabelsFlag('--valid-labels', flags.validLabels);
    if (labels !== undefined)
      assertSameRows(
        { flag: '--train', rows: train.rows },
        { flag: '--train-labels', rows: labels.length },
      );
    if (validLabels !== undefined)
      assertSameRows(
        { flag: '--valid', rows: valid.rows },
        { flag: '--valid-labels', rows: validLabels.length },
      );
    if (flags.budget > train.rows)
      throw flagError(
        '--budget',
        `${flags.budget} exceeds the ${train.rows} rows of --train`,
        'OUT_OF_RANGE',
      );
    await runSelection(context, 'goracs', flags, (onProgress) =>
      withOptionFlags(FLAG_NAMES, () =>
        selectGoracs(
          { trainEmbeddings: train, validEmbeddings: valid, gradNorms, labels, validLabels },
          {
            budget: flags.budget,
            lambda: flags.lambda,
            maxIters: flags.maxIters,
            cut: flags.cut,
            validation: flags.validation,
            solver: flags.solver,
            seed: flags.seed,
            onProgress,
          },
        ),
      ),
    );
  });
}
