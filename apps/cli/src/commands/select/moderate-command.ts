import type { Command } from 'commander';
import { selectModerate } from '@coresets/ccs';
import type { CliContext } from '../../cli-context.js';
import { addBudgetFlags, resolveBudgetFlags, type BudgetFlags } from '../../io/budget-flags.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { assertSameRows, readLabelsFlag, readMatrixFlag } from '../../io/read-inputs.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface ModerateFlags extends CommonSelectFlags, BudgetFlags {
  readonly features: string;
  readonly labels: string;
}

const FLAG_NAMES = {
  features: '--features',
  labels: '--labels',
  budget: '--budget',
  rate: '--rate',
};

export function registerModerateCommand(select: Command, context: CliContext): void {
  const command = select
    .command('moderate')
    .description(
      'moderate coreset: rows whose distance to their class median is closest to the median distance',
    )
    .requiredOption('--features <file>', 'embedding per row, n × d')
    .requiredOption('--labels <file>', 'integer class label per row');
  addBudgetFlags(command);
  addCommonSelectFlags(command).action(async (flags: ModerateFlags) => {
    const features = readMatrixFlag('--features', flags.features);
    const labels = readLabelsFlag('--labels', flags.labels);
    assertSameRows(
      { flag: '--features', rows: features.rows },
      { flag: '--labels', rows: labels.length },
    );
    const budget = resolveBudgetFlags(flags, features.rows, '--features');
    // moderate is deterministic and takes no seed.
    await runSelection(context, 'moderate', flags, (onProgress) =>
      withOptionFlags(FLAG_NAMES, () =>
        selectModerate({ features, labels }, { ...budget, onProgress }),
      ),
    );
  });
}
