import * as tf from '@tensorflow/tfjs-core';
import { segmentSumKernel } from './wasm-segment-sum.js';

const MARK = Symbol.for('@coresets/core:cpu-one-pass-segment-sum');

type MarkedKernelFunc = tf.KernelFunc & { [MARK]?: true };

/**
 * tfjs-backend-cpu's UnsortedSegmentSum builds a mask and a sum per segment, O(segments × rows):
 * for the gradient of a convolution computed as gathered patches (eval's CNN: 25,089 segments,
 * 225,792 rows per batch) that ran for minutes and took gigabytes. Swaps in core's one-pass kernel
 * (the one the wasm backend uses), which gives the same sums. Returns whether it is in place.
 */
export function registerCpuSegmentSumFastPath(): boolean {
  const original = tf.getKernel('UnsortedSegmentSum', 'cpu');
  if (original === undefined) return false;
  if ((original.kernelFunc as MarkedKernelFunc)[MARK] === true) return true;
  const kernelFunc: MarkedKernelFunc = (args) => segmentSumKernel(args);
  Object.defineProperty(kernelFunc, MARK, { value: true });
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName: 'cpu', kernelFunc });
  return true;
}
