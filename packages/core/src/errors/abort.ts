import { CoresetError } from './coreset-error.js';

/** Throws a `CoresetError('ABORTED')` when the signal has fired; call it between units of work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new CoresetError('ABORTED', 'The operation was aborted.', { cause: signal.reason });
  }
}
