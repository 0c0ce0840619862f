import { Rng } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { createImageAugmenter } from './augment.js';

/** All images reachable from `img` by a shift in [−pad, pad]² (padding = fill) and an optional mirror. */
function candidates(img: number[], h: number, w: number, pad: number, fill: number): string[] {
  const out: string[] = [];
  for (let dy = -pad; dy <= pad; dy++) {
    for (let dx = -pad; dx <= pad; dx++) {
      for (const mirror of [false, true]) {
        const res: number[] = [];
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            const sy = y + dy;
            const sx = (mirror ? w - 1 - x : x) + dx;
            res.push(sy < 0 || sy >= h || sx < 0 || sx >= w ? fill : img[sy * w + sx]);
          }
        }
        out.push(res.join(','));
      }
    }
  }
  return out;
}

describe('createImageAugmenter', () => {
  it('produces pad-and-crop shifts with optional flips, covering all variants, reproducibly', () => {
    const img = Array.from({ length: 9 }, (_, i) => i + 1);
    const allowed = new Set(candidates(img, 3, 3, 1, -7));
    const augment = createImageAugmenter({ shape: [3, 3, 1], pad: 1, fillValue: -7 });
    const batch = new Float32Array(200 * 9);
    for (let b = 0; b < 200; b++) batch.set(img, b * 9);
    augment(batch, 200, Rng.fromSeed(5));
    const seen = new Set<string>();
    for (let b = 0; b < 200; b++) {
      const out = Array.from(batch.subarray(b * 9, b * 9 + 9)).join(',');
      expect(allowed.has(out)).toBe(true);
      seen.add(out);
    }
    expect(seen.size).toBe(allowed.size); // 9 shifts × 2 mirrors, all distinct for this image
    const again = new Float32Array(200 * 9);
    for (let b = 0; b < 200; b++) again.set(img, b * 9);
    augment(again, 200, Rng.fromSeed(5));
    expect(again).toEqual(batch);
  });

  it('flips only, keeping channels together', () => {
    // 1 × 2 image with 2 channels: pixels (1, 2) and (3, 4); the mirror swaps pixels, not channels.
    const augment = createImageAugmenter({ shape: [1, 2, 2], pad: 0, flip: true });
    const batch = new Float32Array(64 * 4);
    for (let b = 0; b < 64; b++) batch.set([1, 2, 3, 4], b * 4);
    augment(batch, 64, Rng.fromSeed(1));
    const rows = new Set<string>();
    for (let b = 0; b < 64; b++) rows.add(Array.from(batch.subarray(b * 4, b * 4 + 4)).join(','));
    expect([...rows].sort()).toEqual(['1,2,3,4', '3,4,1,2']);
  });

  it('validates its options and the batch size', () => {
    expect(() => createImageAugmenter({ shape: [4, 4, 1], pad: 4 })).toThrow(/pad must be/);
    expect(() => createImageAugmenter({ shape: [16] })).toThrow(/height, width, channels/);
    const augment = createImageAugmenter({ shape: [4, 4, 1] });
    expect(() => augment(new Float32Array(16), 2, Rng.fromSeed(0))).toThrow(/batch holds 16 values/);
  });
});
