import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { GRADIENTS_PACKAGE, ensureGradients, gradientsRegistered } from './ensure-gradients.js';

describe('ensureGradients', () => {
  it('does not load anything when gradients are already registered', async () => {
    const calls: string[] = [];
    expect(await ensureGradients((p) => Promise.resolve(calls.push(p)))).toBe(true);
    expect(calls).toEqual([]);
  });

  it('loads @tensorflow/tfjs when they are missing, and reports a failed load as false', async () => {
    const sum = tf.getGradient('Sum');
    expect(sum).toBeDefined();
    tf.unregisterGradient('Sum');
    try {
      expect(gradientsRegistered()).toBe(false);
      expect(await ensureGradients(() => Promise.reject(new Error('not installed')))).toBe(false);
      const calls: string[] = [];
      const ok = await ensureGradients((p) => {
        calls.push(p);
        tf.registerGradient(sum);
        return Promise.resolve();
      });
      expect(calls).toEqual([GRADIENTS_PACKAGE]);
      expect(ok).toBe(true);
    } finally {
      if (tf.getGradient('Sum') === undefined) tf.registerGradient(sum);
    }
  });
});
