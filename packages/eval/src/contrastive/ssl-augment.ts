import { CoresetError, type Rng } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';

export interface SslAugmentOptions {
  /** Area fraction range of the random resized crop. */
  readonly cropScale?: readonly [number, number] | undefined;
  readonly flip?: boolean | undefined;
  /** Max brightness shift and contrast factor deviation (uniform in ±). */
  readonly brightness?: number | undefined;
  readonly contrast?: number | undefined;
  /** Std of additive Gaussian noise. */
  readonly noise?: number | undefined;
}

export const DEFAULT_SSL_AUGMENT_OPTIONS = {
  cropScale: [0.3, 1] as readonly [number, number],
  flip: true,
  brightness: 0.4,
  contrast: 0.4,
  noise: 0.05,
} as const;

/**
 * Random view of single-channel images (row-major n × h × w): random resized crop (area in
 * `cropScale`, aspect ratio in [3/4, 4/3], bilinear resize back to h × w), horizontal flip,
 * brightness/contrast jitter and Gaussian noise — SimCLR's recipe adapted to 28 × 28 greyscale.
 */
export function augmentForSsl(images: Float32Array, n: number, h: number, w: number, rng: Rng, options: SslAugmentOptions = {}): Float32Array {
  const o = withDefaults(DEFAULT_SSL_AUGMENT_OPTIONS, options);
  if (images.length !== n * h * w) {
    throw new CoresetError('SHAPE_MISMATCH', `images has ${images.length} values for ${n} × ${h} × ${w}`, { argument: 'images' });
  }
  const [sMin, sMax] = o.cropScale;
  if (!(sMin > 0 && sMax <= 1 && sMin <= sMax)) {
    throw new CoresetError('OUT_OF_RANGE', `cropScale must satisfy 0 < min ≤ max ≤ 1, got [${sMin}, ${sMax}]`, { argument: 'cropScale' });
  }
  const out = new Float32Array(images.length);
  for (let i = 0; i < n; i++) {
    const area = rng.uniformRange(sMin, sMax) * h * w;
    const ratio = Math.exp(rng.uniformRange(Math.log(3 / 4), Math.log(4 / 3)));
    const ch = Math.min(h, Math.max(2, Math.round(Math.sqrt(area / ratio))));
    const cw = Math.min(w, Math.max(2, Math.round(Math.sqrt(area * ratio))));
    const top = rng.int(h - ch + 1);
    const left = rng.int(w - cw + 1);
    const flip = o.flip && rng.uniform() < 0.5;
    const b = rng.uniformRange(-o.brightness, o.brightness);
    const c = 1 + rng.uniformRange(-o.contrast, o.contrast);
    const src = i * h * w;
    let mean = 0;
    for (let t = 0; t < h * w; t++) mean += images[src + t];
    mean /= h * w;
    for (let y = 0; y < h; y++) {
      // Bilinear sampling of the crop at the output pixel's centre.
      const sy = Math.min(ch - 1, Math.max(0, ((y + 0.5) * ch) / h - 0.5));
      const y0 = Math.floor(sy);
      const y1 = Math.min(ch - 1, y0 + 1);
      const fy = sy - y0;
      for (let x = 0; x < w; x++) {
        const xx = flip ? w - 1 - x : x;
        const sx = Math.min(cw - 1, Math.max(0, ((xx + 0.5) * cw) / w - 0.5));
        const x0 = Math.floor(sx);
        const x1 = Math.min(cw - 1, x0 + 1);
        const fx = sx - x0;
        const at = (yy: number, xc: number) => images[src + (top + yy) * w + left + xc];
        const v = (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x1)) + fy * ((1 - fx) * at(y1, x0) + fx * at(y1, x1));
        out[src + y * w + x] = (v - mean) * c + mean + b + (o.noise > 0 ? rng.normal(0, o.noise) : 0);
      }
    }
  }
  return out;
}
