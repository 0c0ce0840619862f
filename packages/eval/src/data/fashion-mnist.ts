import { join } from 'node:path';
import { CoresetError, assertInteger } from '@coresets/core';
import type { LabeledDataset } from './dataset.js';
import { splitDataset } from './dataset.js';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, readIdxFile } from './idx.js';
import type { DataDirOptions } from './resolve-data-dir.js';
import { resolveDatasetDir } from './resolve-data-dir.js';

/** Training-set pixel mean and standard deviation of Fashion-MNIST (intensities scaled to [0, 1]). */
export const FASHION_MNIST_MEAN = 0.2861;
export const FASHION_MNIST_STD = 0.353;

export const FASHION_MNIST_CLASSES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

export const FASHION_MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

export interface FashionMnistOptions extends DataDirOptions {
  /** Training images moved to `validation` (seeded, stratified). 0 = no validation set. */
  readonly validationSize?: number | undefined;
  /** Seed of the validation split. */
  readonly seed?: number | undefined;
  /** `(x/255 − mean)/std` when true; plain `x/255` when false. */
  readonly normalize?: boolean | undefined;
  /** Load only the first `limit` images of each file (for quick experiments); undefined = all. */
  readonly limit?: number | undefined;
}

export const DEFAULT_FASHION_MNIST_OPTIONS = {
  validationSize: 0,
  seed: 0,
  normalize: true,
} as const;

export interface FashionMnist {
  readonly train: LabeledDataset;
  /** Present when `validationSize > 0`; rows taken out of the 60,000 training images. */
  readonly validation: LabeledDataset | undefined;
  readonly test: LabeledDataset;
  /** Original training-file row of each `train` / `validation` row. */
  readonly trainIndices: Int32Array;
  readonly validationIndices: Int32Array;
  readonly dir: string;
}

/**
 * Loads Fashion-MNIST from its four gzip IDX files. Images become float32 rows of 784 values
 * with shape [28, 28, 1].
 */
export function loadFashionMnist(options: FashionMnistOptions = {}): FashionMnist {
  const validationSize = options.validationSize ?? DEFAULT_FASHION_MNIST_OPTIONS.validationSize;
  const seed = options.seed ?? DEFAULT_FASHION_MNIST_OPTIONS.seed;
  const normalize = options.normalize ?? DEFAULT_FASHION_MNIST_OPTIONS.normalize;
  assertInteger(validationSize, 'validationSize', 0);
  if (options.limit !== undefined) assertInteger(options.limit, 'limit', 1);
  const dir = resolveDatasetDir('fashion-mnist', Object.values(FASHION_MNIST_FILES), options);
  const read = (images: string, labels: string): LabeledDataset =>
    decodeFashionMnist(join(dir, images), join(dir, labels), normalize, options.limit);
  const full = read(FASHION_MNIST_FILES.trainImages, FASHION_MNIST_FILES.trainLabels);
  const test = read(FASHION_MNIST_FILES.testImages, FASHION_MNIST_FILES.testLabels);
  if (validationSize === 0) {
    const all = new Int32Array(full.x.rows);
    for (let i = 0; i < all.length; i++) all[i] = i;
    return { train: full, validation: undefined, test, trainIndices: all, validationIndices: new Int32Array(0), dir };
  }
  if (validationSize >= full.x.rows) {
    throw new CoresetError('OUT_OF_RANGE', `validationSize must be below ${full.x.rows}, got ${validationSize}`, {
      argument: 'validationSize',
    });
  }
  const split = splitDataset(full, { size: validationSize, seed, stratify: true });
  return {
    train: split.first,
    validation: split.second,
    test,
    trainIndices: split.firstIndices,
    validationIndices: split.secondIndices,
    dir,
  };
}

/** Decodes one images/labels file pair; exported for callers with files in their own layout. */
export function decodeFashionMnist(
  imagesPath: string,
  labelsPath: string,
  normalize = true,
  limit?: number,
): LabeledDataset {
  const images = readIdxFile(imagesPath, IDX_IMAGES_MAGIC);
  const labels = readIdxFile(labelsPath, IDX_LABELS_MAGIC);
  if (images.dims.length !== 3 || images.dims[1] !== 28 || images.dims[2] !== 28) {
    throw new CoresetError('SHAPE_MISMATCH', `${imagesPath}: expected n × 28 × 28 images, got ${images.dims.join(' × ')}`, {
      file: imagesPath,
    });
  }
  if (labels.dims.length !== 1 || labels.dims[0] !== images.dims[0]) {
    throw new CoresetError('SHAPE_MISMATCH', `${labelsPath}: ${labels.dims[0]} labels for ${images.dims[0]} images`, {
      file: labelsPath,
    });
  }
  const n = Math.min(images.dims[0], limit ?? Infinity);
  const d = 784;
  const x = new Float32Array(n * d);
  // One lookup table keeps the conversion identical for every pixel value.
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = normalize ? (v / 255 - FASHION_MNIST_MEAN) / FASHION_MNIST_STD : v / 255;
  const src = images.data;
  for (let i = 0; i < n * d; i++) x[i] = lut[src[i]];
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = labels.data[i];
    if (label > 9) {
      throw new CoresetError('PARSE_ERROR', `${labelsPath}: label ${label} at row ${i} is not a class 0–9`, {
        file: labelsPath,
        byte: 8 + i,
      });
    }
    y[i] = label;
  }
  return {
    x: { rows: n, cols: d, data: x },
    labels: y,
    numClasses: 10,
    shape: [28, 28, 1],
    classNames: FASHION_MNIST_CLASSES,
    background: lut[0],
  };
}
