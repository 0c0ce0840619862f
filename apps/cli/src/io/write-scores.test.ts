import { existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScore } from '@coresets/ccs';
import { decodeNpy } from '@coresets/core';
import { createScratch } from '../testing/built-cli.js';
import { writeScores } from './write-scores.js';

const scratch = createScratch();
afterAll(() => scratch.remove());

const SCORES = [
  makeScore('aum', Float64Array.from([0.5, -0.25, 1])),
  makeScore('el2n', Float64Array.from([0.1, 0.9, 0.3])),
];
const EXTRA = { meta: { epochs: 2 }, seed: 4, version: '9.9.9' };

function sink(): Writable & { text: () => string } {
  let text = '';
  return Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        text += chunk.toString();
        callback();
      },
    }),
    { text: () => text },
  );
}

describe('writeScores', () => {
  it('writes one JSON document with every score and its hard end, to a file or stdout', () => {
    const expected = {
      scores: { aum: [0.5, -0.25, 1], el2n: [0.1, 0.9, 0.3] },
      hard: { aum: 'low', el2n: 'high' },
      meta: { epochs: 2 },
      seed: 4,
      version: '9.9.9',
    };
    expect(writeScores(scratch.path('s.json'), SCORES, EXTRA, sink())).toEqual([
      scratch.path('s.json'),
    ]);
    expect(JSON.parse(readFileSync(scratch.path('s.json'), 'utf8'))).toEqual(expected);
    const out = sink();
    expect(writeScores('-', SCORES, EXTRA, out)).toEqual([]);
    expect(JSON.parse(out.text())).toEqual(expected);
  });

  it('writes one float64 .npy per score beside the given name', () => {
    expect(writeScores(scratch.path('s.npy'), SCORES, EXTRA, sink())).toEqual([
      scratch.path('s.aum.npy'),
      scratch.path('s.el2n.npy'),
    ]);
    const aum = decodeNpy(readFileSync(scratch.path('s.aum.npy')));
    expect(aum.dtype).toBe('float64');
    expect(Array.from(aum.data as Float64Array)).toEqual([0.5, -0.25, 1]);
    expect(existsSync(scratch.path('s.npy'))).toBe(false);
  });

  it('refuses another extension, naming --out', () => {
    expect(() => writeScores(scratch.path('s.csv'), SCORES, EXTRA, sink())).toThrow(
      /^--out: ".*s\.csv" must end in \.json or \.npy/,
    );
    expect(existsSync(scratch.path('s.csv'))).toBe(false);
  });
});
