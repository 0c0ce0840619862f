import type { Command } from 'commander';
import { DEFAULT_SIMCORE_OPTIONS, selectSimCore } from '@coresets/simcore';
import type { CliContext } from '../../cli-context.js';
import { integerFlag, numberFlag } from '../../io/parse-flags.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { readMatrixFlag } from '../../io/read-inputs.js';
import { flagError } from '../../cli-error.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface SimCoreFlags extends CommonSelectFlags {
  readonly target: string;
  readonly open: string;
  readonly budget?: number;
  readonly ratio?: number;
  readonly clusters: number;
  readonly stop?: boolean;
  readonly stopThresh: number;
  readonly patience: number;
}

const FLAG_NAMES = {
  target: '--target',
  openSet: '--open',
  budget: '--budget',
  ratio: '--ratio',
  clusters: '--clusters',
  stopThresh: '--stop-thresh',
  patience: '--patience',
};

export function registerSimCoreCommand(select: Command, context: CliContext): void {
  const command = select
    .command('simcore')
    .description('open-set rows closest to a target set (SimCore, CVPR 2023)')
    .requiredOption('--target <file>', 'target-set embeddings, |X| × d')
    .requiredOption('--open <file>', 'open-set embeddings, |U| × d')
    .option('--budget <k>', 'number of open-set rows to select', integerFlag('--budget', 1))
    .option(
      '--ratio <r>',
      'select floor(r · |U|) rows',
      numberFlag('--ratio', { min: 0, max: 1, exclusive: true }),
    )
    .option(
      '--clusters <k>',
      'k-means centroids on the target',
      integerFlag('--clusters', 1),
      DEFAULT_SIMCORE_OPTIONS.clusters,
    )
    .option(
      '--stop',
      'stop when a round is markedly less similar than round P (budget then defaults to 50·|X|)',
    )
    .option(
      '--stop-thresh <t>',
      'τ of the stop rule',
      numberFlag('--stop-thresh', { min: 0, max: 1 }),
      DEFAULT_SIMCORE_OPTIONS.stopThresh,
    )
    .option(
      '--patience <p>',
      'P: the round setting the reference level',
      integerFlag('--patience', 1),
      DEFAULT_SIMCORE_OPTIONS.patience,
    );
  addCommonSelectFlags(command).action(async (flags: SimCoreFlags) => {
    if (flags.budget !== undefined && flags.ratio !== undefined)
      throw flagError('--budget', 'give --budget or --ratio, not both');
    if (flags.budget === undefined && flags.ratio === undefined && flags.stop !== true) {
      throw flagError('--budget', 'give --budget or --ratio (or --stop)', 'MISSING_OPTION');
    }
    const target = readMatrixFlag('--target', flags.target);
    const openSet = readMatrixFlag('--open', flags.open);
    if (openSet.cols !== target.cols) {
      throw flagError(
        '--open',
        `has ${openSet.cols} columns but --target has ${target.cols}`,
        'SHAPE_MISMATCH',
      );
    }
    if (flags.budget !== undefined && flags.budget > openSet.rows) {
      throw flagError(
        '--budget',
        `${flags.budget} exceeds the ${openSet.rows} rows of --open`,
        'OUT_OF_RANGE',
      );
    }
    await runSelection(context, 'simcore', flags, (onProgress) =>
      withOptionFlags(FLAG_NAMES, () =>
        selectSimCore(
          { target, openSet },
          {
            seed: flags.seed,
            clusters: flags.clusters,
            stop: flags.stop === true,
            stopThresh: flags.stopThresh,
            patience: flags.patience,
            ...(flags.budget === undefined ? {} : { budget: flags.budget }),
            ...(flags.ratio === undefined ? {} : { ratio: flags.ratio }),
            onProgress,
          },
        ),
      ),
    );
  });
}
