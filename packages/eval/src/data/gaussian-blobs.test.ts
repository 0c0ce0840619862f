import { describe, expect, it } from 'vitest';
import { makeGaussianBlobs } from './gaussian-blobs.js';

describe('makeGaussianBlobs', () => {
  it('is deterministic per seed, balanced, and flips exactly ⌊noise·n⌋ labels to other classes', () => {
    const a = makeGaussianBlobs({ n: 101, numClasses: 4, dim: 3, labelNoise: 0.1, seed: 2 });
    const b = makeGaussianBlobs({ n: 101, numClasses: 4, dim: 3, labelNoise: 0.1, seed: 2 });
    const c = makeGaussianBlobs({ n: 101, numClasses: 4, dim: 3, labelNoise: 0.1, seed: 3 });
    expect(a.x.data).toEqual(b.x.data);
    expect(a.labels).toEqual(b.labels);
    expect(a.x.data).not.toEqual(c.x.data);
    const clean = [0, 0, 0, 0];
    for (const y of a.cleanLabels) clean[y]++;
    expect(clean).toEqual([26, 25, 25, 25]);
    expect(a.noisy.reduce((s, v) => s + v, 0)).toBe(10);
    for (let i = 0; i < 101; i++) expect(a.labels[i] !== a.cleanLabels[i]).toBe(a.noisy[i] === 1);
    expect(a.shape).toEqual([3]);
  });

  it('places points around their cluster centre with the requested spread', () => {
    const d = makeGaussianBlobs({ n: 4000, numClasses: 2, dim: 2, clusterStd: 0.5, clustersPerClass: 2, seed: 1 });
    let sq = 0;
    for (let i = 0; i < d.x.rows; i++) {
      for (let j = 0; j < 2; j++) sq += (d.x.data[i * 2 + j] - d.centers[d.clusters[i] * 2 + j]) ** 2;
      expect(Math.floor(d.clusters[i] / 2)).toBe(d.labels[i]);
    }
    expect(Math.sqrt(sq / (2 * d.x.rows))).toBeCloseTo(0.5, 1);
    expect(() => makeGaussianBlobs({ n: 10, labelNoise: 1.5, seed: 0 })).toThrow(/labelNoise/);
    expect(() => makeGaussianBlobs({ n: 10, numClasses: 1, seed: 0 })).toThrow(/numClasses/);
  });
});
