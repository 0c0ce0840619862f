import { describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import { schemaDefaults, validateOptions, type OptionsSchema } from './options-schema.js';

const schema: OptionsSchema = {
  budget: { type: 'integer', min: 1, required: true, description: 'rows to keep' },
  rate: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, description: 'fraction removed' },
  mode: { type: 'string', values: ['fast', 'exact'], default: 'exact', description: 'mode' },
  verbose: { type: 'boolean', default: false, description: 'talk' },
  callback: { type: 'any', description: 'anything' },
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return isCoresetError(e) ? `${e.code}:${e.argument}` : 'other';
  }
  return 'none';
}

describe('validateOptions', () => {
  it('fills defaults and keeps given values', () => {
    expect(validateOptions(schema, { budget: 3 })).toEqual({ budget: 3, mode: 'exact', verbose: false });
    expect(validateOptions(schema, { budget: 3, mode: 'fast', rate: 0.5, callback: 1 })).toEqual({
      budget: 3,
      mode: 'fast',
      verbose: false,
      rate: 0.5,
      callback: 1,
    });
  });

  it('names the key for every kind of error', () => {
    expect(codeOf(() => validateOptions(schema, { budget: 3, budgte: 4 }))).toBe('UNKNOWN_OPTION:budgte');
    expect(codeOf(() => validateOptions(schema, {}))).toBe('MISSING_OPTION:budget');
    expect(codeOf(() => validateOptions(schema, { budget: 2.5 }))).toBe('INVALID_ARGUMENT:budget');
    expect(codeOf(() => validateOptions(schema, { budget: '3' }))).toBe('INVALID_ARGUMENT:budget');
    expect(codeOf(() => validateOptions(schema, { budget: 0 }))).toBe('OUT_OF_RANGE:budget');
    expect(codeOf(() => validateOptions(schema, { budget: 1, rate: 1 }))).toBe('OUT_OF_RANGE:rate');
    expect(codeOf(() => validateOptions(schema, { budget: 1, rate: 0 }))).toBe('OUT_OF_RANGE:rate');
    expect(codeOf(() => validateOptions(schema, { budget: 1, rate: Number.NaN }))).toBe('INVALID_ARGUMENT:rate');
    expect(codeOf(() => validateOptions(schema, { budget: 1, mode: 'slow' }))).toBe('INVALID_ARGUMENT:mode');
    expect(codeOf(() => validateOptions(schema, { budget: 1, verbose: 1 }))).toBe('INVALID_ARGUMENT:verbose');
  });

  it('treats undefined as absent and prints ranges in messages', () => {
    expect(validateOptions(schema, { budget: 1, rate: undefined })).toEqual({ budget: 1, mode: 'exact', verbose: false });
    expect(() => validateOptions(schema, { budget: 1, rate: 2 }, 'ccs')).toThrow('ccs: "rate" must be in (0, 1), got 2');
  });

  it('lists defaults', () => {
    expect(schemaDefaults(schema)).toEqual({ mode: 'exact', verbose: false });
  });
});
