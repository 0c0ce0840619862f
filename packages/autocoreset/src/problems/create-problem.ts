import { CoresetError } from '@coresets/core';
import { kmeansProblem } from './kmeans.js';
import { linearRegressionProblem } from './linear-regression.js';
import { linearSvmProblem } from './linear-svm.js';
import { logisticRegressionProblem } from './logistic-regression.js';
import type { CoresetProblem } from './problem.js';

export const PROBLEM_NAMES = ['logistic', 'svm', 'linear', 'kmeans'] as const;
export type ProblemName = (typeof PROBLEM_NAMES)[number];

export interface CreateProblemOptions {
  /** C for `logistic` and `svm`. */
  readonly c?: number | undefined;
  /** Number of centres for `kmeans`. */
  readonly k?: number | undefined;
}

/** A built-in problem by its CLI name. */
export function createProblem(name: string, options: CreateProblemOptions = {}): CoresetProblem {
  switch (name) {
    case 'logistic':
      return logisticRegressionProblem(options.c === undefined ? {} : { c: options.c });
    case 'svm':
      return linearSvmProblem(options.c === undefined ? {} : { c: options.c });
    case 'linear':
      return linearRegressionProblem();
    case 'kmeans':
      return kmeansProblem(options.k === undefined ? {} : { k: options.k });
    default:
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `unknown problem "${name}"; known: ${PROBLEM_NAMES.join(', ')}`,
        {
          argument: 'problem',
        },
      );
  }
}
