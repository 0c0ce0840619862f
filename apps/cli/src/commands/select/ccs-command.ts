import type { Command } from 'commander';
import { DEFAULT_CCS_OPTIONS, selectCcs } from '@coresets/ccs';
import type { CliContext } from '../../cli-context.js';
import { flagError } from '../../cli-error.js';
import { addBudgetFlags, resolveBudgetFlags, type BudgetFlags } from '../../io/budget-flags.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { choiceFlag, integerFlag, numberFlag } from '../../io/parse-flags.js';
import { assertSameRows, readVectorFlag } from '../../io/read-inputs.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface CcsFlags extends CommonSelectFlags, BudgetFlags {
  readonly scores: string;
  readonly hard: 'high' | 'low';
  readonly cutoffScores?: string;
  readonly cutoffHard?: 'high' | 'low';
  readonly beta?: number;
  readonly strata: number;
  readonly edges: 'exact' | 'reference';
}

const FLAG_NAMES = {
  scores: '--scores',
  cutoffScores: '--cutoff-scores',
  hard: '--hard',
  cutoffHard: '--cutoff-hard',
  budget: '--budget',
  rate: '--rate',
  beta: '--beta',
  strata: '--strata',
  edges: '--edges',
};

const DIRECTIONS = ['high', 'low'] as const;

export function registerCcsCommand(select: Command, context: CliContext): void {
  const command = select
    .command('ccs')
    .description(
      'coverage-centric coreset selection: cut the β hardest, sample equal-width score strata (ICLR 2023)',
    )
    .requiredOption(
      '--scores <file>',
      'stratification score per row (e.g. AUM from "coresets score dynamics")',
    )
    .requiredOption(
      '--hard <end>',
      'hard end of --scores: low|high (AUM: low)',
      choiceFlag('--hard', DIRECTIONS),
    )
    .option('--cutoff-scores <file>', 'score that decides the β cutoff (default: --scores)')
    .option(
      '--cutoff-hard <end>',
      'hard end of --cutoff-scores: low|high',
      choiceFlag('--cutoff-hard', DIRECTIONS),
    );
  addBudgetFlags(command)
    .option(
      '--beta <b>',
      'cutoff ratio: fraction of the hardest rows never selected, in [0, 1) (default: the β rule for the rate)',
      numberFlag('--beta', { min: 0, max: 1 }),
    )
    .option(
      '--strata <k>',
      'number of equal-width strata',
      integerFlag('--strata', 1),
      DEFAULT_CCS_OPTIONS.strata,
    )
    .option(
      '--edges <kind>',
      'strata edges: exact|reference (reference code: padded top edge)',
      choiceFlag('--edges', ['exact', 'reference'] as const),
      DEFAULT_CCS_OPTIONS.edges as 'exact',
    );
  addCommonSelectFlags(command).action(async (flags: CcsFlags) => {
    if ((flags.cutoffScores === undefined) !== (flags.cutoffHard === undefined)) {
      throw flagError(
        '--cutoff-hard',
        '--cutoff-scores and --cutoff-hard go together',
        'MISSING_OPTION',
      );
    }
    const scores = readVectorFlag('--scores', flags.scores);
    const cutoffScores =
      flags.cutoffScores === undefined
        ? undefined
        : readVectorFlag('--cutoff-scores', flags.cutoffScores);
    if (cutoffScores !== undefined) {
      assertSameRows(
        { flag: '--scores', rows: scores.length },
        { flag: '--cutoff-scores', rows: cutoffScores.length },
      );
    }
    const budget = resolveBudgetFlags(flags, scores.length, '--scores');
    await runSelection(context, 'ccs', flags, (onProgress) =>
      withOptionFlags(FLAG_NAMES, () =>
        selectCcs(
          { scores, cutoffScores },
          {
            hard: flags.hard,
            cutoffHard: flags.cutoffHard,
            ...budget,
            beta: flags.beta,
            strata: flags.strata,
            edges: flags.edges,
            seed: flags.seed,
            onProgress,
          },
        ),
      ),
    );
  });
}
