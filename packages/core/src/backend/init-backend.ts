import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '../errors/coreset-error.js';
import { describeActiveBackend } from './backend-info.js';
import { ensureGradients } from './ensure-gradients.js';
import type { BackendAttempt, BackendInfo } from './backend-info.js';
import { importBackendPackage, loadAndActivate } from './load-backend.js';
import type { BackendLoader } from './load-backend.js';
import { BACKEND_ENV_VAR, installHint, resolveBackendRequest } from './resolve-order.js';
import type { BackendPreference, BackendRequest } from './resolve-order.js';
import { registerWasmFallbackKernels } from './wasm-fallbacks.js';
import { registerCpuSegmentSumFastPath } from './cpu-segment-sum.js';
import { registerWasmGatherFastPath } from './wasm-gather.js';
import { registerWasmMatMulTransposeFix } from './wasm-matmul-transpose.js';

export interface InitBackendOptions {
  /**
   * `'tensorflow'`, `'wasm'` or `'cpu'` to insist on one backend (an error if it cannot be
   * loaded), `'auto'` for the automatic order. Unset: `CORESETS_BACKEND`, else automatic.
   */
  readonly prefer?: BackendPreference | undefined;
  /** Loads a backend package by name; a dynamic `import()` by default. */
  readonly loader?: BackendLoader | undefined;
  /** Where `CORESETS_BACKEND` is read from; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

export const DEFAULT_INIT_BACKEND_OPTIONS = {
  prefer: undefined,
  loader: importBackendPackage,
  env: undefined,
} as const satisfies InitBackendOptions;

const OPTION_KEYS = ['prefer', 'loader', 'env'] as const;

interface ActiveInit {
  readonly preference: BackendPreference;
  readonly loader: BackendLoader;
  readonly promise: Promise<BackendInfo>;
  info: BackendInfo | undefined;
}

// The tfjs engine is one per process, so the record of what was activated on it is too; keeping
// it lets repeated calls (every package that trains calls initBackend) return the same info
// instead of re-importing and re-initialising.
let active: ActiveInit | undefined;

function validate(options: unknown): asserts options is InitBackendOptions {
  if (typeof options !== 'object' || options === null) {
    throw new CoresetError('INVALID_ARGUMENT', 'initBackend options must be an object', {
      argument: 'options',
    });
  }
  for (const key of Object.keys(options)) {
    if (!(OPTION_KEYS as readonly string[]).includes(key)) {
      throw new CoresetError(
        'UNKNOWN_OPTION',
        `initBackend: unknown option "${key}" (known: ${OPTION_KEYS.join(', ')})`,
        { argument: key },
      );
    }
  }
  const { loader, env } = options as Record<string, unknown>;
  if (loader !== undefined && typeof loader !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'loader must be a function', { argument: 'loader' });
  }
  if (env !== undefined && (typeof env !== 'object' || env === null)) {
    throw new CoresetError('INVALID_ARGUMENT', 'env must be an object of strings', {
      argument: 'env',
    });
  }
}

/**
 * Whether the earlier initialisation answers this request: same loader, its backend still active
 * in tfjs, and either automatic (an earlier explicit choice sticks when a library later asks for
 * "any backend") or the same name. A still-pending one is shared only for the same preference.
 */
function reusable(
  request: BackendRequest,
  loader: BackendLoader,
): Promise<BackendInfo> | undefined {
  if (active?.loader !== loader) return undefined;
  if (active.info === undefined) {
    return active.preference === request.preference ? active.promise : undefined;
  }
  if (tf.getBackend() !== active.info.name) return undefined;
  if (request.preference === 'auto' || request.preference === active.info.name) {
    return active.promise;
  }
  return undefined;
}

function failureMessage(request: BackendRequest, tried: readonly BackendAttempt[]): string {
  const attempts = tried.map((attempt) => `${attempt.packageName} (${attempt.error ?? 'ok'})`);
  const list = attempts.length === 0 ? 'nothing' : attempts.join('; ');
  if (request.explicit) {
    const where =
      request.source === 'option'
        ? `prefer: '${request.preference}'`
        : `${BACKEND_ENV_VAR}=${request.preference}`;
    return (
      `${where} asked for the '${request.preference}' backend, but it is unavailable. ` +
      `Tried: ${list}. ${installHint(request.preference as Exclude<BackendPreference, 'auto'>)}`
    );
  }
  return (
    `no tfjs backend could be initialised. Tried: ${list}. Install ` +
    '@tensorflow/tfjs-backend-wasm or @tensorflow/tfjs-backend-cpu beside @coresets/core.'
  );
}

async function activateFirst(request: BackendRequest, loader: BackendLoader): Promise<BackendInfo> {
  const tried: BackendAttempt[] = [];
  for (const candidate of request.candidates) {
    const outcome = await loadAndActivate(candidate, loader);
    if (!outcome.ok) {
      tried.push({
        name: candidate.name,
        packageName: candidate.packageName,
        ok: false,
        error: outcome.error,
      });
      continue;
    }
    let fallbackKernels: string[] = [];
    if (candidate.name === 'wasm') {
      try {
        fallbackKernels = await registerWasmFallbackKernels();
        registerWasmMatMulTransposeFix();
        registerWasmGatherFastPath();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        tried.push({
          name: candidate.name,
          packageName: candidate.packageName,
          ok: false,
          error: `cannot register the wasm fallback kernels: ${reason}`,
        });
        continue;
      }
    }
    // Also when cpu is only loaded beside another backend (wasm's fallbacks import it): code that
    // later switches with tf.setBackend('cpu') gets the one-pass kernel too.
    registerCpuSegmentSumFastPath();
    tried.push({ name: candidate.name, packageName: candidate.packageName, ok: true });
    const gradients = await ensureGradients(loader);
    return { ...(await describeActiveBackend(candidate, outcome.module, tried, fallbackKernels)), gradients };
  }
  const argument =
    request.source === 'option' ? 'prefer' : request.source === 'env' ? BACKEND_ENV_VAR : undefined;
  throw new CoresetError(
    'BACKEND_UNAVAILABLE',
    failureMessage(request, tried),
    argument === undefined ? {} : { argument },
  );
}

/**
 * Picks and activates the tfjs backend on the `@tensorflow/tfjs-core` peer's engine: the
 * `prefer` option, else `CORESETS_BACKEND`, else the first that loads of
 * `@tensorflow/tfjs-node-gpu`, `@tensorflow/tfjs-node`, `@tensorflow/tfjs-backend-wasm`,
 * `@tensorflow/tfjs-backend-cpu`. An explicit choice that cannot be loaded throws
 * `CoresetError('BACKEND_UNAVAILABLE')` listing what was tried and how to install it; the
 * automatic order falls back quietly and records every attempt in `info.tried`.
 *
 * For wasm it forces the single-threaded build (Node cannot start the threaded one's workers),
 * points tfjs at the installed binaries and registers the cpu-bridged gradient kernels wasm
 * lacks. Idempotent: a repeated call that the active backend satisfies resolves to the same
 * info object.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  validate(options);
  const request = resolveBackendRequest(options.prefer, options.env ?? process.env);
  const loader = options.loader ?? DEFAULT_INIT_BACKEND_OPTIONS.loader;
  const existing = reusable(request, loader);
  if (existing !== undefined) return existing;

  const promise = activateFirst(request, loader);
  const entry: ActiveInit = { preference: request.preference, loader, promise, info: undefined };
  active = entry;
  try {
    entry.info = await promise;
    return entry.info;
  } catch (error) {
    if (active === entry) active = undefined;
    throw error;
  }
}

/**
 * The info of the backend `initBackend` activated, or undefined before it has resolved or after
 * something else switched the tfjs backend (so the answer is never stale).
 */
export function backendInfo(): BackendInfo | undefined {
  if (active?.info === undefined) return undefined;
  return tf.getBackend() === active.info.name ? active.info : undefined;
}
