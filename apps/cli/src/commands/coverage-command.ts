import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { aucPr } from '@coresets/ccs';
import type { CliContext } from '../cli-context.js';
import { flagError } from '../cli-error.js';
import { withOptionFlags } from '../io/option-flags.js';
import {
  assertSameCols,
  labelsFromValues,
  readMatrixFlag,
  readVectorFlag,
} from '../io/read-inputs.js';

interface CoverageFlags {
  readonly reference: string;
  readonly features: string;
  readonly indices: string;
  readonly json?: boolean;
}

const FLAG_NAMES = { reference: '--reference', features: '--features', indices: '--indices' };

export function registerCoverageCommand(program: Command, context: CliContext): void {
  program
    .command('coverage')
    .description(
      'AUC_pr coverage of a coreset: mean distance from each reference row to its nearest coreset row (lower is better)',
    )
    .requiredOption(
      '--reference <file>',
      'rows whose coverage is measured (e.g. test-set embeddings)',
    )
    .requiredOption('--features <file>', 'embeddings of the full training set, n × d')
    .requiredOption(
      '--indices <file>',
      'coreset rows of --features: a vector file, or a selection written by "coresets select … --out x.json"',
    )
    .option('--json', 'print a JSON object instead of the plain number')
    .action(async (flags: CoverageFlags) => {
      const reference = readMatrixFlag('--reference', flags.reference);
      const features = readMatrixFlag('--features', flags.features);
      assertSameCols(
        { flag: '--reference', cols: reference.cols },
        { flag: '--features', cols: features.cols },
      );
      const indices = readIndices(flags.indices, features.rows);
      const value = await withOptionFlags(FLAG_NAMES, () =>
        aucPr({ reference, features, indices }),
      );
      context.stdout.write(
        flags.json === true
          ? `${JSON.stringify({ metric: 'auc_pr', value, referenceRows: reference.rows, coresetSize: indices.length })}\n`
          : `${value}\n`,
      );
    });
}

/** Indices from a vector file or from the `indices` array of a selection JSON; each must be a row of --features. */
function readIndices(path: string, rows: number): Int32Array {
  let values: ArrayLike<number> | undefined;
  if (extname(path).toLowerCase() === '.json') values = selectionIndices(path);
  const indices = labelsFromValues('--indices', path, values ?? readVectorFlag('--indices', path));
  for (let t = 0; t < indices.length; t++) {
    if (indices[t] >= rows) {
      throw flagError(
        '--indices',
        `${path}: entry ${t} is ${indices[t]}, outside the ${rows} rows of --features`,
        'OUT_OF_RANGE',
      );
    }
  }
  if (indices.length === 0) throw flagError('--indices', `${path} holds no indices`);
  return indices;
}

function selectionIndices(path: string): number[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // Not readable as a selection: the vector reader reports the precise problem.
    return undefined;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const indices = (doc as { indices?: unknown }).indices;
  if (!Array.isArray(indices) || !indices.every((v) => typeof v === 'number')) {
    throw flagError('--indices', `${path} is a JSON object without a numeric "indices" array`);
  }
  return indices;
}
