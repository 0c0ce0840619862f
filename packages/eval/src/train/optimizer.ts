import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';

export type OptimizerName = 'sgd' | 'adam' | 'adamw';

export interface OptimizerOptions {
  readonly name?: OptimizerName | undefined;
  /** SGD momentum μ (0 = plain SGD). */
  readonly momentum?: number | undefined;
  /** Nesterov momentum for SGD. */
  readonly nesterov?: boolean | undefined;
  readonly beta1?: number | undefined;
  readonly beta2?: number | undefined;
  readonly epsilon?: number | undefined;
  /**
   * L2 weight decay. SGD and Adam add `wd·θ` to the gradient (PyTorch's coupled decay, as in the
   * CCS reference training); AdamW shrinks `θ ← θ(1 − lr·wd)` separately (decoupled).
   */
  readonly weightDecay?: number | undefined;
}

export const DEFAULT_OPTIMIZER_OPTIONS = {
  name: 'sgd' as OptimizerName,
  momentum: 0.9,
  nesterov: true,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0,
} as const;

/** Stateful update rule over a fixed list of variables; `apply` is one step at the given rate. */
export interface Optimizer {
  readonly name: OptimizerName;
  /** Number of `apply` calls so far. */
  readonly iterations: number;
  /** `grads[i]` belongs to `variables[i]`; the caller keeps ownership of `grads`. */
  apply(grads: readonly tf.Tensor[], learningRate: number): void;
  dispose(): void;
}

/**
 * Builds an optimizer for `variables`. `noDecay` lists variables exempt from weight decay
 * (e.g. a model's `biasVariables`); by default every variable decays, like the reference code.
 */
export function createOptimizer(
  variables: readonly tf.Variable[],
  options: OptimizerOptions = {},
  noDecay: readonly tf.Variable[] = [],
): Optimizer {
  const o = withDefaults(DEFAULT_OPTIMIZER_OPTIONS, options);
  if (o.name !== 'sgd' && o.name !== 'adam' && o.name !== 'adamw') {
    throw new CoresetError('INVALID_ARGUMENT', `optimizer must be 'sgd', 'adam' or 'adamw', got ${String(o.name)}`, {
      argument: 'optimizer',
    });
  }
  checkRange(o.momentum, 'momentum', 0, 1, true);
  checkRange(o.beta1, 'beta1', 0, 1, false);
  checkRange(o.beta2, 'beta2', 0, 1, false);
  if (!(o.epsilon > 0)) throw new CoresetError('OUT_OF_RANGE', `epsilon must be > 0, got ${o.epsilon}`, { argument: 'epsilon' });
  if (!(o.weightDecay >= 0) || !Number.isFinite(o.weightDecay)) {
    throw new CoresetError('OUT_OF_RANGE', `weightDecay must be finite and ≥ 0, got ${o.weightDecay}`, {
      argument: 'weightDecay',
    });
  }
  const exempt = new Set(noDecay);
  const decay = variables.map((v) => (exempt.has(v) ? 0 : o.weightDecay));
  const zerosLike = (): tf.Variable[] => variables.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
  const first = o.name === 'sgd' ? (o.momentum > 0 ? zerosLike() : []) : zerosLike();
  const second = o.name === 'sgd' ? [] : zerosLike();
  let t = 0;
  let disposed = false;

  const apply = (grads: readonly tf.Tensor[], lr: number): void => {
    if (disposed) throw new CoresetError('INVALID_ARGUMENT', 'optimizer was disposed', { argument: 'optimizer' });
    if (grads.length !== variables.length) {
      throw new CoresetError('SHAPE_MISMATCH', `expected ${variables.length} gradients, got ${grads.length}`, {
        argument: 'grads',
      });
    }
    if (!Number.isFinite(lr) || lr < 0) {
      throw new CoresetError('OUT_OF_RANGE', `learning rate must be finite and ≥ 0, got ${lr}`, { argument: 'learningRate' });
    }
    t++;
    tf.tidy(() => {
      for (let i = 0; i < variables.length; i++) {
        const p = variables[i];
        let g = grads[i];
        if (o.name === 'sgd') {
          if (decay[i] > 0) g = tf.add(g, tf.mul(p, decay[i]));
          if (o.momentum > 0) {
            const buf = tf.add(tf.mul(first[i], o.momentum), g);
            first[i].assign(buf);
            g = o.nesterov ? tf.add(g, tf.mul(buf, o.momentum)) : buf;
          }
          p.assign(tf.sub(p, tf.mul(g, lr)));
        } else {
          let base: tf.Tensor = p;
          if (o.name === 'adam' && decay[i] > 0) g = tf.add(g, tf.mul(p, decay[i]));
          if (o.name === 'adamw' && decay[i] > 0) base = tf.mul(p, 1 - lr * decay[i]);
          const m = tf.add(tf.mul(first[i], o.beta1), tf.mul(g, 1 - o.beta1));
          const v = tf.add(tf.mul(second[i], o.beta2), tf.mul(tf.square(g), 1 - o.beta2));
          first[i].assign(m);
          second[i].assign(v);
          const c1 = 1 - o.beta1 ** t;
          const c2 = 1 - o.beta2 ** t;
          // lr·m̂/(√v̂ + ε) with m̂ = m/c1, v̂ = v/c2, as in PyTorch.
          const denom = tf.add(tf.div(tf.sqrt(v), Math.sqrt(c2)), o.epsilon);
          p.assign(tf.sub(base, tf.mul(tf.div(m, denom), lr / c1)));
        }
      }
    });
  };

  return {
    name: o.name,
    get iterations() {
      return t;
    },
    apply,
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const v of [...first, ...second]) v.dispose();
    },
  };
}

function checkRange(value: number, argument: string, low: number, high: number, includeLow: boolean): void {
  const ok = Number.isFinite(value) && (includeLow ? value >= low : value > low) && value < high;
  if (!ok) {
    throw new CoresetError('OUT_OF_RANGE', `${argument} must be in ${includeLow ? '[' : '('}${low}, ${high}), got ${value}`, {
      argument,
    });
  }
}
