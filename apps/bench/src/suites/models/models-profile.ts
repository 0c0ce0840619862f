/** Sizes of every measurement; part of the cache settings, so changing one recomputes its cells. */
export interface ModelsProfile {
  /** Issue #5: timed steps (after `warmupSteps` untimed ones) of `measureTrainingThroughput`, batch 128. */
  readonly throughput: {
    readonly batchSize: number;
    readonly warmupSteps: number;
    readonly mlpSteps: number;
    readonly cnnSteps: number;
    /** The slow paths: tfjs conv2d on wasm, and the cpu backend's CNN. */
    readonly slowCnnSteps: number;
  };
  /** Issue #5: full-data training run (or the quick MLP stand-in). */
  readonly accuracy: {
    readonly model: 'cnn' | 'mlp';
    readonly iterations: number;
    readonly batchSize: number;
    readonly learningRate: number;
    readonly evaluateEvery: number;
  };
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
    readonly recommenderSteps: number;
    readonly recommenderBatch: number;
  };
}

export function modelsProfile(quick: boolean): ModelsProfile {
  return quick
    ? {
        throughput: { batchSize: 128, warmupSteps: 1, mlpSteps: 5, cnnSteps: 2, slowCnnSteps: 1 },
        accuracy: { model: 'mlp', iterations: 300, batchSize: 128, learningRate: 0.05, evaluateEvery: 300 },
        mlpGradients: { numExamples: 128, chunkSize: 64 },
        lmGradients: { examples: 8, zoRepeats: 2 },
        stepTimes: { lmSteps: 2, lmBatch: 32, contrastiveSteps: 1, contrastiveBatch: 128, recommenderSteps: 5, recommenderBatch: 64 },
      }
    : {
        throughput: { batchSize: 128, warmupSteps: 2, mlpSteps: 20, cnnSteps: 8, slowCnnSteps: 2 },
        accuracy: { model: 'cnn', iterations: 800, batchSize: 128, learningRate: 0.05, evaluateEvery: 400 },
        mlpGradients: { numExamples: 512, chunkSize: 128 },
        lmGradients: { examples: 64, zoRepeats: 5 },
        stepTimes: { lmSteps: 10, lmBatch: 32, contrastiveSteps: 4, contrastiveBatch: 128, recommenderSteps: 30, recommenderBatch: 64 },
      };
}
