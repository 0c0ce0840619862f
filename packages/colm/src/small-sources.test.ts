import { describe, expect, it } from 'vitest';
import { detectSmallSources } from './small-sources.js';

describe('detectSmallSources', () => {
  it('marks sources below the mean size (colm.md §6: mean 36,900 → C and D)', () => {
    expect(Array.from(detectSmallSources([90000, 50000, 7000, 600]))).toEqual([2, 3]);
  });

  it('a source exactly at the mean is not small; equal sizes give none', () => {
    expect(Array.from(detectSmallSources([30, 20, 10]))).toEqual([2]);
    expect(Array.from(detectSmallSources([5, 5, 5]))).toEqual([]);
  });

  it('rejects empty or non-integer sizes', () => {
    expect(() => detectSmallSources([])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'sourceSizes' }),
    );
    expect(() => detectSmallSources([1, -2])).toThrow(/sourceSizes\[1\]/);
  });
});
