import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

/** The parts of `@tensorflow/tfjs-backend-wasm` core uses; read from the loaded module. */
export interface WasmModuleApi {
  readonly setWasmPaths?: (prefix: string) => void;
  readonly getThreadsCount?: () => number;
  readonly version_wasm?: string;
}

const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';
const WASM_BINARY = 'tfjs-backend-wasm.wasm';

/**
 * The folder holding the installed package's `.wasm` binaries, with a trailing separator (tfjs
 * concatenates it with the file name), or undefined when the package cannot be resolved from
 * here. Resolved from this file rather than the working directory, since the package is a peer
 * of @coresets/core.
 */
export function wasmBinaryDir(): string | undefined {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(WASM_PACKAGE);
  } catch {
    return undefined;
  }
  const dir = dirname(entry);
  return existsSync(join(dir, WASM_BINARY)) ? dir + sep : undefined;
}

/**
 * Prepares the wasm backend for Node before `tf.setBackend('wasm')`:
 *  - forces the single-threaded build: the threaded one starts its workers from a Blob URL,
 *    which Node's worker_threads reject. tfjs 4.22 already reports no thread support under
 *    Node, but setting the flag keeps that true if the detection changes or IS_NODE is off.
 *  - points tfjs at the installed package's binaries, so it still finds them when the code
 *    that imported it was bundled into another folder.
 * Throws (plain Error, recorded as the candidate's failure) when the module did not register
 * the wasm flags on this @tensorflow/tfjs-core, i.e. it is a different copy.
 */
export function prepareWasmForNode(module: WasmModuleApi): void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const dir = wasmBinaryDir();
  if (dir !== undefined && typeof module.setWasmPaths === 'function') {
    module.setWasmPaths(dir);
  }
}

/** Whether the wasm build in use has SIMD (evaluated by tfjs when the backend initialised). */
export async function wasmSimdEnabled(): Promise<boolean> {
  return (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
}

/** XNNPACK's thread count as reported by the initialised wasm backend. */
export function wasmThreadCount(module: WasmModuleApi): number | null {
  if (typeof module.getThreadsCount !== 'function') return null;
  try {
    return module.getThreadsCount();
  } catch {
    // Throws only when the backend has not initialised, which initBackend rules out first.
    return null;
  }
}
