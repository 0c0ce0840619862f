import { describe, expect, it } from 'vitest';
import { matrixFromRows, type Matrix } from '../matrix/matrix.js';
import { Rng } from '../random/rng.js';
import { kmeans } from './kmeans.js';

function blobs(seed: number, centers: number[][], perBlob: number, std: number): Matrix<Float64Array> {
  const rng = Rng.fromSeed(seed);
  const rows: number[][] = [];
  for (const c of centers) for (let i = 0; i < perBlob; i++) rows.push(c.map((v) => v + rng.normal(0, std)));
  return matrixFromRows(rows);
}

function bruteInertia(x: Matrix, centroids: Matrix, labels: Int32Array, weights?: number[]): number {
  let s = 0;
  for (let i = 0; i < x.rows; i++) {
    let d = 0;
    for (let j = 0; j < x.cols; j++) d += (x.data[i * x.cols + j] - centroids.data[labels[i] * x.cols + j]) ** 2;
    s += (weights?.[i] ?? 1) * d;
  }
  return s;
}

describe('kmeans', () => {
  it('solves a hand-computed 1-D example exactly', () => {
    const x = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
    const r = kmeans(x, { k: 2, seed: 0 });
    const centres = Array.from(r.centroids.data).sort((a, b) => a - b);
    expect(centres).toEqual([1, 11]);
    expect(r.inertia).toBe(4);
    expect(r.labels[0]).toBe(r.labels[2]);
    expect(r.labels[0]).not.toBe(r.labels[3]);
  });

  it('recovers well-separated blobs and reports a consistent inertia', () => {
    const centers = [
      [0, 0],
      [20, 0],
      [0, 20],
    ];
    const x = blobs(1, centers, 40, 0.5);
    const r = kmeans(x, { k: 3, seed: 5, nInit: 3 });
    for (let b = 0; b < 3; b++) {
      const label = r.labels[b * 40];
      for (let i = 0; i < 40; i++) expect(r.labels[b * 40 + i]).toBe(label);
    }
    expect(r.inertia).toBeCloseTo(bruteInertia(x, r.centroids, r.labels), 8);
  });

  it('centroids are the weighted means of their members (Lloyd fixed point)', () => {
    const x = blobs(2, [[0, 0], [5, 5]], 30, 1.5);
    const weights = Array.from({ length: x.rows }, (_, i) => 1 + (i % 3));
    const r = kmeans(x, { k: 2, seed: 3, weights, tol: 0 });
    for (let c = 0; c < 2; c++) {
      let mass = 0;
      const mean = [0, 0];
      for (let i = 0; i < x.rows; i++) {
        if (r.labels[i] !== c) continue;
        mass += weights[i];
        mean[0] += weights[i] * x.data[i * 2];
        mean[1] += weights[i] * x.data[i * 2 + 1];
      }
      expect(r.centroids.data[c * 2]).toBeCloseTo(mean[0] / mass, 10);
      expect(r.centroids.data[c * 2 + 1]).toBeCloseTo(mean[1] / mass, 10);
    }
    expect(r.inertia).toBeCloseTo(bruteInertia(x, r.centroids, r.labels, weights), 8);
  });

  it('is deterministic per seed, and a zero-weight row never becomes a centre', () => {
    const x = blobs(4, [[0, 0], [3, 3], [6, 0]], 20, 1);
    const a = kmeans(x, { k: 3, seed: 11 });
    const b = kmeans(x, { k: 3, seed: 11 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.centroids.data)).toEqual(Array.from(b.centroids.data));
    const outlier = matrixFromRows([[0], [0.1], [0.2], [1000]]);
    const r = kmeans(outlier, { k: 1, seed: 1, weights: [1, 1, 1, 0] });
    expect(r.centroids.data[0]).toBeCloseTo(0.1, 12);
  });

  it('starts from explicit centroids when given', () => {
    const x = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
    const r = kmeans(x, { k: 2, seed: 0, init: matrixFromRows([[10], [0]]) });
    expect(Array.from(r.centroids.data)).toEqual([11, 1]);
    expect(Array.from(r.labels)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(() => kmeans(x, { k: 2, seed: 0, init: matrixFromRows([[1]]) })).toThrow(/init has 1 rows, expected 2/);
  });

  it('handles k = n and duplicate points', () => {
    const x = matrixFromRows([[1], [1], [1], [2]]);
    const r = kmeans(x, { k: 4, seed: 0 });
    expect(r.inertia).toBe(0);
  });

  it('validates its arguments by name', () => {
    const x = matrixFromRows([[0], [1]]);
    expect(() => kmeans(x, { k: 3, seed: 0 })).toThrow(/k must be an integer in \[1, 2\]/);
    expect(() => kmeans(x, { k: 1, seed: 0, weights: [1] })).toThrow(/weights has 1 entries/);
    expect(() => kmeans(matrixFromRows([[Number.NaN]]), { k: 1, seed: 0 })).toThrow(/non-finite/);
  });

  it('stops when the signal is aborted', () => {
    const x = blobs(4, [[0, 0]], 10, 1);
    const controller = new AbortController();
    controller.abort();
    expect(() => kmeans(x, { k: 2, seed: 0, signal: controller.signal })).toThrow(/aborted/);
  });
});
