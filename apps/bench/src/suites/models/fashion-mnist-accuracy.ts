import { loadFashionMnist, createCnn, createMlp, trainClassifier } from '@coresets/eval';
import type { AccuracyConfig } from './models-profile.js';

export interface AccuracyRun {
  readonly model: 'cnn' | 'mlp';
  /** Absent in runs stored before the option existed (they used SGD). */
  readonly optimizer?: 'sgd' | 'adam';
  readonly trainSize: number;
  readonly testSize: number;
  readonly iterations: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly finalAccuracy: number;
  readonly bestAccuracy: number;
  /** Test accuracy every `evaluateEvery` steps and after the last one. */
  readonly curve: readonly { step: number; accuracy: number }[];
  readonly finalLoss: number;
  readonly loadMs: number;
  /** Training including the periodic test evaluations. */
  readonly trainMs: number;
}

/** The cell key: every field of the run's configuration (it is not in the cache settings). */
export function accuracyKey(p: AccuracyConfig): string {
  return `accuracy:${p.model}:wasm:it${p.iterations}:b${p.batchSize}:lr${p.learningRate}:eval${p.evaluateEvery}${p.optimizer === 'sgd' ? '' : `:${p.optimizer}`}`;
}

/**
 * Trains eval's CNN (or, in the quick profile, the MLP) on all 60,000 Fashion-MNIST training
 * images and reports test accuracy on the 10,000 test images. Recipe: trainClassifier's defaults —
 * SGD with Nesterov momentum 0.9, weight decay 5e-4, cosine learning rate from `learningRate` to
 * 1e-4 over the iterations, no augmentation — or Adam without weight decay on the same schedule.
 */
export function fashionMnistAccuracy(p: AccuracyConfig, dataDir: string | undefined, log: (line: string) => void): AccuracyRun {
  const t0 = performance.now();
  const data = loadFashionMnist({ dataDir });
  const loadMs = performance.now() - t0;
  const model =
    p.model === 'cnn'
      ? createCnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 0 })
      : createMlp({ inputSize: 784, numClasses: 10, seed: 0 });
  try {
    const result = trainClassifier(model, data.train, {
      iterations: p.iterations,
      batchSize: p.batchSize,
      learningRate: p.learningRate,
      ...(p.optimizer === 'adam' ? { optimizer: 'adam' as const, weightDecay: 0 } : {}),
      seed: 1,
      evaluation: { data: data.test, every: p.evaluateEvery },
      progressEvery: 50,
      onProgress: (e) => {
        const info = e.info as { loss: number; accuracy?: number } | undefined;
        log(`${p.model} full data: step ${e.completed}/${e.total}, loss ${info?.loss.toFixed(3) ?? '?'}${info?.accuracy === undefined ? '' : `, test ${(info.accuracy * 100).toFixed(2)}%`}`);
      },
    });
    return {
      model: p.model,
      optimizer: p.optimizer,
      trainSize: data.train.x.rows,
      testSize: data.test.x.rows,
      iterations: result.steps,
      batchSize: p.batchSize,
      epochs: result.epochs,
      learningRate: p.learningRate,
      finalAccuracy: result.finalAccuracy ?? Number.NaN,
      bestAccuracy: result.bestAccuracy ?? Number.NaN,
      curve: result.evaluations.map((e) => ({ step: e.step, accuracy: e.accuracy })),
      finalLoss: result.losses[result.losses.length - 1],
      loadMs,
      trainMs: result.elapsedMs,
    };
  } finally {
    model.dispose();
  }
}
