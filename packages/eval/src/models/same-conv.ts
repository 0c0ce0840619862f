import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';
import { createPatchConv, type PatchConv, type PatchConvGeometry } from './patch-conv.js';

/**
 * How convolutions are computed. `'conv2d'` calls tfjs's conv kernel; `'im2col'` gathers the k×k
 * patches and runs one matMul (see `createPatchConv`), which needs no Conv2DBackpropFilter kernel
 * (absent from the wasm backend) and uses the same filter layout, so both give the same function.
 */
export type ConvImplementation = 'conv2d' | 'im2col';

/**
 * One 'same'-padded convolution layer, `tf.conv2d(x, filter, stride, 'same')`, computed by the
 * chosen implementation. Throws for an unknown implementation, so models can build their layers
 * before any variable and fail without leaking one.
 */
export function createSameConv(geometry: PatchConvGeometry, implementation: ConvImplementation): PatchConv {
  if (implementation === 'im2col') return createPatchConv(geometry);
  if (implementation !== 'conv2d') {
    throw new CoresetError('INVALID_ARGUMENT', `convImplementation must be 'conv2d' or 'im2col', got ${String(implementation)}`, {
      argument: 'convImplementation',
    });
  }
  const { stride } = geometry;
  return {
    outHeight: Math.ceil(geometry.height / stride),
    outWidth: Math.ceil(geometry.width / stride),
    apply: (x, filter) => tf.conv2d(x, filter, stride, 'same'),
  };
}
