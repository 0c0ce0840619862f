import type { LongRunningOptions } from '../progress/progress.js';
import type { OptionsSchema } from './options-schema.js';
import type { SelectionResult } from './selection-result.js';

/**
 * A selection method as the registry, the CLI and generic tooling see it. Packages implement it
 * for their main entry point and add it to a `MethodRegistry`.
 */
export interface CoresetMethod<Input = unknown, Options extends object = Record<string, unknown>> {
  /** Lower-case, kebab-case name used by the CLI (`coresets select <name>`). */
  readonly name: string;
  /** One line for listings. */
  readonly description: string;
  /** Every option with its type, range and default. */
  readonly optionsSchema: OptionsSchema;
  select(input: Input, options: Options & LongRunningOptions): Promise<SelectionResult> | SelectionResult;
}
