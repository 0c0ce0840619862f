import type { Command } from 'commander';
import { flagError } from '../cli-error.js';
import { integerFlag, rateFlag } from './parse-flags.js';

export interface BudgetFlags {
  readonly rate?: number;
  readonly budget?: number;
}

/** `--rate R | --budget K`: the pruning rate (fraction removed) or the number kept. */
export function addBudgetFlags(command: Command): Command {
  return command
    .option('--rate <r>', 'pruning rate: fraction of the rows removed, in (0, 1)', rateFlag)
    .option('--budget <k>', 'number of rows kept', integerFlag('--budget', 1));
}

/** Exactly one of --rate and --budget, and a budget no larger than the n rows available. */
export function resolveBudgetFlags(
  flags: BudgetFlags,
  n: number,
  source: string,
): { rate?: number; budget?: number } {
  if (flags.rate !== undefined && flags.budget !== undefined) {
    throw flagError('--rate', 'give --rate or --budget, not both');
  }
  if (flags.rate === undefined && flags.budget === undefined) {
    throw flagError(
      '--budget',
      'give --rate (fraction removed) or --budget (number kept)',
      'MISSING_OPTION',
    );
  }
  if (flags.budget !== undefined) {
    if (flags.budget > n)
      throw flagError(
        '--budget',
        `${flags.budget} exceeds the ${n} rows of ${source}`,
        'OUT_OF_RANGE',
      );
    return { budget: flags.budget };
  }
  return { rate: flags.rate! };
}
