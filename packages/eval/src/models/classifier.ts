import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';

/** Output of one forward pass: the penultimate-layer embedding and the logits computed from it. */
export interface ForwardOutput {
  readonly embedding: tf.Tensor2D;
  readonly logits: tf.Tensor2D;
}

/**
 * A classifier written as plain functions over tf.Variables. Inputs are always flattened rows
 * `[batch, inputSize]`; image models reshape internally. Call tensor methods inside `tf.tidy`.
 */
export interface Classifier {
  readonly kind: string;
  readonly inputSize: number;
  readonly numClasses: number;
  readonly embeddingSize: number;
  /** Every trainable variable, in a fixed order (the order of `getWeights`). */
  readonly variables: readonly tf.Variable[];
  /** Variables that are biases; optimisers may exclude them from weight decay. */
  readonly biasVariables: readonly tf.Variable[];
  forward(x: tf.Tensor2D): ForwardOutput;
  logits(x: tf.Tensor2D): tf.Tensor2D;
  embed(x: tf.Tensor2D): tf.Tensor2D;
  /** Copies of the current parameter values, in `variables` order. */
  getWeights(): Float32Array[];
  setWeights(values: readonly Float32Array[]): void;
  dispose(): void;
}

/** Shared implementation of the bookkeeping parts of `Classifier`. */
export function classifierFromForward(spec: {
  kind: string;
  inputSize: number;
  numClasses: number;
  embeddingSize: number;
  variables: tf.Variable[];
  biasVariables: tf.Variable[];
  forward: (x: tf.Tensor2D) => ForwardOutput;
}): Classifier {
  let disposed = false;
  const check = (): void => {
    if (disposed) throw new CoresetError('INVALID_ARGUMENT', `${spec.kind} model was disposed`, { argument: 'model' });
  };
  const checkInput = (x: tf.Tensor2D): void => {
    check();
    if (x.rank !== 2 || x.shape[1] !== spec.inputSize) {
      throw new CoresetError('SHAPE_MISMATCH', `${spec.kind} expects inputs [batch, ${spec.inputSize}], got [${x.shape.join(', ')}]`, {
        argument: 'x',
      });
    }
  };
  return {
    kind: spec.kind,
    inputSize: spec.inputSize,
    numClasses: spec.numClasses,
    embeddingSize: spec.embeddingSize,
    variables: spec.variables,
    biasVariables: spec.biasVariables,
    forward(x) {
      checkInput(x);
      return spec.forward(x);
    },
    logits(x) {
      checkInput(x);
      return tf.tidy(() => spec.forward(x).logits);
    },
    embed(x) {
      checkInput(x);
      return tf.tidy(() => spec.forward(x).embedding);
    },
    getWeights() {
      check();
      return spec.variables.map((v) => Float32Array.from(v.dataSync()));
    },
    setWeights(values) {
      check();
      if (values.length !== spec.variables.length) {
        throw new CoresetError('SHAPE_MISMATCH', `expected ${spec.variables.length} arrays, got ${values.length}`, {
          argument: 'values',
        });
      }
      values.forEach((val, i) => {
        const v = spec.variables[i];
        if (val.length !== v.size) {
          throw new CoresetError('SHAPE_MISMATCH', `values[${i}] has ${val.length} entries, expected ${v.size}`, {
            argument: 'values',
          });
        }
        tf.tidy(() => v.assign(tf.tensor(val, v.shape, 'float32')));
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const v of spec.variables) v.dispose();
    },
  };
}
