import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '@coresets/core';
import type { Matrix } from '@coresets/core';

/** Where HTRU_2.csv lives: CORESETS_DATA_DIR/htru2, then the Debian-style location; undefined if absent. */
export function htru2Path(): string | undefined {
  const candidates = [
    process.env.CORESETS_DATA_DIR === undefined
      ? undefined
      : join(process.env.CORESETS_DATA_DIR, 'htru2', 'HTRU_2.csv'),
    '/usr/share/datasets/htru2/HTRU_2.csv',
  ];
  return candidates.find((p) => p !== undefined && existsSync(p));
}

export interface Split {
  readonly train: { x: Matrix<Float64Array>; y: Float64Array };
  readonly test: { x: Matrix<Float64Array>; y: Float64Array };
}

/**
 * The spec's protocol: all 17,898 rows (CR line endings, no header), labels ±1, a seeded 70/30
 * split, features standardised with training statistics. `testShare = 0` keeps every row in train.
 */
export function loadHtru2(
  path: string,
  seed: number,
  testShare = 0.3,
): Split & { rows: number; positives: number } {
  const lines = readFileSync(path, 'utf8')
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '');
  const n = lines.length;
  const d = 8;
  const all = new Float64Array(n * d);
  const labels = new Float64Array(n);
  let positives = 0;
  lines.forEach((line, i) => {
    const v = line.split(',').map(Number);
    for (let j = 0; j < d; j++) all[i * d + j] = v[j];
    labels[i] = v[d] === 1 ? 1 : -1;
    if (v[d] === 1) positives++;
  });
  const order = Rng.fromSeed(seed).permutation(n);
  const nTest = Math.round(n * testShare);
  const pick = (ids: Int32Array): { x: Matrix<Float64Array>; y: Float64Array } => {
    const data = new Float64Array(ids.length * d);
    ids.forEach((i, k) => data.set(all.subarray(i * d, (i + 1) * d), k * d));
    return { x: { rows: ids.length, cols: d, data }, y: Float64Array.from(ids, (i) => labels[i]) };
  };
  const train = pick(order.slice(nTest).sort());
  const test = pick(order.slice(0, nTest).sort());
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let i = 0; i < train.x.rows; i++)
    for (let j = 0; j < d; j++) mean[j] += train.x.data[i * d + j] / train.x.rows;
  for (let i = 0; i < train.x.rows; i++)
    for (let j = 0; j < d; j++) std[j] += (train.x.data[i * d + j] - mean[j]) ** 2 / train.x.rows;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]) || 1;
  for (const part of [train, test]) {
    for (let i = 0; i < part.x.rows; i++)
      for (let j = 0; j < d; j++)
        part.x.data[i * d + j] = (part.x.data[i * d + j] - mean[j]) / std[j];
  }
  return { train, test, rows: n, positives };
}
