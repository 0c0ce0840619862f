import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, assertInteger } from '@coresets/core';

/** Shape of the images a patch convolution reads and the filter it applies. */
export interface PatchConvGeometry {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** Square kernel size. */
  readonly kernelSize: number;
  readonly stride: number;
}

/**
 * A 'same'-padded convolution computed as gathered patches × one matMul, with TensorFlow's 'same'
 * rule (output ⌈size / stride⌉, the odd padding pixel at the bottom/right), so it is the function
 * `tf.conv2d(x, filter, stride, 'same')` computes with the same [k, k, cin, cout] filter layout.
 *
 * Why a gather rather than tf.conv2d or slice + concat: on the wasm backend conv2d's filter
 * gradient has no kernel (core bridges it to the slow plain-JS cpu kernel), and concatenating
 * k² slices on the channel axis (plus SplitV in the backward pass) cost more than the matMul
 * itself. A gather's gradient is one UnsortedSegmentSum, which core implements for wasm in one pass.
 */
export interface PatchConv {
  readonly outHeight: number;
  readonly outWidth: number;
  /** x: [batch, height, width, channels]; filter: [k, k, channels, cout] → [batch, outHeight, outWidth, cout]. */
  apply(x: tf.Tensor4D, filter: tf.Tensor4D): tf.Tensor4D;
}

/** Patch index tables kept per batch size (a model sees few distinct sizes: train batch, eval batch, the last partial batch). */
const MAX_CACHED_BATCH_SIZES = 4;

export function createPatchConv(geometry: PatchConvGeometry): PatchConv {
  const { height, width, channels, kernelSize: k, stride } = geometry;
  assertInteger(height, 'height', 1);
  assertInteger(width, 'width', 1);
  assertInteger(channels, 'channels', 1);
  assertInteger(k, 'kernelSize', 1);
  assertInteger(stride, 'stride', 1);
  const outHeight = Math.ceil(height / stride);
  const outWidth = Math.ceil(width / stride);
  const padTop = Math.floor(Math.max((outHeight - 1) * stride + k - height, 0) / 2);
  const padLeft = Math.floor(Math.max((outWidth - 1) * stride + k - width, 0) / 2);
  const cache = new Map<number, Int32Array>();

  // Row of the flattened [batch·height·width (+1 zero row), channels] input read by each patch
  // entry, in (batch, oy, ox, ky, kx) order so patch columns come out as (ky, kx, cin) like the filter.
  const indicesFor = (batch: number): Int32Array => {
    const hit = cache.get(batch);
    if (hit !== undefined) return hit;
    const zeroRow = batch * height * width;
    const idx = new Int32Array(batch * outHeight * outWidth * k * k);
    let p = 0;
    for (let b = 0; b < batch; b++) {
      const base = b * height * width;
      for (let oy = 0; oy < outHeight; oy++) {
        for (let ox = 0; ox < outWidth; ox++) {
          for (let ky = 0; ky < k; ky++) {
            const iy = oy * stride - padTop + ky;
            for (let kx = 0; kx < k; kx++) {
              const ix = ox * stride - padLeft + kx;
              idx[p++] = iy >= 0 && iy < height && ix >= 0 && ix < width ? base + iy * width + ix : zeroRow;
            }
          }
        }
      }
    }
    const oldest = cache.keys().next();
    if (cache.size >= MAX_CACHED_BATCH_SIZES && oldest.done !== true) cache.delete(oldest.value);
    cache.set(batch, idx);
    return idx;
  };

  return {
    outHeight,
    outWidth,
    apply(x, filter) {
      const [batch, h, w, c] = x.shape;
      if (h !== height || w !== width || c !== channels) {
        throw new CoresetError('SHAPE_MISMATCH', `x must be [batch, ${height}, ${width}, ${channels}], got [${x.shape.join(', ')}]`, {
          argument: 'x',
        });
      }
      const [fh, fw, fc, cout] = filter.shape;
      if (fh !== k || fw !== k || fc !== channels) {
        throw new CoresetError('SHAPE_MISMATCH', `filter must be [${k}, ${k}, ${channels}, cout], got [${filter.shape.join(', ')}]`, {
          argument: 'filter',
        });
      }
      return tf.tidy(() => {
        const rows = tf.pad(tf.reshape(x, [batch * height * width, channels]), [
          [0, 1],
          [0, 0],
        ]);
        const patches = tf.reshape(tf.gather(rows, tf.tensor1d(indicesFor(batch), 'int32')), [
          batch * outHeight * outWidth,
          k * k * channels,
        ]);
        const out = tf.matMul(patches, tf.reshape(filter, [k * k * channels, cout]));
        return tf.reshape(out, [batch, outHeight, outWidth, cout]);
      });
    },
  };
}
