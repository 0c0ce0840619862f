import * as tf from '@tensorflow/tfjs-core';
import type { BackendLoader } from './load-backend.js';

/** The package whose Node build registers tfjs' gradient functions on the shared engine. */
export const GRADIENTS_PACKAGE = '@tensorflow/tfjs';

/**
 * tfjs-core's own Node entry registers no gradient functions, and its ESM file that does
 * (`dist/register_all_gradients`) cannot be imported by Node (extensionless imports). The union
 * package `@tensorflow/tfjs` registers them on the shared engine (tfjs keeps its engine and
 * registries global), so training works on any backend once it is loaded. Returns whether
 * gradients are available afterwards; never throws, so inference-only users need not install it.
 */
export async function ensureGradients(loader: BackendLoader): Promise<boolean> {
  if (gradientsRegistered()) return true;
  try {
    await loader(GRADIENTS_PACKAGE);
  } catch {
    return false;
  }
  return gradientsRegistered();
}

export function gradientsRegistered(): boolean {
  return tf.getGradient('Sum') !== undefined && tf.getGradient('BatchMatMul') !== undefined;
}
