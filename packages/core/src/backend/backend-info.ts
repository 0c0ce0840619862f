import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendCandidate, BackendName } from './resolve-order.js';
import { wasmSimdEnabled, wasmThreadCount } from './wasm-setup.js';
import type { WasmModuleApi } from './wasm-setup.js';

/** One package `initBackend` tried, in order. */
export interface BackendAttempt {
  readonly name: BackendName;
  readonly packageName: string;
  readonly ok: boolean;
  /** Why loading or activating it failed (absent when `ok`). */
  readonly error?: string;
}

/** What `initBackend` activated, and how it got there. */
export interface BackendInfo {
  /** The tfjs backend now active: `tensorflow` (native), `wasm` or `cpu`. */
  readonly name: BackendName;
  /** The package that provides it. */
  readonly packageName: string;
  /** That package's version, or null when it cannot be determined. */
  readonly version: string | null;
  /** wasm: whether the SIMD build runs; cpu: false; tensorflow: null (not introspectable). */
  readonly simd: boolean | null;
  /** wasm: XNNPACK threads (1 in Node); cpu: 1; tensorflow: null (TensorFlow's own pool). */
  readonly threads: number | null;
  /** True only when the native backend reports that it runs on a CUDA device. */
  readonly gpu: boolean;
  /** Every package tried, in order, the last one being the one that worked. */
  readonly tried: readonly BackendAttempt[];
  /** wasm only: kernels served by the cpu bridge (see `registerWasmFallbackKernels`). */
  readonly fallbackKernels: readonly string[];
  /**
   * Whether tfjs gradient functions are registered (needed for training). In plain Node they come
   * from the optional peer `@tensorflow/tfjs`; see `ensureGradients`.
   */
  readonly gradients: boolean;
}

interface VersionedModule {
  readonly version?: unknown;
  readonly version_cpu?: unknown;
  readonly version_wasm?: unknown;
}

function readPackageVersion(packageName: string): string | null {
  try {
    const require = createRequire(import.meta.url);
    const manifest = require(`${packageName}/package.json`) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : null;
  } catch {
    return null;
  }
}

/**
 * The version the loaded module announces (each tfjs package exports its own), else the one in
 * its package.json as resolved from here.
 */
function moduleVersion(packageName: string, module: unknown): string | null {
  const m = (typeof module === 'object' && module !== null ? module : {}) as VersionedModule;
  if (typeof m.version_wasm === 'string') return m.version_wasm;
  if (typeof m.version_cpu === 'string') return m.version_cpu;
  if (typeof m.version === 'object' && m.version !== null) {
    const nodeVersion = (m.version as Record<string, unknown>)['tfjs-node'];
    if (typeof nodeVersion === 'string') return nodeVersion;
  }
  return readPackageVersion(packageName);
}

/** Builds the info for the backend that is now active in the tfjs engine. */
export async function describeActiveBackend(
  candidate: BackendCandidate,
  module: unknown,
  tried: readonly BackendAttempt[],
  fallbackKernels: readonly string[],
): Promise<Omit<BackendInfo, 'gradients'>> {
  const version = moduleVersion(candidate.packageName, module);
  const base = { name: candidate.name, packageName: candidate.packageName, version, tried };
  switch (candidate.name) {
    case 'wasm':
      return {
        ...base,
        simd: await wasmSimdEnabled(),
        threads: wasmThreadCount(module as WasmModuleApi),
        gpu: false,
        fallbackKernels,
      };
    case 'cpu':
      return { ...base, simd: false, threads: 1, gpu: false, fallbackKernels };
    case 'tensorflow': {
      // tfjs-node's backend exposes whether libtensorflow placed ops on a CUDA device;
      // tfjs-node-gpu without a usable GPU runs on the CPU and reports false.
      const backend = tf.backend() as tf.KernelBackend & { isUsingGpuDevice?: unknown };
      return {
        ...base,
        simd: null,
        threads: null,
        gpu: backend.isUsingGpuDevice === true,
        fallbackKernels,
      };
    }
  }
}
