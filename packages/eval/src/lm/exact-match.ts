import * as tf from '@tensorflow/tfjs-core';
import { BOS, EOS, PAD, SEP, decodeTokens, encodeText } from './vocabulary.js';
import type { LmExample } from './source-mixture.js';
import type { TinyTransformer } from './tiny-transformer.js';

export interface ExactMatchReport {
  /** Exact-match accuracy per source (NaN for a source without examples). */
  readonly perSource: number[];
  /** Mean over the sources that have examples. */
  readonly macro: number;
  readonly overall: number;
}

/**
 * Greedy decoding of each prompt's answer (until EOS or one token past the reference length),
 * scored by exact string match.
 */
export function generateAnswers(model: TinyTransformer, prompts: readonly string[], maxNewTokens: number, batchSize = 64): string[] {
  const out: string[] = [];
  for (let start = 0; start < prompts.length; start += batchSize) {
    const chunk = prompts.slice(start, start + batchSize);
    const seqs = chunk.map((p) => [BOS, ...encodeText(p), SEP]);
    const done = chunk.map(() => false);
    const answers: number[][] = chunk.map(() => []);
    for (let step = 0; step < maxNewTokens; step++) {
      const T = Math.min(model.contextLength, Math.max(...seqs.map((s) => s.length)));
      const tokens = new Int32Array(chunk.length * T).fill(PAD);
      seqs.forEach((s, i) => tokens.set(s.slice(-T), i * T));
      // Read outside tidy: tidy walks a returned typed array value by value.
      const nextTensor = tf.tidy(() => tf.argMax(model.logits(tf.tensor2d(tokens, [chunk.length, T], 'int32')), -1));
      const next = nextTensor.dataSync() as Int32Array;
      nextTensor.dispose();
      let active = false;
      seqs.forEach((s, i) => {
        if (done[i]) return;
        const pos = Math.min(s.length, T) - 1;
        const id = next[i * T + pos];
        s.push(id);
        if (id === EOS || s.length > model.contextLength) done[i] = true;
        else answers[i].push(id);
        active ||= !done[i];
      });
      if (!active) break;
    }
    answers.forEach((a) => out.push(decodeTokens(a)));
  }
  return out;
}

export function exactMatch(model: TinyTransformer, examples: readonly LmExample[], numSources: number): ExactMatchReport {
  const maxLen = examples.reduce((m, e) => Math.max(m, e.answer.length), 0) + 1;
  const answers = generateAnswers(model, examples.map((e) => e.prompt), maxLen);
  const hits = new Array<number>(numSources).fill(0);
  const counts = new Array<number>(numSources).fill(0);
  examples.forEach((e, i) => {
    counts[e.source]++;
    if (answers[i] === e.answer) hits[e.source]++;
  });
  const perSource = hits.map((h, s) => (counts[s] > 0 ? h / counts[s] : Number.NaN));
  const present = perSource.filter((v) => !Number.isNaN(v));
  return {
    perSource,
    macro: present.reduce((a, b) => a + b, 0) / Math.max(1, present.length),
    overall: hits.reduce((a, b) => a + b, 0) / Math.max(1, examples.length),
  };
}
