import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { realDataRoot } from '../internal/test-data.js';
import { makeTargetOpenSplit } from './target-open-split.js';
import { FASHION_MNIST_FILES, FASHION_MNIST_MEAN, FASHION_MNIST_STD, loadFashionMnist } from './fashion-mnist.js';

function idxBytes(magic: number, dims: number[], payload: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return gzipSync(Buffer.concat([header, payload]));
}

/** A fake data directory with n train and n test images whose pixels all equal the row index. */
function fakeFashionMnist(n: number, labels: number[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'fmnist-'));
  const pixels = new Uint8Array(n * 784).map((_, i) => Math.floor(i / 784));
  for (const [images, labelFile] of [
    [FASHION_MNIST_FILES.trainImages, FASHION_MNIST_FILES.trainLabels],
    [FASHION_MNIST_FILES.testImages, FASHION_MNIST_FILES.testLabels],
  ]) {
    writeFileSync(join(dir, images), idxBytes(2051, [n, 28, 28], pixels));
    writeFileSync(join(dir, labelFile), idxBytes(2049, [n], Uint8Array.from(labels)));
  }
  return dir;
}

describe('loadFashionMnist on synthetic files', () => {
  it('normalises (x/255 − 0.2861)/0.353, exposes the background value and shape', () => {
    const dir = fakeFashionMnist(4, [0, 1, 2, 3]);
    const { train, test, validation } = loadFashionMnist({ dataDir: dir });
    expect(validation).toBeUndefined();
    expect(train.shape).toEqual([28, 28, 1]);
    expect(train.x.data[3 * 784 + 5]).toBeCloseTo((3 / 255 - FASHION_MNIST_MEAN) / FASHION_MNIST_STD, 6);
    expect(train.background).toBeCloseTo(-FASHION_MNIST_MEAN / FASHION_MNIST_STD, 6);
    expect(Array.from(test.labels)).toEqual([0, 1, 2, 3]);
    const raw = loadFashionMnist({ dataDir: dir, normalize: false, limit: 2 });
    expect(raw.train.x.rows).toBe(2);
    expect(raw.train.x.data[784]).toBeCloseTo(1 / 255, 7);
  });

  it('rejects labels outside 0–9 and a validation set as large as the training set', () => {
    const dir = fakeFashionMnist(2, [0, 12]);
    expect(() => loadFashionMnist({ dataDir: dir })).toThrow(/label 12 at row 1/);
    const ok = fakeFashionMnist(2, [0, 1]);
    try {
      loadFashionMnist({ dataDir: ok, validationSize: 2 });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'OUT_OF_RANGE') && e.argument).toBe('validationSize');
    }
  });
});

const root = realDataRoot('fashion-mnist', FASHION_MNIST_FILES.trainImages);

describe.skipIf(root === undefined)('loadFashionMnist on the real files (CORESETS_DATA_DIR)', () => {
  it('has 60,000/10,000 images, 6,000/1,000 per class, and the known pixel sums', () => {
    // Parses each file once: raw intensities and a 5,000-image stratified validation split.
    const data = loadFashionMnist({ env: { CORESETS_DATA_DIR: root }, normalize: false, validationSize: 5000, seed: 1 });
    expect(data.train.x.rows).toBe(55_000);
    expect(data.validation?.x.rows).toBe(5_000);
    expect(data.test.x.rows).toBe(10_000);
    const counts = (labels: Int32Array): number[] => {
      const c = new Array<number>(10).fill(0);
      for (const y of labels) c[y]++;
      return c;
    };
    expect(counts(data.validation!.labels)).toEqual(new Array(10).fill(500));
    expect(counts(data.train.labels)).toEqual(new Array(10).fill(5_500));
    expect(counts(data.test.labels)).toEqual(new Array(10).fill(1_000));
    const rowSum = (x: Float32Array, row: number): number => {
      let s = 0;
      for (let j = 0; j < 784; j++) s += Math.round(x[row * 784 + j] * 255);
      return s;
    };
    const totalSum = (x: Float32Array): number => {
      let s = 0;
      for (const v of x) s += Math.round(v * 255);
      return s;
    };
    // Reference values computed once with python3 (gzip + struct) from the files themselves:
    // train total 3,431,114,169; image 0 → 76,247; image 12,345 → 97,611; image 59,999 → 16,684;
    // test total 573,469,082; test image 0 → 33,456; test image 9,999 → 24,390; first labels 9,0,0,3.
    expect(totalSum(data.train.x.data) + totalSum(data.validation!.x.data)).toBe(3_431_114_169);
    expect(totalSum(data.test.x.data)).toBe(573_469_082);
    const find = (original: number): number => {
      const t = data.trainIndices.indexOf(original);
      return t >= 0 ? rowSum(data.train.x.data, t) : rowSum(data.validation!.x.data, data.validationIndices.indexOf(original));
    };
    expect([find(0), find(12_345), find(59_999)]).toEqual([76_247, 97_611, 16_684]);
    expect([rowSum(data.test.x.data, 0), rowSum(data.test.x.data, 9_999)]).toEqual([33_456, 24_390]);
    expect(Array.from(data.test.labels.subarray(0, 4))).toEqual([9, 2, 1, 1]);
    // SimCore's setting on the 55,000 training rows: 4 × 200 target images, the rest is the open set,
    // 4 × 5,500 − 800 = 21,200 of which belong to the target classes.
    const split = makeTargetOpenSplit(data.train, { seed: 0 });
    expect([split.target.length, split.openSet.length]).toEqual([800, 54_200]);
    expect(split.openSetRelevant.reduce((a, b) => a + b, 0)).toBe(21_200);
  }, 30_000); // gunzips and converts 55 MB; a few seconds on a loaded 2-core machine
});
