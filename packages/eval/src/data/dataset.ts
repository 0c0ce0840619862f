import { CoresetError, toRng } from '@coresets/core';
import type { Matrix , Rng} from '@coresets/core';

/**
 * A labelled classification data set held in memory: one flattened example per row of `x`
 * (float32, the dtype tfjs trains in) and `shape` telling models how to unflatten a row
 * (`[28, 28, 1]` for Fashion-MNIST, `[d]` for tabular data).
 */
export interface LabeledDataset {
  readonly x: Matrix<Float32Array>;
  readonly labels: Int32Array;
  readonly numClasses: number;
  /** Shape of one example; its product equals `x.cols`. */
  readonly shape: readonly number[];
  readonly classNames?: readonly string[] | undefined;
  /**
   * Value of a blank (zero-intensity) pixel after normalisation, used as padding by image
   * augmentation so that padded borders look like the original background.
   */
  readonly background?: number | undefined;
}

/** Checks shapes, label range and finiteness; returns the same object typed as a data set. */
export function validateDataset(data: LabeledDataset, argument = 'data'): LabeledDataset {
  const { x, labels, numClasses, shape } = data;
  if (!(x?.data instanceof Float32Array)) {
    throw new CoresetError('INVALID_ARGUMENT', `${argument}.x must be a float32 matrix`, { argument });
  }
  if (x.data.length !== x.rows * x.cols) {
    throw new CoresetError('SHAPE_MISMATCH', `${argument}.x has ${x.data.length} values, expected rows × cols`, {
      argument,
    });
  }
  if (!(labels instanceof Int32Array) || labels.length !== x.rows) {
    throw new CoresetError('SHAPE_MISMATCH', `${argument}.labels must be an Int32Array of length ${x.rows}`, {
      argument,
    });
  }
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new CoresetError('INVALID_ARGUMENT', `${argument}.numClasses must be a positive integer`, { argument });
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== x.cols || shape.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new CoresetError('SHAPE_MISMATCH', `${argument}.shape [${shape.join(', ')}] does not hold ${x.cols} values`, {
      argument,
    });
  }
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y < 0 || y >= numClasses) {
      throw new CoresetError('OUT_OF_RANGE', `${argument}.labels[${i}] = ${y} is outside [0, ${numClasses})`, {
        argument,
      });
    }
  }
  for (let i = 0; i < x.data.length; i++) {
    if (!Number.isFinite(x.data[i])) {
      throw new CoresetError('NON_FINITE', `${argument}.x has a non-finite value at row ${Math.floor(i / x.cols)}`, {
        argument,
      });
    }
  }
  return data;
}

export interface SubsetOptions {
  /**
   * Maps original labels to new ones (`relabel[oldLabel] = newLabel`, −1 = not allowed); the new
   * `numClasses` is one more than the largest new label. Used for the 4-class target probe.
   */
  readonly relabel?: ArrayLike<number> | undefined;
}

/** Copies the given rows (in the given order) into a new data set. */
export function subsetDataset(data: LabeledDataset, indices: ArrayLike<number>, options: SubsetOptions = {}): LabeledDataset {
  const { x, labels } = data;
  const d = x.cols;
  const out = new Float32Array(indices.length * d);
  const outLabels = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= x.rows) {
      throw new CoresetError('OUT_OF_RANGE', `indices[${k}] = ${i} is outside [0, ${x.rows})`, { argument: 'indices' });
    }
    out.set(x.data.subarray(i * d, (i + 1) * d), k * d);
    outLabels[k] = labels[i];
  }
  let numClasses = data.numClasses;
  let classNames = data.classNames;
  if (options.relabel !== undefined) {
    const map = options.relabel;
    if (map.length !== data.numClasses) {
      throw new CoresetError('SHAPE_MISMATCH', `relabel must have ${data.numClasses} entries, got ${map.length}`, {
        argument: 'relabel',
      });
    }
    let max = -1;
    const names: string[] = [];
    for (let c = 0; c < map.length; c++) {
      const m = map[c];
      if (!Number.isInteger(m) || m < -1) {
        throw new CoresetError('INVALID_ARGUMENT', `relabel[${c}] must be an integer ≥ −1, got ${m}`, {
          argument: 'relabel',
        });
      }
      if (m > max) max = m;
      if (m >= 0 && data.classNames !== undefined) names[m] = data.classNames[c];
    }
    for (let k = 0; k < outLabels.length; k++) {
      const m = map[outLabels[k]];
      if (m < 0) {
        throw new CoresetError('INVALID_ARGUMENT', `row ${indices[k]} has label ${outLabels[k]}, which relabel drops`, {
          argument: 'relabel',
        });
      }
      outLabels[k] = m;
    }
    numClasses = max + 1;
    classNames = data.classNames === undefined ? undefined : names;
  }
  return {
    x: { rows: indices.length, cols: d, data: out },
    labels: outLabels,
    numClasses,
    shape: data.shape,
    classNames,
    background: data.background,
  };
}

export interface SplitOptions {
  /** Number of rows in the second part (an integer) — or a fraction in (0, 1). */
  readonly size: number;
  readonly seed: number | Rng;
  /** Keep class proportions (per-class counts rounded down, remainder to the largest classes). */
  readonly stratify?: boolean | undefined;
}

export interface DatasetSplit {
  readonly first: LabeledDataset;
  readonly second: LabeledDataset;
  /** Original row indices of each part, ascending. */
  readonly firstIndices: Int32Array;
  readonly secondIndices: Int32Array;
}

/** Seeded random split into two parts, e.g. train / validation. Both index lists are sorted. */
export function splitDataset(data: LabeledDataset, options: SplitOptions): DatasetSplit {
  const n = data.x.rows;
  const size = options.size < 1 && options.size > 0 ? Math.round(options.size * n) : options.size;
  if (!Number.isInteger(size) || size < 0 || size > n) {
    throw new CoresetError('OUT_OF_RANGE', `size must be an integer in [0, ${n}] or a fraction in (0, 1), got ${options.size}`, {
      argument: 'size',
    });
  }
  const rng = toRng(options.seed);
  const inSecond = new Uint8Array(n);
  if (options.stratify === true) {
    const byClass: number[][] = Array.from({ length: data.numClasses }, () => []);
    for (let i = 0; i < n; i++) byClass[data.labels[i]].push(i);
    const quotas = byClass.map((members) => Math.floor((members.length * size) / n));
    let remaining = size - quotas.reduce((a, b) => a + b, 0);
    // Largest classes take the remainder first; ties → lower class index.
    const order = byClass.map((_, c) => c).sort((a, b) => byClass[b].length - byClass[a].length || a - b);
    for (let t = 0; remaining > 0; t = (t + 1) % order.length) {
      const c = order[t];
      if (quotas[c] < byClass[c].length) {
        quotas[c]++;
        remaining--;
      }
    }
    for (let c = 0; c < byClass.length; c++) {
      const picks = rng.sampleWithoutReplacement(byClass[c].length, quotas[c]);
      for (const p of picks) inSecond[byClass[c][p]] = 1;
    }
  } else {
    for (const p of rng.sampleWithoutReplacement(n, size)) inSecond[p] = 1;
  }
  const firstIndices = new Int32Array(n - size);
  const secondIndices = new Int32Array(size);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (inSecond[i] === 1) secondIndices[b++] = i;
    else firstIndices[a++] = i;
  }
  return {
    first: subsetDataset(data, firstIndices),
    second: subsetDataset(data, secondIndices),
    firstIndices,
    secondIndices,
  };
}

/** Rows whose label is one of `classes`, ascending (e.g. the target-class test rows of a probe). */
export function rowsWithLabels(data: LabeledDataset, classes: readonly number[]): Int32Array {
  const wanted = new Uint8Array(data.numClasses);
  for (const c of classes) {
    if (!Number.isInteger(c) || c < 0 || c >= data.numClasses) {
      throw new CoresetError('OUT_OF_RANGE', `class ${c} is outside [0, ${data.numClasses})`, { argument: 'classes' });
    }
    wanted[c] = 1;
  }
  const out: number[] = [];
  for (let i = 0; i < data.labels.length; i++) if (wanted[data.labels[i]] === 1) out.push(i);
  return Int32Array.from(out);
}
