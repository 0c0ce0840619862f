export { autoCoreset, DEFAULT_AUTOCORESET_OPTIONS } from './auto-coreset.js';
export type {
  AutoCoresetMeta,
  AutoCoresetOptions,
  AutoCoresetResult,
  AutoCoresetStopReason,
} from './auto-coreset.js';
export { AUTOCORESET_OPTIONS_SCHEMA, autoCoresetMethod } from './auto-coreset-method.js';
export type { AutoCoresetInput, AutoCoresetMethodOptions } from './auto-coreset-method.js';

export type {
  CoresetProblem,
  FitContext,
  KmeansSolution,
  LabelKind,
  LinearSolution,
} from './problems/problem.js';
export { createProblem, PROBLEM_NAMES } from './problems/create-problem.js';
export type { CreateProblemOptions, ProblemName } from './problems/create-problem.js';
export {
  DEFAULT_LOGISTIC_REGRESSION_OPTIONS,
  fitLogisticRegression,
  logisticRegressionLoss,
  logisticRegressionProblem,
} from './problems/logistic-regression.js';
export type { LogisticRegressionOptions } from './problems/logistic-regression.js';
export {
  DEFAULT_LINEAR_SVM_OPTIONS,
  fitLinearSvm,
  linearSvmLoss,
  linearSvmProblem,
} from './problems/linear-svm.js';
export type { LinearSvmOptions } from './problems/linear-svm.js';
export {
  fitLinearRegression,
  linearRegressionLoss,
  linearRegressionProblem,
} from './problems/linear-regression.js';
export {
  DEFAULT_KMEANS_PROBLEM_OPTIONS,
  fitKmeans,
  kmeansLoss,
  kmeansProblem,
} from './problems/kmeans.js';
export type { KmeansProblemOptions } from './problems/kmeans.js';

export { caratheodoryStep, caratheodorySummary } from './summarize/caratheodory.js';
export type { CaratheodoryGrouping, CaratheodoryOptions } from './summarize/caratheodory.js';
export { importanceSummary } from './summarize/importance-sampling.js';
export { bestOfKSummary } from './summarize/best-of-k.js';
export type { BestOfKSummary } from './summarize/best-of-k.js';
export { uniformSummary } from './summarize/uniform.js';
export { SUMMARIZER_NAMES } from './summarize/summary.js';
export type { SummarizerName, VectorSummarizer, VectorSummary } from './summarize/summary.js';

export { classBudgets, fairClassBudgets } from './class-budgets.js';
export type { ClassBudgetPolicy, FairBudgetDetails } from './class-budgets.js';
export { PatienceTracker } from './patience.js';

export {
  classificationAccuracy,
  coresetEpsilon,
  fitFullData,
  fitOnCoreset,
  problemCost,
  rSquared,
} from './evaluate.js';
export { DEFAULT_UNIFORM_CORESET_OPTIONS, uniformCoreset } from './uniform-coreset.js';
export type {
  UniformCoresetMeta,
  UniformCoresetOptions,
  UniformCoresetResult,
} from './uniform-coreset.js';
