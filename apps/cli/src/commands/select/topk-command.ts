import type { Command } from 'commander';
import { DEFAULT_TOPK_OPTIONS, selectTopK } from '@coresets/ccs';
import type { CliContext } from '../../cli-context.js';
import { flagError } from '../../cli-error.js';
import { addBudgetFlags, resolveBudgetFlags, type BudgetFlags } from '../../io/budget-flags.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { choiceFlag } from '../../io/parse-flags.js';
import { assertSameRows, readLabelsFlag, readVectorFlag } from '../../io/read-inputs.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface TopKFlags extends CommonSelectFlags, BudgetFlags {
  readonly scores: string;
  readonly keep: 'high' | 'low';
  readonly labels?: string;
  readonly balanced: boolean;
}

const FLAG_NAMES = {
  scores: '--scores',
  keep: '--keep',
  labels: '--labels',
  budget: '--budget',
  rate: '--rate',
  balanced: '--balanced',
};

export function registerTopKCommand(select: Command, context: CliContext): void {
  const command = select
    .command('topk')
    .description(
      'importance only: the rows at one end of a score (e.g. hardest first), optionally per class',
    )
    .requiredOption('--scores <file>', 'one score per row')
    .requiredOption(
      '--keep <end>',
      'end of the scores to keep: high|low (the hard end for "hardest first")',
      choiceFlag('--keep', ['high', 'low'] as const),
    );
  addBudgetFlags(command)
    .option('--labels <file>', 'integer class label per row (for --balanced)')
    .option(
      '--balanced',
      'top rows inside each class, equal counts as far as class sizes allow',
      DEFAULT_TOPK_OPTIONS.balanced,
    );
  addCommonSelectFlags(command).action(async (flags: TopKFlags) => {
    if (flags.balanced && flags.labels === undefined)
      throw flagError('--balanced', 'needs --labels', 'MISSING_OPTION');
    const scores = readVectorFlag('--scores', flags.scores);
    const labels =
      flags.labels === undefined ? undefined : readLabelsFlag('--labels', flags.labels);
    if (labels !== undefined)
      assertSameRows(
        { flag: '--scores', rows: scores.length },
        { flag: '--labels', rows: labels.length },
      );
    const budget = resolveBudgetFlags(flags, scores.length, '--scores');
    // topk is deterministic and takes no seed.
    await runSelection(context, 'topk', flags, (onProgress) =>
      withOptionFlags(FLAG_NAMES, () =>
        selectTopK(
          { scores, labels },
          { keep: flags.keep, ...budget, balanced: flags.balanced, onProgress },
        ),
      ),
    );
  });
}
