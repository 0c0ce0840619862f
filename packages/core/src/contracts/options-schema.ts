import { CoresetError } from '../errors/coreset-error.js';

interface BaseField {
  readonly description: string;
  /** When true, the key must be present (and `default` is ignored). */
  readonly required?: boolean;
}

export interface NumberField extends BaseField {
  readonly type: 'number' | 'integer';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  /** Excludes `min` / `max` themselves from the range. */
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
}

export interface BooleanField extends BaseField {
  readonly type: 'boolean';
  readonly default?: boolean;
}

export interface StringField extends BaseField {
  readonly type: 'string';
  readonly default?: string;
  /** When given, the value must be one of these. */
  readonly values?: readonly string[];
}

/** Anything else (arrays, matrices, callbacks); only presence is checked here. */
export interface AnyField extends BaseField {
  readonly type: 'any';
}

export type OptionField = NumberField | BooleanField | StringField | AnyField;
export type OptionsSchema = Readonly<Record<string, OptionField>>;

/** The values of a schema's defaults, as plain data (for docs, `--help` and `DEFAULT_*` objects). */
export function schemaDefaults(schema: OptionsSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    if (field.type !== 'any' && field.default !== undefined) out[key] = field.default;
  }
  return out;
}

/**
 * Validates `input` against `schema` and fills defaults. Throws `CoresetError` naming the key for
 * an unknown key, a missing required key, a wrong type or an out-of-range value. Keys whose value
 * is `undefined` count as absent.
 */
export function validateOptions<T>(schema: OptionsSchema, input: object, context = 'options'): T {
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in schema)) {
      const known = Object.keys(schema).join(', ');
      throw new CoresetError('UNKNOWN_OPTION', `${context}: unknown option "${key}" (known: ${known})`, {
        argument: key,
      });
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    const value = record[key];
    if (value === undefined) {
      if (field.required === true) {
        throw new CoresetError('MISSING_OPTION', `${context}: "${key}" is required (${field.description})`, {
          argument: key,
        });
      }
      if (field.type !== 'any' && field.default !== undefined) out[key] = field.default;
      continue;
    }
    checkField(key, field, value, context);
    out[key] = value;
  }
  return out as T;
}

function checkField(key: string, field: OptionField, value: unknown, context: string): void {
  const wrong = (expected: string): never => {
    throw new CoresetError('INVALID_ARGUMENT', `${context}: "${key}" must be ${expected}, got ${describe(value)}`, {
      argument: key,
    });
  };
  switch (field.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || Number.isNaN(value)) return wrong('a number');
      if (field.type === 'integer' && !Number.isInteger(value)) return wrong('an integer');
      const lowOk =
        field.min === undefined || (field.exclusiveMin === true ? value > field.min : value >= field.min);
      const highOk =
        field.max === undefined || (field.exclusiveMax === true ? value < field.max : value <= field.max);
      if (!lowOk || !highOk) {
        const lo = field.min === undefined ? '(-∞' : `${field.exclusiveMin === true ? '(' : '['}${field.min}`;
        const hi = field.max === undefined ? '∞)' : `${field.max}${field.exclusiveMax === true ? ')' : ']'}`;
        throw new CoresetError('OUT_OF_RANGE', `${context}: "${key}" must be in ${lo}, ${hi}, got ${value}`, {
          argument: key,
        });
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') wrong('a boolean');
      return;
    case 'string':
      if (typeof value !== 'string') return wrong('a string');
      if (field.values !== undefined && !field.values.includes(value)) {
        throw new CoresetError(
          'INVALID_ARGUMENT',
          `${context}: "${key}" must be one of ${field.values.join(', ')}, got "${value}"`,
          { argument: key },
        );
      }
      return;
    case 'any':
      return;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
