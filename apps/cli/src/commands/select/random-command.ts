import type { Command } from 'commander';
import { DEFAULT_RANDOM_OPTIONS, selectRandom } from '@coresets/ccs';
import type { CliContext } from '../../cli-context.js';
import { flagError } from '../../cli-error.js';
import { addBudgetFlags, resolveBudgetFlags, type BudgetFlags } from '../../io/budget-flags.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { integerFlag } from '../../io/parse-flags.js';
import { readLabelsFlag } from '../../io/read-inputs.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface RandomFlags extends CommonSelectFlags, BudgetFlags {
  readonly n?: number;
  readonly labels?: string;
  readonly balanced: boolean;
}

const FLAG_NAMES = {
  n: '--n',
  labels: '--labels',
  budget: '--budget',
  rate: '--rate',
  balanced: '--balanced',
};

export function registerRandomCommand(select: Command, context: CliContext): void {
  const command = select
    .command('random')
    .description('uniform random subset, optionally class-balanced (needs --labels)')
    .option('--n <count>', 'data set size (when no --labels)', integerFlag('--n', 1))
    .option(
      '--labels <file>',
      'integer class label per row (gives the size; needed for --balanced)',
    );
  addBudgetFlags(command).option(
    '--balanced',
    'same count from every class as far as class sizes allow',
    DEFAULT_RANDOM_OPTIONS.balanced,
  );
  addCommonSelectFlags(command).action(async (flags: RandomFlags) => {
    if ((flags.n === undefined) === (flags.labels === undefined)) {
      throw flagError(
        '--n',
        'give --n (the data set size) or --labels, exactly one',
        'MISSING_OPTION',
      );
    }
    if (flags.balanced && flags.labels === undefined)
      throw flagError('--balanced', 'needs --labels', 'MISSING_OPTION');
    const labels =
      flags.labels === undefined ? undefined : readLabelsFlag('--labels', flags.labels);
    const n = labels?.length ?? flags.n!;
    const budget = resolveBudgetFlags(flags, n, labels === undefined ? '--n' : '--labels');
    await runSelection(context, 'random', flags, (onProgress) =>
      withOptionFlags(FLAG_NAMES, () =>
        selectRandom(labels === undefined ? { n } : { labels }, {
          ...budget,
          balanced: flags.balanced,
          seed: flags.seed,
          onProgress,
        }),
      ),
    );
  });
}
