import type { Command } from 'commander';
import {
  DEFAULT_AUTOCORESET_OPTIONS,
  PROBLEM_NAMES,
  SUMMARIZER_NAMES,
  autoCoresetMethod,
  type ProblemName,
  type SummarizerName,
} from '@coresets/autocoreset';
import type { Matrix } from '@coresets/core';
import type { CliContext } from '../../cli-context.js';
import { flagError } from '../../cli-error.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { choiceFlag, integerFlag, numberFlag } from '../../io/parse-flags.js';
import { readMatrixFlag, readVectorFlag } from '../../io/read-inputs.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface AutoCoresetFlags extends CommonSelectFlags {
  readonly data: string;
  readonly labelColumn?: string;
  readonly weights?: string;
  readonly problem: ProblemName;
  readonly k?: number;
  readonly c?: number;
  readonly size: number;
  readonly summarizer: SummarizerName;
  readonly classBudgets?: 'fair' | 'proportional' | 'balanced';
  readonly initialQueries: number;
  readonly patience: number;
  readonly maxRounds: number;
  readonly bestOfK: number;
}

const FLAG_NAMES = {
  data: '--data',
  labels: '--label-column',
  weights: '--weights',
  problem: '--problem',
  k: '--k',
  c: '--c',
  size: '--size',
  summarizer: '--summarizer',
  classBudgets: '--class-budgets',
  initialQueries: '--initial-queries',
  patience: '--patience',
  maxRounds: '--max-rounds',
  bestOfK: '--best-of-k',
};

const D = DEFAULT_AUTOCORESET_OPTIONS;

export function registerAutoCoresetCommand(select: Command, context: CliContext): void {
  const command = select
    .command('autocoreset')
    .description(
      'AutoCoreset: a weighted coreset for a cost function, from its own solutions (ICML 2023)',
    )
    .requiredOption(
      '--data <file>',
      'points, one per row (with the label column for supervised problems)',
    )
    .option(
      '--label-column <n|last|none>',
      '0-based column holding labels / targets (default: last for logistic, svm and linear; none for kmeans)',
    )
    .option('--weights <file>', 'input weight per row (default 1)')
    .requiredOption(
      '--problem <name>',
      `cost function: ${PROBLEM_NAMES.join('|')}`,
      choiceFlag('--problem', PROBLEM_NAMES),
    )
    .option('--k <k>', `k-means centres (kmeans only; default ${D.k})`, integerFlag('--k', 1))
    .option(
      '--c <c>',
      `regularisation C (logistic and svm only; default ${D.c})`,
      numberFlag('--c', { min: 0, max: Infinity, exclusive: true }),
    )
    .requiredOption('--size <m>', 'coreset size', integerFlag('--size', 1))
    .option(
      '--summarizer <name>',
      `vector summarisation: ${SUMMARIZER_NAMES.join('|')}`,
      choiceFlag('--summarizer', SUMMARIZER_NAMES),
      D.summarizer,
    )
    .option(
      '--class-budgets <policy>',
      `per-class budgets of classification problems: fair|proportional|balanced (default: ${D.classBudgets})`,
      choiceFlag('--class-budgets', ['fair', 'proportional', 'balanced'] as const),
    )
    .option(
      '--initial-queries <n>',
      'solutions fitted on uniform samples before the loop',
      integerFlag('--initial-queries', 1),
      D.initialQueries,
    )
    .option(
      '--patience <n>',
      'rounds without a better cost before stopping',
      integerFlag('--patience', 1),
      D.patience,
    )
    .option('--max-rounds <n>', 'cap on loop rounds', integerFlag('--max-rounds', 1), D.maxRounds)
    .option(
      '--best-of-k <n>',
      'draws of the best-of-k summariser',
      integerFlag('--best-of-k', 1),
      D.bestOfK,
    );
  addCommonSelectFlags(command).action(async (flags: AutoCoresetFlags) => {
    const table = readMatrixFlag('--data', flags.data);
    const column = labelColumn(
      flags.labelColumn ?? (flags.problem === 'kmeans' ? 'none' : 'last'),
      table.cols,
    );
    const { data, labels } =
      column === undefined ? { data: table, labels: undefined } : splitColumn(table, column);
    if (data.cols === 0)
      throw flagError(
        '--data',
        `${flags.data} has no feature columns besides the label column`,
        'SHAPE_MISMATCH',
      );
    const weights =
      flags.weights === undefined ? undefined : readVectorFlag('--weights', flags.weights);
    if (weights !== undefined && weights.length !== data.rows) {
      throw flagError(
        '--weights',
        `has ${weights.length} rows but --data has ${data.rows}`,
        'SHAPE_MISMATCH',
      );
    }
    if (flags.size > data.rows)
      throw flagError(
        '--size',
        `${flags.size} exceeds the ${data.rows} rows of --data`,
        'OUT_OF_RANGE',
      );
    await runSelection(context, 'autocoreset', flags, (onProgress) =>
      withOptionFlags(FLAG_NAMES, () =>
        autoCoresetMethod.select(
          { data, labels, weights },
          {
            problem: flags.problem,
            size: flags.size,
            k: flags.k,
            c: flags.c,
            summarizer: flags.summarizer,
            classBudgets: flags.classBudgets,
            initialQueries: flags.initialQueries,
            patience: flags.patience,
            maxRounds: flags.maxRounds,
            bestOfK: flags.bestOfK,
            seed: flags.seed,
            onProgress,
          },
        ),
      ),
    );
  });
}

function labelColumn(value: string, cols: number): number | undefined {
  if (value === 'none') return undefined;
  if (value === 'last') return cols - 1;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n >= cols) {
    throw flagError(
      '--label-column',
      `expected last, none or a column in [0, ${cols - 1}], got "${value}"`,
      'OUT_OF_RANGE',
    );
  }
  return n;
}

function splitColumn(
  table: Matrix<Float64Array>,
  column: number,
): { data: Matrix<Float64Array>; labels: Float64Array } {
  const { rows, cols } = table;
  const data = new Float64Array(rows * (cols - 1));
  const labels = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0, t = 0; j < cols; j++) {
      const v = table.data[i * cols + j];
      if (j === column) labels[i] = v;
      else data[i * (cols - 1) + t++] = v;
    }
  }
  return { data: { rows, cols: cols - 1, data }, labels };
}
