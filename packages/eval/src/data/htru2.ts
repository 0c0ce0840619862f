import { join } from 'node:path';
import { CoresetError, parseCsv, readCsv } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import type { LabeledDataset } from './dataset.js';
import type { DataDirOptions } from './resolve-data-dir.js';
import { resolveDatasetDir } from './resolve-data-dir.js';

export const HTRU2_FILE = 'HTRU_2.csv';
export const HTRU2_FEATURES: readonly string[] = [
  'profile_mean',
  'profile_std',
  'profile_kurtosis',
  'profile_skewness',
  'dmsnr_mean',
  'dmsnr_std',
  'dmsnr_kurtosis',
  'dmsnr_skewness',
];

/**
 * Loads HTRU2 (17,898 pulsar candidates, 8 features, label 1 = pulsar) with raw feature values;
 * use `standardizeDatasets` with statistics from the training part only.
 */
export function loadHtru2(options: DataDirOptions = {}): LabeledDataset {
  const dir = resolveDatasetDir('htru2', [HTRU2_FILE], options);
  const path = join(dir, HTRU2_FILE);
  return htru2FromTable(readCsv(path, { header: false }).matrix, path);
}

/** Parses HTRU2 CSV text: no header, 9 comma-separated numbers a line, any of CR / LF / CRLF. */
export function parseHtru2(text: string, file = '<text>'): LabeledDataset {
  return htru2FromTable(parseCsv(text, { header: false, file }).matrix, file);
}

function htru2FromTable(table: Matrix<Float64Array>, file: string): LabeledDataset {
  if (table.cols !== 9) {
    throw new CoresetError('PARSE_ERROR', `${file}: expected 9 columns (8 features + label), got ${table.cols}`, {
      file,
      line: 1,
    });
  }
  const n = table.rows;
  const x = new Float32Array(n * 8);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 8; j++) x[i * 8 + j] = table.data[i * 9 + j];
    const y = table.data[i * 9 + 8];
    if (y !== 0 && y !== 1) {
      throw new CoresetError('PARSE_ERROR', `${file}:${i + 1}: label must be 0 or 1, got ${y}`, { file, line: i + 1 });
    }
    labels[i] = y;
  }
  return {
    x: { rows: n, cols: 8, data: x },
    labels,
    numClasses: 2,
    shape: [8],
    classNames: ['non-pulsar', 'pulsar'],
  };
}

/**
 * Z-scores every feature with the mean and (population) standard deviation of `fit`, applied
 * to `fit` and to each of `others`. Constant features are centred only. Returns new data sets.
 */
export function standardizeDatasets(fit: LabeledDataset, ...others: LabeledDataset[]): LabeledDataset[] {
  const { rows, cols, data } = fit.x;
  const mean = new Float64Array(cols);
  const sq = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += data[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= Math.max(rows, 1);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) sq[j] += (data[i * cols + j] - mean[j]) ** 2;
  const scale = Array.from(sq, (s) => {
    const std = Math.sqrt(s / Math.max(rows, 1));
    return std > 0 ? 1 / std : 1;
  });
  return [fit, ...others].map((ds, k) => {
    if (ds.x.cols !== cols) {
      throw new CoresetError('SHAPE_MISMATCH', `data set ${k} has ${ds.x.cols} features, expected ${cols}`, {
        argument: 'others',
      });
    }
    const out = new Float32Array(ds.x.data.length);
    for (let i = 0; i < ds.x.rows; i++) {
      for (let j = 0; j < cols; j++) out[i * cols + j] = (ds.x.data[i * cols + j] - mean[j]) * scale[j];
    }
    return { ...ds, x: { rows: ds.x.rows, cols, data: out } };
  });
}
