import { CoresetError } from '@coresets/core';
import type { LmExample } from './source-mixture.js';
import { BOS, EOS, PAD, SEP, encodeText } from './vocabulary.js';

/**
 * Next-token training rows: `tokens[t]` predicts `targets[t]`; `mask[t]` is 1 exactly where the
 * target is an answer token or the final EOS (prompt tokens and padding are masked out).
 */
export interface LmBatch {
  readonly size: number;
  readonly length: number;
  readonly tokens: Int32Array;
  readonly targets: Int32Array;
  readonly mask: Float32Array;
  /** Source of each row. */
  readonly sources: Int32Array;
}

/** `BOS prompt SEP answer EOS` as ids, and the index of SEP. */
export function exampleSequence(example: LmExample): { ids: number[]; sepIndex: number } {
  const prompt = encodeText(example.prompt);
  const answer = encodeText(example.answer);
  return { ids: [BOS, ...prompt, SEP, ...answer, EOS], sepIndex: prompt.length + 1 };
}

/**
 * Encodes examples right-padded to `length` (or to the longest row when omitted). Rows longer
 * than `length` + 1 tokens are an error, never silently truncated.
 */
export function encodeLmBatch(examples: readonly LmExample[], length?: number): LmBatch {
  const sequences = examples.map(exampleSequence);
  const needed = sequences.reduce((m, s) => Math.max(m, s.ids.length - 1), 1);
  const T = length ?? needed;
  if (needed > T) {
    throw new CoresetError('OUT_OF_RANGE', `an example needs ${needed} positions, the context length is ${T}`, {
      argument: 'length',
    });
  }
  const b = examples.length;
  const tokens = new Int32Array(b * T).fill(PAD);
  const targets = new Int32Array(b * T).fill(PAD);
  const mask = new Float32Array(b * T);
  const sources = new Int32Array(b);
  sequences.forEach(({ ids, sepIndex }, i) => {
    sources[i] = examples[i].source;
    for (let t = 0; t < ids.length - 1; t++) {
      tokens[i * T + t] = ids[t];
      targets[i * T + t] = ids[t + 1];
      // Position t predicts ids[t + 1]; the answer starts right after SEP.
      if (t >= sepIndex) mask[i * T + t] = 1;
    }
  });
  return { size: b, length: T, tokens, targets, mask, sources };
}
