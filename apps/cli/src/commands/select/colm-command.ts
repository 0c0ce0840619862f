import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_COLM_OPTIONS, colmSelect } from '@coresets/colm';
import { writeJsonAtomic } from '@coresets/core';
import type { CliContext } from '../../cli-context.js';
import { flagError } from '../../cli-error.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { integerFlag, numberFlag } from '../../io/parse-flags.js';
import { assertSameRows, readLabelsFlag, readMatrixFlag, readVectorFlag } from '../../io/read-inputs.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface ColmFlags extends CommonSelectFlags {
  readonly features: string;
  readonly sources: string;
  readonly budget: number;
  readonly sourceSizes?: string;
  readonly smallSources?: string;
  readonly sparsity?: number;
  readonly sparsityRatio: number;
  readonly state?: string;
}

const FLAG_NAMES = {
  features: '--features',
  sources: '--sources',
  budget: '--budget',
  sourceSizes: '--source-sizes',
  smallSources: '--small-sources',
  sparsity: '--sparsity',
  sparsityRatio: '--sparsity-ratio',
  normalizer: '--state',
};

/** `--small-sources 3,7,9` → [3, 7, 9]; every entry a non-negative integer. */
function parseSourceList(value: string): number[] {
  const ids = value.split(',').map((s) => s.trim());
  return ids.map((id) => {
    const n = Number(id);
    if (id === '' || !Number.isInteger(n) || n < 0) {
      throw flagError('--small-sources', `expected comma-separated source ids, got "${value}"`);
    }
    return n;
  });
}

export function registerColmCommand(select: Command, context: CliContext): void {
  const command = select
    .command('colm')
    .description('CoLM: one mini-batch coreset step on a pool (keep small sources, per-source facility location on Adam-normalised sparse features; ICLR 2025)')
    .requiredOption('--features <file>', 'per-row gradient features of the pool, B × D (e.g. zeroth-order LoRA features)')
    .requiredOption('--sources <file>', 'source id of each pool row')
    .requiredOption('--budget <k>', 'rows to select from the pool (kept small-source rows count toward it)', integerFlag('--budget', 1))
    .option('--source-sizes <file>', 'size of every source in the whole training set (small = below the mean)')
    .option('--small-sources <ids>', 'explicit comma-separated small source ids (instead of --source-sizes)')
    .option('--sparsity <h>', 'h: feature columns kept per source (default: ceil(ratio · D))', integerFlag('--sparsity', 1))
    .option('--sparsity-ratio <r>', 'h = ceil(r · D) when --sparsity is not given', numberFlag('--sparsity-ratio', { min: 0, max: 1, exclusive: true }), DEFAULT_COLM_OPTIONS.sparsityRatio)
    .option('--state <file>', 'Adam normaliser state (JSON): read when it exists, written back after the step');
  addCommonSelectFlags(command).action(async (flags: ColmFlags) => {
    if (flags.sourceSizes !== undefined && flags.smallSources !== undefined) {
      throw flagError('--source-sizes', 'give --source-sizes or --small-sources, not both');
    }
    const features = readMatrixFlag('--features', flags.features);
    const sources = readLabelsFlag('--sources', flags.sources);
    assertSameRows({ flag: '--features', rows: features.rows }, { flag: '--sources', rows: sources.length });
    if (flags.budget > features.rows) {
      throw flagError('--budget', `${flags.budget} exceeds the ${features.rows} rows of --features`, 'OUT_OF_RANGE');
    }
    const sourceSizes = flags.sourceSizes === undefined ? undefined : readVectorFlag('--source-sizes', flags.sourceSizes);
    const smallSources = flags.smallSources === undefined ? undefined : parseSourceList(flags.smallSources);
    let normalizer: string | undefined;
    if (flags.state !== undefined && existsSync(flags.state)) {
      try {
        normalizer = readFileSync(flags.state, 'utf8');
      } catch (error) {
        throw flagError('--state', `cannot read ${flags.state}: ${error instanceof Error ? error.message : String(error)}`, 'IO_ERROR');
      }
    }
    let stateToWrite: unknown;
    await runSelection(context, 'colm', flags, async (onProgress) => {
      const result = await withOptionFlags(FLAG_NAMES, () =>
        colmSelect(
          { features, sources },
          {
            budget: flags.budget,
            sourceSizes,
            smallSources,
            sparsity: flags.sparsity,
            sparsityRatio: flags.sparsity === undefined ? flags.sparsityRatio : undefined,
            normalizer,
            seed: flags.seed,
            onProgress,
          },
        ),
      );
      stateToWrite = result.meta.normalizerState;
      return result;
    });
    // The selection is written first; the state follows it, so a failed selection leaves both untouched.
    if (flags.state !== undefined && stateToWrite !== undefined) writeJsonAtomic(flags.state, stateToWrite);
  });
}
