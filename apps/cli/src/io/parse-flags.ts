import { flagError } from '../cli-error.js';

/** Commander argument parsers that reject bad values with a message naming the flag. */
export function integerFlag(flag: string, min = -Infinity): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min) {
      throw flagError(
        flag,
        `expected an integer${min > -Infinity ? ` ≥ ${min}` : ''}, got "${value}"`,
        'OUT_OF_RANGE',
      );
    }
    return n;
  };
}

export function numberFlag(
  flag: string,
  range: { min?: number; max?: number; exclusive?: boolean } = {},
): (value: string) => number {
  return (value) => {
    const n = Number(value);
    const { min = -Infinity, max = Infinity, exclusive = false } = range;
    const inRange = exclusive ? n > min && n < max : n >= min && n <= max;
    if (value.trim() === '' || !Number.isFinite(n) || !inRange) {
      const bounds = exclusive ? `(${min}, ${max})` : `[${min}, ${max}]`;
      throw flagError(flag, `expected a number in ${bounds}, got "${value}"`, 'OUT_OF_RANGE');
    }
    return n;
  };
}

export function choiceFlag<T extends string>(
  flag: string,
  choices: readonly T[],
): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) {
      throw flagError(flag, `expected one of ${choices.join(', ')}, got "${value}"`);
    }
    return value as T;
  };
}

/** `--rate` is the fraction removed, in (0, 1). */
export const rateFlag = numberFlag('--rate', { min: 0, max: 1, exclusive: true });
