export { rowsWithLabels, splitDataset, subsetDataset, validateDataset } from './data/dataset.js';
export type { DatasetSplit, LabeledDataset, SplitOptions, SubsetOptions } from './data/dataset.js';
export { resolveDatasetDir } from './data/resolve-data-dir.js';
export type { DataDirOptions } from './data/resolve-data-dir.js';
export { decodeIdx, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, readIdxFile } from './data/idx.js';
export type { IdxArray } from './data/idx.js';
export {
  decodeFashionMnist,
  DEFAULT_FASHION_MNIST_OPTIONS,
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_FILES,
  FASHION_MNIST_MEAN,
  FASHION_MNIST_STD,
  loadFashionMnist,
} from './data/fashion-mnist.js';
export type { FashionMnist, FashionMnistOptions } from './data/fashion-mnist.js';
export { HTRU2_FEATURES, HTRU2_FILE, loadHtru2, parseHtru2, standardizeDatasets } from './data/htru2.js';
export { createImageAugmenter, DEFAULT_IMAGE_AUGMENTATION_OPTIONS } from './data/augment.js';
export type { BatchAugmenter, ImageAugmentationOptions } from './data/augment.js';
export { DEFAULT_GAUSSIAN_BLOBS_OPTIONS, makeGaussianBlobs } from './data/gaussian-blobs.js';
export type { GaussianBlobs, GaussianBlobsOptions } from './data/gaussian-blobs.js';
export { DEFAULT_TARGET_OPEN_SPLIT_OPTIONS, makeTargetOpenSplit } from './data/target-open-split.js';
export type { TargetOpenSplit, TargetOpenSplitOptions } from './data/target-open-split.js';

export type { Classifier, ForwardOutput } from './models/classifier.js';
export { glorotUniform, heNormal } from './models/init.js';
export { createMlp, DEFAULT_MLP_OPTIONS } from './models/mlp.js';
export type { MlpOptions } from './models/mlp.js';
export { createCnn, DEFAULT_CNN_OPTIONS } from './models/cnn.js';
export type { CnnOptions } from './models/cnn.js';
export type { ConvImplementation } from './models/same-conv.js';
export { DEFAULT_PREDICT_OPTIONS, predict } from './models/predict.js';
export type { PredictOptions, Predictions } from './models/predict.js';

export { createOptimizer, DEFAULT_OPTIMIZER_OPTIONS } from './train/optimizer.js';
export type { Optimizer, OptimizerName, OptimizerOptions } from './train/optimizer.js';
export { createSchedule, DEFAULT_SCHEDULE_OPTIONS } from './train/schedule.js';
export type { ScheduleName, ScheduleOptions } from './train/schedule.js';
export { BatchIterator } from './train/batch-iterator.js';
export type { Batch } from './train/batch-iterator.js';
export { weightedCrossEntropy } from './train/loss.js';
export { clipByGlobalNorm } from './train/clip.js';
export { assertGradientsRegistered, trainStep } from './train/train-step.js';
export type { StepInput, StepOutput, TrainStepOptions } from './train/train-step.js';
export { DEFAULT_TRAIN_OPTIONS, trainClassifier } from './train/train-classifier.js';
export type { BatchRecord, EvaluationRecord, TrainOptions, TrainResult } from './train/train-classifier.js';
export { trainOnCoreset } from './train/train-on-coreset.js';
export type { CoresetSelection, TrainOnCoresetOptions, TrainOnCoresetResult } from './train/train-on-coreset.js';

export {
  accuracy,
  argmaxRows,
  classificationReport,
  macroAccuracy,
  negativeLogLikelihood,
  perClassAccuracy,
  softmaxRows,
} from './metrics/classification.js';
export type { ClassificationReport } from './metrics/classification.js';
export { evaluateClassifier } from './metrics/evaluate-classifier.js';
export { relativeError } from './metrics/relative-error.js';
export { coverageAucPr } from './metrics/coverage.js';
export type { CoverageOptions } from './metrics/coverage.js';
export { DEFAULT_LINEAR_PROBE_OPTIONS, linearProbe } from './metrics/linear-probe.js';
export type { LinearProbeOptions, LinearProbeResult } from './metrics/linear-probe.js';
export { DEFAULT_KNN_ACCURACY_OPTIONS, knnAccuracy } from './metrics/knn-accuracy.js';
export type { KnnAccuracyOptions, KnnAccuracyResult } from './metrics/knn-accuracy.js';

export { DEFAULT_THROUGHPUT_OPTIONS, measureTrainingThroughput } from './bench/training-throughput.js';
export type { ThroughputOptions, ThroughputResult } from './bench/training-throughput.js';
export { DEFAULT_FASHION_MNIST_BASELINE_OPTIONS, runFashionMnistBaseline } from './bench/fashion-mnist-baseline.js';
export type { FashionMnistBaselineOptions, FashionMnistBaselineResult } from './bench/fashion-mnist-baseline.js';

// --- part 2: language model, contrastive pre-training, sequential recommendation ---
export { BOS, EOS, PAD, SEP, VOCABULARY_SIZE, decodeTokens, encodeText } from './lm/vocabulary.js';
export { SKILLS } from './lm/skills.js';
export type { Skill, SkillSample, SkillScale } from './lm/skills.js';
export { DEFAULT_SOURCE_MIXTURE_OPTIONS, DEFAULT_SOURCE_PROPORTIONS, makeSourceMixture } from './lm/source-mixture.js';
export type { LmExample, SourceMixture, SourceMixtureOptions } from './lm/source-mixture.js';
export { encodeLmBatch, exampleSequence } from './lm/lm-batch.js';
export type { LmBatch } from './lm/lm-batch.js';
export { DEFAULT_TINY_TRANSFORMER_OPTIONS, createTinyTransformer, lastValueLoraB } from './lm/tiny-transformer.js';
export type { LoraTarget, TinyTransformer, TinyTransformerOptions } from './lm/tiny-transformer.js';
export { lmBatchTensors, meanLmLoss, perExampleLmLoss } from './lm/lm-loss.js';
export { exactMatch, generateAnswers } from './lm/exact-match.js';
export type { ExactMatchReport } from './lm/exact-match.js';
export { DEFAULT_FINETUNE_LM_OPTIONS, finetuneLm } from './lm/finetune-lm.js';
export type { FinetuneLmOptions, FinetuneLmResult, LmEvaluation, LmPool, LmPoolSelection, LmPoolSelector } from './lm/finetune-lm.js';
export { ntXentLoss } from './contrastive/nt-xent.js';
export { DEFAULT_SSL_AUGMENT_OPTIONS, augmentForSsl } from './contrastive/ssl-augment.js';
export type { SslAugmentOptions } from './contrastive/ssl-augment.js';
export { DEFAULT_CONTRASTIVE_ENCODER_OPTIONS, createContrastiveEncoder } from './contrastive/contrastive-encoder.js';
export type { ContrastiveEncoder, ContrastiveEncoderOptions } from './contrastive/contrastive-encoder.js';
export { DEFAULT_PRETRAIN_CONTRASTIVE_OPTIONS, pretrainContrastive } from './contrastive/pretrain-contrastive.js';
export type { PretrainContrastiveOptions } from './contrastive/pretrain-contrastive.js';
export { DEFAULT_SEQUENTIAL_RECOMMENDATION_OPTIONS, makeSequentialRecommendation } from './recsys/sequential-recommendation.js';
export type { RecOrigin, RecSample, SequentialRecommendation, SequentialRecommendationOptions } from './recsys/sequential-recommendation.js';
export { rankOf, rankingMetrics, sampleNegatives } from './recsys/ranking-metrics.js';
export type { RankingMetrics } from './recsys/ranking-metrics.js';
export { DEFAULT_GRU_RECOMMENDER_OPTIONS, createGruRecommender } from './recsys/gru-recommender.js';
export type { GruRecommender, GruRecommenderOptions } from './recsys/gru-recommender.js';
export { DEFAULT_TRAIN_RECOMMENDER_OPTIONS, evaluateRecommender, recommenderLoss, trainRecommender } from './recsys/train-recommender.js';
export type { RecommenderEvaluation, TrainRecommenderOptions, TrainRecommenderResult } from './recsys/train-recommender.js';
