// Test-only set-up (never imported by index.ts, so never built). core's initBackend activates the
// backend and loads @tensorflow/tfjs, whose Node build registers the gradient definitions that
// tfjs-core's own Node entry lacks.
import { initBackend } from '@coresets/core';

export async function useCpuBackend(): Promise<void> {
  await initBackend({ prefer: 'cpu' });
}
