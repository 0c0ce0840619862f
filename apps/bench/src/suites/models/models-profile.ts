/** One full-data training run of issue #5. */
export interface AccuracyConfig {
  readonly model: 'cnn' | 'mlp';
  /** SGD: Nesterov 0.9, weight decay 5e-4; Adam: no weight decay. Both cosine to 1e-4. */
  readonly optimizer: 'sgd' | 'adam';
  readonly iterations: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly evaluateEvery: number;
}

/** Sizes of every measurement; part of the cache settings, so changing one recomputes its cells. */
export interface ModelsProfile {
  /** Issue #5: timed steps (after `warmupSteps` untimed ones) of `measureTrainingThroughput`, batch 128. */
  readonly throughput: {
    readonly batchSize: number;
    readonly warmupSteps: number;
    readonly mlpSteps: number;
    readonly cnnSteps: number;
    /** The slow paths (tfjs conv2d on wasm, the cpu backend's CNN: many seconds per step). */
    readonly slowCnnSteps: number;
    readonly slowWarmupSteps: number;
  };
  /**
   * Issue #5: full-data training runs (or the quick MLP stand-in). Not part of the cache settings:
   * each cell key spells out every field, so adding or resizing a long run keeps the other cells.
   */
  readonly accuracy: readonly AccuracyConfig[];
  /** Issue #4: `measureGradientThroughput` on the default MLP 784-128-10. */
  readonly mlpGradients: { readonly numExamples: number; readonly chunkSize: number };
  /** Issue #4: exact (loop) and zeroth-order per-example gradients of the tiny transformer. */
  readonly lmGradients: { readonly examples: number; readonly zoRepeats: number };
  /** Issue #6: timed steps per part-2 model (after one untimed warm-up step). */
  readonly stepTimes: {
    readonly lmSteps: number;
    readonly lmBatch: number;
    readonly contrastiveSteps: number;
    readonly contrastiveBatch: number;
    /** Untimed contrastive steps first (augmentation buffers and kernel set-up). */
    readonly contrastiveWarmupSteps: number;
    readonly recommenderSteps: number;
    readonly recommenderBatch: number;
  };
}

export function modelsProfile(quick: boolean): ModelsProfile {
  return quick
    ? {
        throughput: { batchSize: 128, warmupSteps: 1, mlpSteps: 5, cnnSteps: 2, slowCnnSteps: 1, slowWarmupSteps: 0 },
        accuracy: [{ model: 'mlp', optimizer: 'sgd', iterations: 300, batchSize: 128, learningRate: 0.05, evaluateEvery: 300 }],
        mlpGradients: { numExamples: 128, chunkSize: 64 },
        lmGradients: { examples: 8, zoRepeats: 2 },
        stepTimes: { lmSteps: 2, lmBatch: 32, contrastiveSteps: 2, contrastiveBatch: 128, contrastiveWarmupSteps: 1, recommenderSteps: 5, recommenderBatch: 64 },
      }
    : {
        throughput: { batchSize: 128, warmupSteps: 2, mlpSteps: 20, cnnSteps: 8, slowCnnSteps: 1, slowWarmupSteps: 0 },
        accuracy: [
          { model: 'cnn', optimizer: 'sgd', iterations: 4700, batchSize: 128, learningRate: 0.05, evaluateEvery: 940 },
          { model: 'cnn', optimizer: 'adam', iterations: 4700, batchSize: 128, learningRate: 1e-3, evaluateEvery: 940 },
        ],
        mlpGradients: { numExamples: 512, chunkSize: 128 },
        lmGradients: { examples: 64, zoRepeats: 5 },
        stepTimes: { lmSteps: 10, lmBatch: 32, contrastiveSteps: 10, contrastiveBatch: 128, contrastiveWarmupSteps: 1, recommenderSteps: 6, recommenderBatch: 64 },
      };
}
