// Gradients registered up front, so initBackend's loader sees only the backend packages
// (ensure-gradients.test.ts covers the loading of @tensorflow/tfjs).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { CoresetError } from '../errors/coreset-error.js';
import { backendInfo, initBackend } from './init-backend.js';

const GPU = '@tensorflow/tfjs-node-gpu';
const NODE = '@tensorflow/tfjs-node';
const WASM = '@tensorflow/tfjs-backend-wasm';
const CPU = '@tensorflow/tfjs-backend-cpu';

/** Stands in for tfjs-node's backend, which exposes `isUsingGpuDevice`. */
class FakeNativeBackend extends MathBackendCPU {
  constructor(readonly isUsingGpuDevice: boolean) {
    super();
  }
}

/**
 * A loader where each package either fails like a missing install or succeeds: the native ones
 * register a fake 'tensorflow' backend (as importing tfjs-node does), wasm and cpu load the real
 * packages.
 */
function fakeLoader(available: readonly string[]) {
  const calls: string[] = [];
  const loader = async (packageName: string): Promise<unknown> => {
    calls.push(packageName);
    if (!available.includes(packageName)) {
      throw new Error(`Cannot find package '${packageName}'`);
    }
    if (packageName === GPU || packageName === NODE) {
      if (tf.engine().backendNames().includes('tensorflow')) tf.removeBackend('tensorflow');
      tf.registerBackend('tensorflow', () => new FakeNativeBackend(packageName === GPU));
      return { version: { 'tfjs-node': '4.22.0-fake' } };
    }
    return (await import(packageName)) as unknown;
  };
  return { loader, calls };
}

async function rejection(promise: Promise<unknown>): Promise<CoresetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CoresetError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

afterEach(async () => {
  await tf.setBackend('cpu');
  if (tf.engine().backendNames().includes('tensorflow')) tf.removeBackend('tensorflow');
});

describe('initBackend resolution order', () => {
  it('takes tfjs-node-gpu first and reports the GPU', async () => {
    const { loader, calls } = fakeLoader([GPU, NODE, WASM, CPU]);
    const info = await initBackend({ loader, env: {} });
    expect(calls).toEqual([GPU]);
    expect(tf.getBackend()).toBe('tensorflow');
    expect(info).toEqual({
      name: 'tensorflow',
      packageName: GPU,
      version: '4.22.0-fake',
      simd: null,
      threads: null,
      gpu: true,
      tried: [{ name: 'tensorflow', packageName: GPU, ok: true }],
      fallbackKernels: [],
      gradients: true,
    });
  });

  it('falls back from a failing tfjs-node-gpu to tfjs-node, recording the failure', async () => {
    const { loader, calls } = fakeLoader([NODE, WASM, CPU]);
    const info = await initBackend({ loader, env: {} });
    expect(calls).toEqual([GPU, NODE]);
    expect(info).toMatchObject({ name: 'tensorflow', packageName: NODE, gpu: false });
    expect(info.tried).toEqual([
      {
        name: 'tensorflow',
        packageName: GPU,
        ok: false,
        error: `cannot load ${GPU}: Cannot find package '${GPU}'`,
      },
      { name: 'tensorflow', packageName: NODE, ok: true },
    ]);
  });

  it('falls back to wasm when neither native package loads', async () => {
    const { loader, calls } = fakeLoader([WASM, CPU]);
    const info = await initBackend({ loader, env: {} });
    expect(calls).toEqual([GPU, NODE, WASM]);
    expect(tf.getBackend()).toBe('wasm');
    expect(info).toMatchObject({
      name: 'wasm',
      packageName: WASM,
      version: version_wasm,
      // Node 20's V8 always has wasm SIMD; the threaded build must never be used in Node.
      simd: true,
      threads: 1,
      gpu: false,
    });
    expect(info.tried.map((t) => [t.packageName, t.ok])).toEqual([
      [GPU, false],
      [NODE, false],
      [WASM, true],
    ]);
    expect(info.fallbackKernels).toContain('Conv2DBackpropFilter');
    expect(info.fallbackKernels).toContain('UnsortedSegmentSum');
    expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });

  it('falls back to cpu when wasm fails too', async () => {
    const { loader, calls } = fakeLoader([CPU]);
    const info = await initBackend({ loader, env: {} });
    expect(calls).toEqual([GPU, NODE, WASM, CPU]);
    expect(tf.getBackend()).toBe('cpu');
    expect(info).toMatchObject({
      name: 'cpu',
      packageName: CPU,
      simd: false,
      threads: 1,
      gpu: false,
    });
    expect(info.tried.map((t) => t.ok)).toEqual([false, false, false, true]);
  });

  it('fails with BACKEND_UNAVAILABLE when nothing loads', async () => {
    const { loader } = fakeLoader([]);
    const error = await rejection(initBackend({ loader, env: {} }));
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(error.argument).toBeUndefined();
    for (const name of [GPU, NODE, WASM, CPU]) expect(error.message).toContain(name);
  });
});

describe('initBackend overrides', () => {
  it('follows CORESETS_BACKEND without touching the packages before it', async () => {
    const { loader, calls } = fakeLoader([GPU, NODE, WASM, CPU]);
    const info = await initBackend({ loader, env: { CORESETS_BACKEND: 'cpu' } });
    expect(calls).toEqual([CPU]);
    expect(info.name).toBe('cpu');
  });

  it('lets prefer beat CORESETS_BACKEND', async () => {
    const { loader, calls } = fakeLoader([GPU, NODE, WASM, CPU]);
    const info = await initBackend({ loader, prefer: 'wasm', env: { CORESETS_BACKEND: 'cpu' } });
    expect(calls).toEqual([WASM]);
    expect(info.name).toBe('wasm');
  });

  it('uses tfjs-node when tensorflow is asked for and only the gpu package fails', async () => {
    const { loader } = fakeLoader([NODE]);
    const info = await initBackend({ loader, prefer: 'tensorflow', env: {} });
    expect(info).toMatchObject({ name: 'tensorflow', packageName: NODE });
  });

  it('throws a typed error naming what was tried when an explicit backend is missing', async () => {
    const { loader, calls } = fakeLoader([WASM, CPU]);
    const error = await rejection(initBackend({ loader, prefer: 'tensorflow', env: {} }));
    expect(calls).toEqual([GPU, NODE]);
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(error.argument).toBe('prefer');
    expect(error.message).toContain(`${GPU} (cannot load ${GPU}`);
    expect(error.message).toContain(`${NODE} (cannot load ${NODE}`);
    expect(error.message).toContain('npm i @tensorflow/tfjs-node');
    // No silent fallback: the previous backend stays active.
    expect(tf.getBackend()).toBe('cpu');
  });

  it('names the environment variable when it asked for the missing backend', async () => {
    const { loader } = fakeLoader([CPU]);
    const error = await rejection(initBackend({ loader, env: { CORESETS_BACKEND: 'wasm' } }));
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(error.argument).toBe('CORESETS_BACKEND');
    expect(error.message).toContain('npm i @tensorflow/tfjs-backend-wasm');
  });

  it('rejects bad options by name', async () => {
    const { loader } = fakeLoader([CPU]);
    const unknown = await rejection(initBackend({ loader, backend: 'cpu' } as never));
    expect([unknown.code, unknown.argument]).toEqual(['UNKNOWN_OPTION', 'backend']);
    const badLoader = await rejection(initBackend({ loader: 'cpu' } as never));
    expect([badLoader.code, badLoader.argument]).toEqual(['INVALID_ARGUMENT', 'loader']);
    const badPrefer = await rejection(initBackend({ loader, prefer: 'gpu' } as never));
    expect([badPrefer.code, badPrefer.argument]).toEqual(['INVALID_ARGUMENT', 'prefer']);
  });
});

describe('initBackend idempotence and backendInfo', () => {
  it('returns the same info without reloading, and backendInfo reports it while active', async () => {
    const { loader, calls } = fakeLoader([WASM, CPU]);
    const first = await initBackend({ loader, env: {} });
    const second = await initBackend({ loader, env: {} });
    const named = await initBackend({ loader, prefer: 'wasm', env: {} });
    expect(second).toBe(first);
    expect(named).toBe(first);
    expect(calls).toEqual([GPU, NODE, WASM]);
    expect(backendInfo()).toBe(first);

    await tf.setBackend('cpu');
    expect(backendInfo()).toBeUndefined();
    const again = await initBackend({ loader, env: {} });
    expect(again).not.toBe(first);
    expect(again.name).toBe('wasm');
  });

  it('keeps an explicit choice when a later caller asks for any backend', async () => {
    const { loader, calls } = fakeLoader([WASM, CPU]);
    const chosen = await initBackend({ loader, prefer: 'cpu', env: {} });
    const later = await initBackend({ loader, env: {} });
    expect(later).toBe(chosen);
    expect(calls).toEqual([CPU]);
  });

  it('shares one initialisation between concurrent calls', async () => {
    const { loader, calls } = fakeLoader([CPU]);
    const [a, b] = await Promise.all([
      initBackend({ loader, env: {} }),
      initBackend({ loader, env: {} }),
    ]);
    expect(a).toBe(b);
    expect(calls).toEqual([GPU, NODE, WASM, CPU]);
  });
});
