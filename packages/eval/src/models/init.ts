import type { Rng } from '@coresets/core';

/** Glorot/Xavier uniform: U(−a, a) with a = √(6 / (fanIn + fanOut)); suits linear/softmax outputs. */
export function glorotUniform(count: number, fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const a = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.uniformRange(-a, a);
  return out;
}

/** He/Kaiming normal: N(0, 2 / fanIn); keeps activation variance stable through ReLU layers. */
export function heNormal(count: number, fanIn: number, rng: Rng): Float32Array {
  const std = Math.sqrt(2 / fanIn);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.normal(0, std);
  return out;
}
