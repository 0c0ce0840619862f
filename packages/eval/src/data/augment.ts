import { CoresetError } from '@coresets/core';
import type { Rng } from '@coresets/core';

export interface ImageAugmentationOptions {
  /** Image shape [height, width, channels] (rows are stored HWC). */
  readonly shape: readonly number[];
  /** Zero-padding on each side before a random crop back to the original size; 0 disables. */
  readonly pad?: number | undefined;
  /** Mirror left–right with probability 1/2. */
  readonly flip?: boolean | undefined;
  /** Value written into padded borders (a data set's `background`). */
  readonly fillValue?: number | undefined;
}

export const DEFAULT_IMAGE_AUGMENTATION_OPTIONS = { pad: 2, flip: true, fillValue: 0 } as const;

/**
 * Augments a batch of flattened images in place: `(batch, count, rng)`. All randomness comes
 * from the Rng the trainer passes, so a seed reproduces the exact crops and flips.
 */
export type BatchAugmenter = (batch: Float32Array, count: number, rng: Rng) => void;

/** Random pad-and-crop plus horizontal flip, the standard small-image augmentation. */
export function createImageAugmenter(options: ImageAugmentationOptions): BatchAugmenter {
  const pad = options.pad ?? DEFAULT_IMAGE_AUGMENTATION_OPTIONS.pad;
  const flip = options.flip ?? DEFAULT_IMAGE_AUGMENTATION_OPTIONS.flip;
  const fill = options.fillValue ?? DEFAULT_IMAGE_AUGMENTATION_OPTIONS.fillValue;
  if (options.shape.length !== 3) {
    throw new CoresetError('SHAPE_MISMATCH', `shape must be [height, width, channels], got [${options.shape.join(', ')}]`, {
      argument: 'shape',
    });
  }
  const [h, w, c] = options.shape;
  if (!Number.isInteger(pad) || pad < 0 || pad >= Math.min(h, w)) {
    throw new CoresetError('OUT_OF_RANGE', `pad must be an integer in [0, ${Math.min(h, w)}), got ${pad}`, {
      argument: 'pad',
    });
  }
  const size = h * w * c;
  const scratch = new Float32Array(size);
  return (batch, count, rng) => {
    if (batch.length < count * size) {
      throw new CoresetError('SHAPE_MISMATCH', `batch holds ${batch.length} values, need ${count * size}`, {
        argument: 'batch',
      });
    }
    for (let b = 0; b < count; b++) {
      const img = batch.subarray(b * size, (b + 1) * size);
      // Offsets into the padded image: dy, dx ∈ [0, 2·pad]; source row = y + dy − pad.
      const dy = pad > 0 ? rng.int(2 * pad + 1) - pad : 0;
      const dx = pad > 0 ? rng.int(2 * pad + 1) - pad : 0;
      const mirror = flip && rng.uniform() < 0.5;
      if (dy === 0 && dx === 0 && !mirror) continue;
      scratch.set(img);
      for (let y = 0; y < h; y++) {
        const sy = y + dy;
        for (let x = 0; x < w; x++) {
          const cx = mirror ? w - 1 - x : x;
          const sx = cx + dx;
          const o = (y * w + x) * c;
          if (sy < 0 || sy >= h || sx < 0 || sx >= w) {
            for (let k = 0; k < c; k++) img[o + k] = fill;
          } else {
            const s = (sy * w + sx) * c;
            for (let k = 0; k < c; k++) img[o + k] = scratch[s + k];
          }
        }
      }
    }
  };
}
