import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, assertInteger, toRng, type Rng } from '@coresets/core';
import { glorotUniform } from '../models/init.js';

export type LoraTarget = 'q' | 'k' | 'v' | 'o' | 'mlp';

export interface TinyTransformerOptions {
  readonly vocabSize: number;
  /** Maximum sequence length (≤ 128). */
  readonly contextLength?: number | undefined;
  /** Transformer blocks (2–4 in the reproductions). */
  readonly layers?: number | undefined;
  readonly dModel?: number | undefined;
  readonly heads?: number | undefined;
  /** LoRA rank r; the scale is α / r with α = 4r unless `loraAlpha` is given. 0 disables LoRA. */
  readonly loraRank?: number | undefined;
  readonly loraAlpha?: number | undefined;
  readonly loraTargets?: readonly LoraTarget[] | undefined;
  readonly seed: number | Rng;
}

export const DEFAULT_TINY_TRANSFORMER_OPTIONS = {
  contextLength: 64,
  layers: 2,
  dModel: 64,
  heads: 4,
  loraRank: 8,
  loraTargets: ['q', 'k', 'v'] as readonly LoraTarget[],
} as const;

/**
 * A decoder-only transformer (pre-layer-norm, GELU MLP, learned positions, untied output head)
 * with LoRA adapters. Every weight is a named `tf.Variable`; the base weights and the adapters are
 * listed separately so a trainer can freeze the base by passing only `loraVariables`.
 */
export interface TinyTransformer {
  readonly vocabSize: number;
  readonly contextLength: number;
  readonly layers: number;
  readonly dModel: number;
  readonly heads: number;
  readonly loraRank: number;
  readonly parameters: ReadonlyMap<string, tf.Variable>;
  readonly baseVariables: readonly tf.Variable[];
  readonly loraVariables: readonly tf.Variable[];
  /** The named parameter; throws naming the known ones when absent. */
  parameter(name: string): tf.Variable;
  /** Logits [batch, T, vocab] for int32 tokens [batch, T] (T ≤ contextLength). */
  logits(tokens: tf.Tensor2D): tf.Tensor3D;
  dispose(): void;
}

/** Name of the last block's value-projection LoRA-B matrix (CoLM's zeroth-order target). */
export function lastValueLoraB(model: Pick<TinyTransformer, 'layers'>): string {
  return `block${model.layers - 1}.attn.v.lora_B`;
}

const LN_EPSILON = 1e-5;
const GELU_C = Math.sqrt(2 / Math.PI);

export function createTinyTransformer(options: TinyTransformerOptions): TinyTransformer {
  const contextLength = options.contextLength ?? DEFAULT_TINY_TRANSFORMER_OPTIONS.contextLength;
  const layers = options.layers ?? DEFAULT_TINY_TRANSFORMER_OPTIONS.layers;
  const d = options.dModel ?? DEFAULT_TINY_TRANSFORMER_OPTIONS.dModel;
  const heads = options.heads ?? DEFAULT_TINY_TRANSFORMER_OPTIONS.heads;
  const rank = options.loraRank ?? DEFAULT_TINY_TRANSFORMER_OPTIONS.loraRank;
  const targets = new Set(options.loraTargets ?? DEFAULT_TINY_TRANSFORMER_OPTIONS.loraTargets);
  assertInteger(options.vocabSize, 'vocabSize', 2);
  assertInteger(contextLength, 'contextLength', 1, 128);
  assertInteger(layers, 'layers', 1, 12);
  assertInteger(d, 'dModel', 1);
  assertInteger(heads, 'heads', 1);
  assertInteger(rank, 'loraRank', 0);
  if (d % heads !== 0) {
    throw new CoresetError('INVALID_ARGUMENT', `dModel ${d} is not divisible by heads ${heads}`, { argument: 'heads' });
  }
  const alpha = options.loraAlpha ?? 4 * rank;
  const scale = rank > 0 ? alpha / rank : 0;
  const rng = toRng(options.seed);
  const V = options.vocabSize;
  const params = new Map<string, tf.Variable>();
  const base: tf.Variable[] = [];
  const lora: tf.Variable[] = [];
  const add = (name: string, values: Float32Array, shape: number[], isLora = false): tf.Variable => {
    const v = tf.tidy(() => tf.variable(tf.tensor(values, shape), true, name));
    params.set(name, v);
    (isLora ? lora : base).push(v);
    return v;
  };
  const normal = (count: number, std: number): Float32Array => {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = rng.normal(0, std);
    return out;
  };
  const ones = (n: number) => new Float32Array(n).fill(1);
  const zeros = (n: number) => new Float32Array(n);
  const dense = (name: string, fanIn: number, fanOut: number) => add(name, glorotUniform(fanIn * fanOut, fanIn, fanOut, rng), [fanIn, fanOut]);
  // Adapters start as an exact no-op: B = 0, so ΔW = A·B·scale = 0.
  const adapter = (prefix: string, fanIn: number, fanOut: number) =>
    rank > 0
      ? { a: add(`${prefix}.lora_A`, normal(fanIn * rank, 1 / Math.sqrt(fanIn)), [fanIn, rank], true), b: add(`${prefix}.lora_B`, zeros(rank * fanOut), [rank, fanOut], true) }
      : undefined;

  const tokenEmbedding = add('embed.token', normal(V * d, 0.02), [V, d]);
  const positionEmbedding = add('embed.position', normal(contextLength * d, 0.02), [contextLength, d]);
  const blocks = Array.from({ length: layers }, (_, l) => {
    const p = `block${l}`;
    const proj = (n: 'q' | 'k' | 'v' | 'o') => ({ w: dense(`${p}.attn.${n}.weight`, d, d), lora: targets.has(n) ? adapter(`${p}.attn.${n}`, d, d) : undefined });
    return {
      ln1: { g: add(`${p}.ln1.gamma`, ones(d), [d]), b: add(`${p}.ln1.beta`, zeros(d), [d]) },
      q: proj('q'),
      k: proj('k'),
      v: proj('v'),
      o: proj('o'),
      ln2: { g: add(`${p}.ln2.gamma`, ones(d), [d]), b: add(`${p}.ln2.beta`, zeros(d), [d]) },
      fc1: { w: dense(`${p}.mlp.fc1.weight`, d, 4 * d), b: add(`${p}.mlp.fc1.bias`, zeros(4 * d), [4 * d]), lora: targets.has('mlp') ? adapter(`${p}.mlp.fc1`, d, 4 * d) : undefined },
      fc2: { w: dense(`${p}.mlp.fc2.weight`, 4 * d, d), b: add(`${p}.mlp.fc2.bias`, zeros(d), [d]), lora: targets.has('mlp') ? adapter(`${p}.mlp.fc2`, 4 * d, d) : undefined },
    };
  });
  const finalLn = { g: add('final_ln.gamma', ones(d), [d]), b: add('final_ln.beta', zeros(d), [d]) };
  const head = dense('head.weight', d, V);

  const layerNorm = (x: tf.Tensor2D, ln: { g: tf.Variable; b: tf.Variable }): tf.Tensor2D => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, LN_EPSILON))), ln.g), ln.b);
  };
  const linear = (x: tf.Tensor2D, p: { w: tf.Variable; b?: tf.Variable; lora?: { a: tf.Variable; b: tf.Variable } | undefined }): tf.Tensor2D => {
    let y: tf.Tensor2D = tf.matMul(x, p.w);
    if (p.b !== undefined) y = tf.add<tf.Tensor2D>(y, p.b);
    if (p.lora !== undefined) {
      const delta = tf.matMul(tf.matMul(x, p.lora.a as tf.Variable<tf.Rank.R2>), p.lora.b);
      y = tf.add<tf.Tensor2D>(y, tf.mul(delta, scale));
    }
    return y;
  };
  const gelu = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), GELU_C))));

  const logits = (tokens: tf.Tensor2D): tf.Tensor3D =>
    tf.tidy(() => {
      const [b, T] = tokens.shape;
      if (T > contextLength) {
        throw new CoresetError('OUT_OF_RANGE', `sequence length ${T} exceeds the context length ${contextLength}`, { argument: 'tokens' });
      }
      const dh = d / heads;
      const pos = tf.slice(positionEmbedding, [0, 0], [T, d]);
      let x = tf.reshape<tf.Rank.R2>(tf.add(tf.reshape(tf.gather(tokenEmbedding, tf.reshape(tokens, [b * T])), [b, T, d]), pos), [b * T, d]);
      // Causal mask: position t attends to positions ≤ t.
      const causal = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9);
      const splitHeads = (t: tf.Tensor2D) => tf.reshape<tf.Rank.R3>(tf.transpose(tf.reshape(t, [b, T, heads, dh]), [0, 2, 1, 3]), [b * heads, T, dh]);
      for (const blk of blocks) {
        const h = layerNorm(x, blk.ln1);
        const q = splitHeads(linear(h, blk.q));
        const k = splitHeads(linear(h, blk.k));
        const v = splitHeads(linear(h, blk.v));
        const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), causal);
        const att = tf.matMul(tf.softmax(scores), v);
        const merged = tf.reshape<tf.Rank.R2>(tf.transpose(tf.reshape(att, [b, heads, T, dh]), [0, 2, 1, 3]), [b * T, d]);
        x = tf.add(x, linear(merged, blk.o));
        const h2 = layerNorm(x, blk.ln2);
        x = tf.add(x, linear(gelu(linear(h2, blk.fc1)), blk.fc2));
      }
      return tf.reshape<tf.Rank.R3>(tf.matMul(layerNorm(x, finalLn), head), [b, T, V]);
    });

  return {
    vocabSize: V,
    contextLength,
    layers,
    dModel: d,
    heads,
    loraRank: rank,
    parameters: params,
    baseVariables: base,
    loraVariables: lora,
    parameter(name) {
      const v = params.get(name);
      if (v === undefined) {
        throw new CoresetError('INVALID_ARGUMENT', `no parameter named "${name}"; known: ${[...params.keys()].join(', ')}`, { argument: 'name' });
      }
      return v;
    },
    logits,
    dispose() {
      for (const v of params.values()) v.dispose();
    },
  };
}
