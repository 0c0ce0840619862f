import { CoresetError } from '@coresets/core';
import type { Matrix } from '@coresets/core';

/** Index of the largest value of each row; ties → lower index; NaN rows are rejected. */
export function argmaxRows(scores: Matrix): Int32Array {
  const { rows, cols, data } = scores;
  if (cols < 1) throw new CoresetError('SHAPE_MISMATCH', 'scores must have at least one column', { argument: 'scores' });
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    let bestValue = data[i * cols];
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (Number.isNaN(v)) {
        throw new CoresetError('NON_FINITE', `scores row ${i} contains NaN`, { argument: 'scores' });
      }
      if (v > bestValue) {
        best = j;
        bestValue = v;
      }
    }
    out[i] = best;
  }
  return out;
}

function checkLabels(predicted: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (predicted.length !== labels.length) {
    throw new CoresetError('SHAPE_MISMATCH', `${predicted.length} predictions for ${labels.length} labels`, {
      argument: 'labels',
    });
  }
  if (labels.length === 0) throw new CoresetError('INVALID_ARGUMENT', 'labels must not be empty', { argument: 'labels' });
}

/** Fraction of rows with `predicted[i] === labels[i]`. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLabels(predicted, labels);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct / labels.length;
}

/** Accuracy within each true class; NaN for a class with no rows. */
export function perClassAccuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>, numClasses: number): Float64Array {
  checkLabels(predicted, labels);
  const total = new Float64Array(numClasses);
  const correct = new Float64Array(numClasses);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= numClasses) {
      throw new CoresetError('OUT_OF_RANGE', `labels[${i}] = ${y} is outside [0, ${numClasses})`, { argument: 'labels' });
    }
    total[y]++;
    if (predicted[i] === y) correct[y]++;
  }
  return correct.map((c, k) => (total[k] > 0 ? c / total[k] : Number.NaN));
}

/** Unweighted mean of the per-class accuracies over classes that have rows (balanced accuracy). */
export function macroAccuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>, numClasses: number): number {
  const per = perClassAccuracy(predicted, labels, numClasses);
  let sum = 0;
  let count = 0;
  for (const a of per) {
    if (!Number.isNaN(a)) {
      sum += a;
      count++;
    }
  }
  return sum / count;
}

/** Mean negative log-likelihood −log softmax(logits)_y, in float64 with the log-sum-exp shift. */
export function negativeLogLikelihood(logits: Matrix, labels: ArrayLike<number>): number {
  const { rows, cols, data } = logits;
  if (rows !== labels.length) {
    throw new CoresetError('SHAPE_MISMATCH', `${rows} logit rows for ${labels.length} labels`, { argument: 'labels' });
  }
  if (rows === 0) throw new CoresetError('INVALID_ARGUMENT', 'labels must not be empty', { argument: 'labels' });
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= cols) {
      throw new CoresetError('OUT_OF_RANGE', `labels[${i}] = ${y} is outside [0, ${cols})`, { argument: 'labels' });
    }
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, data[i * cols + j]);
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp(data[i * cols + j] - max);
    total += max + Math.log(sum) - data[i * cols + y];
  }
  if (!Number.isFinite(total)) throw new CoresetError('NON_FINITE', 'logits contain non-finite values', { argument: 'logits' });
  return total / rows;
}

/** Row-wise softmax in float64 (each row shifted by its maximum). */
export function softmaxRows(logits: Matrix): Matrix<Float64Array> {
  const { rows, cols, data } = logits;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, data[i * cols + j]);
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(data[i * cols + j] - max);
      out[i * cols + j] = e;
      sum += e;
    }
    for (let j = 0; j < cols; j++) out[i * cols + j] /= sum;
  }
  return { rows, cols, data: out };
}

export interface ClassificationReport {
  readonly n: number;
  readonly accuracy: number;
  readonly macroAccuracy: number;
  readonly perClassAccuracy: Float64Array;
  /** Mean cross-entropy of the true labels. */
  readonly nll: number;
}

/** Every classification metric from one logit matrix. */
export function classificationReport(logits: Matrix, labels: ArrayLike<number>, numClasses = logits.cols): ClassificationReport {
  const predicted = argmaxRows(logits);
  return {
    n: labels.length,
    accuracy: accuracy(predicted, labels),
    macroAccuracy: macroAccuracy(predicted, labels, numClasses),
    perClassAccuracy: perClassAccuracy(predicted, labels, numClasses),
    nll: negativeLogLikelihood(logits, labels),
  };
}
