import * as tf from '@tensorflow/tfjs-core';

type MarkedKernelFunc = tf.KernelFunc & Record<symbol, true | undefined>;

/**
 * Swaps a registered kernel for a wrapper built from it, once: the wrapper carries `mark`, so a
 * second call (another `initBackend`, another copy of this module) sees it and leaves it alone
 * instead of wrapping the wrapper. The original's setup and dispose hooks stay registered, since
 * the backend relies on them for the kernel's own state. Returns whether the wrapper is in place
 * (false when no kernel `name` is registered for `backendName`).
 */
export function replaceKernel(
  name: string,
  backendName: string,
  mark: symbol,
  wrap: (original: tf.KernelConfig) => tf.KernelFunc,
): boolean {
  const original = tf.getKernel(name, backendName);
  if (original === undefined) return false;
  if ((original.kernelFunc as MarkedKernelFunc)[mark] === true) return true;
  const inner = wrap(original);
  // A fresh function, so marking it never touches a function the caller may share.
  const kernelFunc: tf.KernelFunc = (args) => inner(args);
  Object.defineProperty(kernelFunc, mark, { value: true });
  tf.unregisterKernel(name, backendName);
  tf.registerKernel({
    kernelName: name,
    backendName,
    kernelFunc,
    ...(original.setupFunc === undefined ? {} : { setupFunc: original.setupFunc }),
    ...(original.disposeFunc === undefined ? {} : { disposeFunc: original.disposeFunc }),
  });
  return true;
}
