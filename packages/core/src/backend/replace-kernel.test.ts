import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceKernel } from './replace-kernel.js';

// A kernel name no tfjs backend uses, on a backend name nobody registers, so the test touches
// nothing real.
const NAME = 'CoresetsReplaceKernelTest';
const BACKEND = 'coresets-replace-kernel-test';
const MARK = Symbol.for('@coresets/core:replace-kernel-test');

const calls: string[] = [];
const setupFunc = (): void => undefined;
const disposeFunc = (): void => undefined;

function registerOriginal(withHooks: boolean): void {
  tf.registerKernel({
    kernelName: NAME,
    backendName: BACKEND,
    kernelFunc: () => {
      calls.push('original');
      return [];
    },
    ...(withHooks ? { setupFunc, disposeFunc } : {}),
  });
}

const run = (): void => {
  tf.getKernel(NAME, BACKEND).kernelFunc({ inputs: {}, backend: {} });
};

const wrapper = (original: tf.KernelConfig): tf.KernelFunc => (args) => {
  calls.push('wrapper');
  return original.kernelFunc(args);
};

afterEach(() => {
  calls.length = 0;
  if (tf.getKernel(NAME, BACKEND) !== undefined) tf.unregisterKernel(NAME, BACKEND);
});

describe('replaceKernel', () => {
  it('returns false and registers nothing when the kernel is absent', () => {
    expect(replaceKernel(NAME, BACKEND, MARK, wrapper)).toBe(false);
    expect(tf.getKernel(NAME, BACKEND)).toBeUndefined();
  });

  it('wraps the kernel once however often it is called, keeping setup and dispose', () => {
    registerOriginal(true);
    expect(replaceKernel(NAME, BACKEND, MARK, wrapper)).toBe(true);
    expect(replaceKernel(NAME, BACKEND, MARK, wrapper)).toBe(true);
    run();
    expect(calls).toEqual(['wrapper', 'original']);
    const config = tf.getKernel(NAME, BACKEND);
    expect(config.setupFunc).toBe(setupFunc);
    expect(config.disposeFunc).toBe(disposeFunc);
  });

  it('registers no hooks the original did not have', () => {
    registerOriginal(false);
    replaceKernel(NAME, BACKEND, MARK, wrapper);
    const config = tf.getKernel(NAME, BACKEND);
    expect(config.setupFunc).toBeUndefined();
    expect(config.disposeFunc).toBeUndefined();
  });

  it('marks only the wrapper it registers, never the function wrap returns', () => {
    registerOriginal(false);
    const shared: tf.KernelFunc = () => [];
    replaceKernel(NAME, BACKEND, MARK, () => shared);
    expect(Object.getOwnPropertySymbols(shared)).toEqual([]);
    expect(Object.getOwnPropertySymbols(tf.getKernel(NAME, BACKEND).kernelFunc)).toEqual([MARK]);
  });

  it('a different mark wraps again (two independent fixes of one kernel compose)', () => {
    registerOriginal(false);
    replaceKernel(NAME, BACKEND, MARK, wrapper);
    replaceKernel(NAME, BACKEND, Symbol.for('@coresets/core:replace-kernel-test-2'), wrapper);
    run();
    expect(calls).toEqual(['wrapper', 'wrapper', 'original']);
  });
});
