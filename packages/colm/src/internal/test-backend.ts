// Test-only set-up (never imported by index.ts, so never built): the cpu backend plus tfjs-core's
// gradient definitions, which its Node entry does not register.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';

export async function useCpuBackend(): Promise<void> {
  // Silences tfjs's "install the node backend" banner.
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
}
