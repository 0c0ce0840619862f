import type { LabeledDataset } from '../data/dataset.js';
import type { Classifier } from '../models/classifier.js';
import type { PredictOptions } from '../models/predict.js';
import { predict } from '../models/predict.js';
import type { ClassificationReport } from './classification.js';
import { classificationReport } from './classification.js';

/** Accuracy (overall, per class, macro) and NLL of `model` on `data`. */
export function evaluateClassifier(model: Classifier, data: LabeledDataset, options: PredictOptions = {}): ClassificationReport {
  const { logits } = predict(model, data.x, options);
  return classificationReport(logits, data.labels, data.numClasses);
}
