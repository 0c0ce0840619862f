import * as tf from '@tensorflow/tfjs-core';
import type { BackendCandidate } from './resolve-order.js';
import { prepareWasmForNode } from './wasm-setup.js';

/**
 * Loads a backend package by name and resolves to its module (importing it registers the backend
 * with the shared tfjs engine), or rejects when it is not installed or fails to load. Injectable
 * so the resolution order can be exercised without the native packages installed.
 */
export type BackendLoader = (packageName: string) => Promise<unknown>;

/** The default loader: a dynamic import, so the optional native peers are never bundled. */
export const importBackendPackage: BackendLoader = (packageName) =>
  import(packageName) as Promise<unknown>;

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    // The wasm loader rejects with a plain `{ message }` object.
    return String(error.message);
  }
  return String(error);
}

export type LoadOutcome =
  { readonly ok: true; readonly module: unknown } | { readonly ok: false; readonly error: string };

/**
 * Loads one candidate's package and makes its backend the active one on the
 * `@tensorflow/tfjs-core` peer's engine. Never throws: failures come back as the outcome, so the
 * caller decides between falling back and reporting.
 */
export async function loadAndActivate(
  candidate: BackendCandidate,
  loader: BackendLoader,
): Promise<LoadOutcome> {
  let module: unknown;
  try {
    module = await loader(candidate.packageName);
  } catch (error) {
    return { ok: false, error: `cannot load ${candidate.packageName}: ${describeError(error)}` };
  }
  try {
    if (!tf.engine().backendNames().includes(candidate.name)) {
      return {
        ok: false,
        error:
          `${candidate.packageName} loaded but registered no '${candidate.name}' backend on this ` +
          '@tensorflow/tfjs-core (a second copy of tfjs-core is installed?)',
      };
    }
    if (candidate.name === 'wasm') prepareWasmForNode(module ?? {});
    const activated = await tf.setBackend(candidate.name);
    if (!activated) {
      return { ok: false, error: `the '${candidate.name}' backend failed to initialise` };
    }
    await tf.ready();
  } catch (error) {
    return {
      ok: false,
      error: `cannot initialise ${candidate.packageName}: ${describeError(error)}`,
    };
  }
  return { ok: true, module };
}
