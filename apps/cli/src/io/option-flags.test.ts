import { describe, expect, it } from 'vitest';
import { CoresetError, isCoresetError } from '@coresets/core';
import { translateOptionError, withOptionFlags } from './option-flags.js';

const FLAGS = {
  budget: '--budget',
  rate: '--rate',
  cutoffHard: '--cutoff-hard',
  cutoffScores: '--cutoff-scores',
  scores: '--scores',
  beta: '--beta',
};

function translated(code: CoresetError['code'], message: string, argument?: string): CoresetError {
  const out = translateOptionError(
    new CoresetError(code, message, argument === undefined ? {} : { argument }),
    FLAGS,
  );
  if (!isCoresetError(out)) throw new Error('not a CoresetError');
  return out;
}

describe('translateOptionError', () => {
  it('puts the flag first and drops the option name that was the subject', () => {
    const e = translated('OUT_OF_RANGE', 'budget must be an integer in [1, 4], got 9', 'budget');
    expect(e.message).toBe('--budget: must be an integer in [1, 4], got 9');
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.argument).toBe('--budget');
  });

  it('drops the method context and renames quoted and camelCase option names, not prose', () => {
    expect(
      translated(
        'MISSING_OPTION',
        'ccs: cutoffScores need cutoffHard (their hard end)',
        'cutoffHard',
      ).message,
    ).toBe('--cutoff-hard: --cutoff-scores need --cutoff-hard (their hard end)');
    expect(translated('OUT_OF_RANGE', 'ccs: "beta" must be in [0, 1), got 1', 'beta').message).toBe(
      '--beta: must be in [0, 1), got 1',
    );
    expect(
      translated('INFEASIBLE', 'ccs: β is too large for the pruning rate', 'beta').message,
    ).toBe('--beta: β is too large for the pruning rate');
  });

  it('keeps an indexed subject attached to the flag', () => {
    expect(translated('NON_FINITE', 'scores[3] is NaN', 'scores').message).toBe(
      '--scores[3] is NaN',
    );
  });

  it('leaves errors without a known option unprefixed and non-CoresetErrors untouched', () => {
    expect(translated('INVALID_ARGUMENT', 'random: input needs n or labels', 'n').message).toBe(
      'input needs n or labels',
    );
    const plain = new Error('boom');
    expect(translateOptionError(plain, FLAGS)).toBe(plain);
    const already = new CoresetError('OUT_OF_RANGE', '--budget: too big', { argument: '--budget' });
    expect(translateOptionError(already, FLAGS)).toBe(already);
  });

  it('withOptionFlags passes results through and translates async failures', async () => {
    await expect(withOptionFlags(FLAGS, () => 3)).resolves.toBe(3);
    await expect(
      withOptionFlags(FLAGS, () =>
        Promise.reject(
          new CoresetError('OUT_OF_RANGE', 'rate must be in (0, 1), got 2', { argument: 'rate' }),
        ),
      ),
    ).rejects.toThrow(/^--rate: must be in \(0, 1\), got 2$/);
  });
});
