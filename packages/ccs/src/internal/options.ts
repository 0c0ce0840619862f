import {
  CoresetError,
  Rng,
  toRng,
  validateOptions,
  type OptionField,
  type OptionsSchema,
} from '@coresets/core';

/** Schema fields shared by every selector here. */
export const BUDGET_FIELDS = {
  budget: { type: 'integer', description: 'number of examples to keep', min: 1 },
  rate: {
    type: 'number',
    description: 'pruning rate: fraction of the data set removed',
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  },
} as const satisfies Record<string, OptionField>;

export const SEED_FIELD = {
  type: 'any',
  description: 'integer seed or an Rng (default 0)',
} as const satisfies OptionField;

export const LONG_RUNNING_FIELDS = {
  signal: { type: 'any', description: 'AbortSignal to cancel the work' },
  onProgress: { type: 'any', description: 'progress callback' },
} as const satisfies Record<string, OptionField>;

/** validateOptions plus the defaults of `any` fields, which the core validator cannot fill. */
export function parseOptions<T>(
  schema: OptionsSchema,
  defaults: object,
  options: object | undefined,
  context: string,
): T {
  if (options === undefined || options === null || typeof options !== 'object') {
    throw new CoresetError('MISSING_OPTION', `${context}: options object is required`, {
      argument: 'options',
    });
  }
  const validated = validateOptions<Record<string, unknown>>(schema, options, context);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults)) if (value !== undefined) out[key] = value;
  for (const [key, value] of Object.entries(validated)) out[key] = value;
  return out as T;
}

export function seedToRng(seed: unknown): Rng {
  if (seed instanceof Rng) return seed;
  if (typeof seed !== 'number') {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `seed must be an integer or an Rng, got ${typeof seed}`,
      {
        argument: 'seed',
      },
    );
  }
  return toRng(seed);
}
