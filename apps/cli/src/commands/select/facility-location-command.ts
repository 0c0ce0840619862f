import type { Command } from 'commander';
import type { Matrix } from '@coresets/core';
import {
  DEFAULT_FACILITY_LOCATION_OPTIONS,
  OPTIMIZER_NAMES,
  SIMILARITY_TRANSFORMS,
  selectFacilityLocation,
  type OptimizerName,
  type SimilarityTransform,
} from '@coresets/submodular';
import type { CliContext } from '../../cli-context.js';
import { flagError } from '../../cli-error.js';
import { withOptionFlags } from '../../io/option-flags.js';
import { choiceFlag, integerFlag, numberFlag } from '../../io/parse-flags.js';
import { assertSameRows, readLabelsFlag, readMatrixFlag } from '../../io/read-inputs.js';
import { addCommonSelectFlags, runSelection, type CommonSelectFlags } from './common.js';

interface FacilityLocationFlags extends CommonSelectFlags {
  readonly features?: string;
  readonly similarity?: string;
  readonly budget: number;
  readonly transform?: SimilarityTransform;
  readonly optimizer: OptimizerName;
  readonly neighbors?: number;
  readonly symmetrize: boolean;
  readonly distance: 'l1' | 'l2';
  readonly sigma?: number;
  readonly epsilon: number;
  readonly groups?: string;
}

const FLAG_NAMES = {
  features: '--features',
  similarity: '--similarity',
  budget: '--budget',
  transform: '--transform',
  optimizer: '--optimizer',
  neighbors: '--neighbors',
  symmetrize: '--symmetrize',
  distance: '--distance',
  sigma: '--sigma',
  epsilon: '--epsilon',
  groups: '--groups',
};

const D = DEFAULT_FACILITY_LOCATION_OPTIONS;

export function registerFacilityLocationCommand(select: Command, context: CliContext): void {
  const command = select
    .command('facility-location')
    .description(
      'facility location: greedy rows that best represent all rows; writes indices, gains and weights',
    )
    .option('--features <file>', 'feature row per candidate, n × d (give this or --similarity)')
    .option(
      '--similarity <file>',
      'precomputed similarity, represented × candidates (rows × cols), entries ≥ 0',
    )
    .requiredOption('--budget <k>', 'number of rows to pick', integerFlag('--budget', 1))
    .option(
      '--transform <name>',
      `distance → similarity transform: ${SIMILARITY_TRANSFORMS.join('|')} (default: ${D.transform} for --features, precomputed for --similarity)`,
      choiceFlag('--transform', SIMILARITY_TRANSFORMS),
    )
    .option(
      '--optimizer <name>',
      `greedy optimiser: ${OPTIMIZER_NAMES.join('|')}`,
      choiceFlag('--optimizer', OPTIMIZER_NAMES),
      D.optimizer,
    )
    .option(
      '--neighbors <k>',
      'kNN sparsification: similarities kept per represented row (default: dense)',
      integerFlag('--neighbors', 1),
    )
    .option('--symmetrize', 'with --neighbors: S ← max(S, Sᵀ) on the kept entries', D.symmetrize)
    .option(
      '--distance <name>',
      'distance of the maxMinusDist transform: l1|l2',
      choiceFlag('--distance', ['l1', 'l2'] as const),
      D.distance,
    )
    .option(
      '--sigma <s>',
      'bandwidth σ of the rbf transform (required for it)',
      numberFlag('--sigma', { min: 0, max: Infinity, exclusive: true }),
    )
    .option(
      '--epsilon <e>',
      'sample-size parameter ε of the stochastic optimisers',
      numberFlag('--epsilon', { min: 0, max: 1, exclusive: true }),
      D.epsilon,
    )
    .option(
      '--groups <file>',
      'integer group id per candidate: each group selected on its own, budget split by size',
    );
  addCommonSelectFlags(command).action(async (flags: FacilityLocationFlags) => {
    if ((flags.features === undefined) === (flags.similarity === undefined)) {
      throw flagError(
        '--features',
        'give --features or --similarity, exactly one',
        'MISSING_OPTION',
      );
    }
    let input: { features: Matrix } | { similarity: Matrix };
    let n: number;
    let source: string;
    if (flags.features !== undefined) {
      const features = readMatrixFlag('--features', flags.features);
      input = { features };
      n = features.rows;
      source = '--features';
    } else {
      const similarity = readMatrixFlag('--similarity', flags.similarity!);
      input = { similarity };
      n = similarity.cols;
      source = '--similarity';
    }
    const groups =
      flags.groups === undefined ? undefined : readLabelsFlag('--groups', flags.groups);
    if (groups !== undefined)
      assertSameRows(
        { flag: `${source} (candidates)`, rows: n },
        { flag: '--groups', rows: groups.length },
      );
    if (flags.budget > n)
      throw flagError(
        '--budget',
        `${flags.budget} exceeds the ${n} candidates of ${source}`,
        'OUT_OF_RANGE',
      );
    await runSelection(context, 'facility-location', flags, (onProgress) =>
      withOptionFlags(FLAG_NAMES, () =>
        selectFacilityLocation(input, {
          budget: flags.budget,
          transform: flags.transform,
          optimizer: flags.optimizer,
          neighbors: flags.neighbors,
          symmetrize: flags.symmetrize,
          distance: flags.distance,
          sigma: flags.sigma,
          epsilon: flags.epsilon,
          groups,
          seed: flags.seed,
          onProgress,
        }),
      ),
    );
  });
}
