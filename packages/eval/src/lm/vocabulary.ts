import { CoresetError } from '@coresets/core';

/** Special token ids; characters follow. */
export const PAD = 0;
export const BOS = 1;
export const SEP = 2;
export const EOS = 3;

const CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyz +-*%<>=?,.:';

/** The character vocabulary of the synthetic source mixture. */
export const VOCABULARY_SIZE = 4 + CHARACTERS.length;

const CHAR_TO_ID = new Map<string, number>([...CHARACTERS].map((c, i) => [c, i + 4]));

export function encodeText(text: string): number[] {
  return [...text].map((c) => {
    const id = CHAR_TO_ID.get(c);
    if (id === undefined) {
      throw new CoresetError('INVALID_ARGUMENT', `character "${c}" is not in the vocabulary`, { argument: 'text' });
    }
    return id;
  });
}

/** Decodes character ids, stopping at EOS and skipping other special tokens. */
export function decodeTokens(ids: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === EOS) break;
    if (id >= 4 && id < VOCABULARY_SIZE) out += CHARACTERS[id - 4];
  }
  return out;
}
