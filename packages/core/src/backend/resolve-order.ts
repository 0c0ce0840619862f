import { CoresetError } from '../errors/coreset-error.js';

/** The tfjs backend names core can activate (the names tfjs itself registers them under). */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/** A backend name, or `'auto'` for the automatic order. */
export type BackendPreference = BackendName | 'auto';

/** One package that provides a backend, in the order the automatic resolution tries them. */
export interface BackendCandidate {
  readonly name: BackendName;
  readonly packageName: string;
}

/** The environment variable that picks a backend when `initBackend` gets no `prefer`. */
export const BACKEND_ENV_VAR = 'CORESETS_BACKEND';

/**
 * The automatic order: native TensorFlow with CUDA, native TensorFlow on the CPU, WebAssembly,
 * then plain JavaScript. The native packages come first because they are one to two orders of
 * magnitude faster for training, and they are only present when a user installed them.
 */
export const BACKEND_CANDIDATES: readonly BackendCandidate[] = [
  { name: 'tensorflow', packageName: '@tensorflow/tfjs-node-gpu' },
  { name: 'tensorflow', packageName: '@tensorflow/tfjs-node' },
  { name: 'wasm', packageName: '@tensorflow/tfjs-backend-wasm' },
  { name: 'cpu', packageName: '@tensorflow/tfjs-backend-cpu' },
];

const PREFERENCES: readonly BackendPreference[] = ['auto', 'tensorflow', 'wasm', 'cpu'];

/** Where the preference came from; an explicit one turns a missing package into an error. */
export type BackendRequestSource = 'option' | 'env' | 'default';

export interface BackendRequest {
  readonly preference: BackendPreference;
  readonly source: BackendRequestSource;
  /** True when a specific backend was asked for, so failing to load it must not fall back. */
  readonly explicit: boolean;
  readonly candidates: readonly BackendCandidate[];
}

function isPreference(value: unknown): value is BackendPreference {
  return typeof value === 'string' && (PREFERENCES as readonly string[]).includes(value);
}

/**
 * Decides which packages to try. Precedence: the `prefer` option, then `CORESETS_BACKEND`, then
 * the automatic order — an explicit argument in code beats the ambient environment, so a program
 * that pins a backend is not silently changed by a shell variable. An empty variable counts as
 * unset (the usual `VAR= cmd` idiom to clear it).
 */
export function resolveBackendRequest(
  prefer: unknown,
  env: Readonly<Record<string, string | undefined>>,
): BackendRequest {
  let preference: BackendPreference;
  let source: BackendRequestSource;
  if (prefer !== undefined) {
    if (!isPreference(prefer)) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `prefer must be one of ${PREFERENCES.join(', ')}; got ${JSON.stringify(prefer)}`,
        { argument: 'prefer' },
      );
    }
    preference = prefer;
    source = 'option';
  } else {
    const raw = env[BACKEND_ENV_VAR];
    if (raw === undefined || raw === '') {
      preference = 'auto';
      source = 'default';
    } else if (isPreference(raw)) {
      preference = raw;
      source = 'env';
    } else {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `${BACKEND_ENV_VAR} must be one of ${PREFERENCES.join(', ')}; got ${JSON.stringify(raw)}`,
        { argument: BACKEND_ENV_VAR },
      );
    }
  }
  const candidates =
    preference === 'auto'
      ? BACKEND_CANDIDATES
      : BACKEND_CANDIDATES.filter((candidate) => candidate.name === preference);
  return { preference, source, explicit: preference !== 'auto', candidates };
}

/** The install hint shown when an explicitly requested backend cannot be loaded. */
export function installHint(name: BackendName): string {
  switch (name) {
    case 'tensorflow':
      return (
        'Install the native bindings beside @coresets/core: `npm i @tensorflow/tfjs-node` ' +
        '(CPU), or `npm i @tensorflow/tfjs-node-gpu` with CUDA and cuDNN on Linux.'
      );
    case 'wasm':
      return 'Install it beside @coresets/core: `npm i @tensorflow/tfjs-backend-wasm`.';
    case 'cpu':
      return 'Install it beside @coresets/core: `npm i @tensorflow/tfjs-backend-cpu`.';
  }
}
