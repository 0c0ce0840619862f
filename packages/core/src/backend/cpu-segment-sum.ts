import { replaceKernel } from './replace-kernel.js';
import { segmentSumKernel } from './wasm-segment-sum.js';

const MARK = Symbol.for('@coresets/core:cpu-one-pass-segment-sum');

/**
 * tfjs-backend-cpu's UnsortedSegmentSum builds a mask and a sum per segment, O(segments × rows):
 * for the gradient of a convolution computed as gathered patches (eval's CNN: 25,089 segments,
 * 225,792 rows per batch) that ran for minutes and took gigabytes. Swaps in core's one-pass kernel
 * (the one the wasm backend uses), which gives the same sums. Returns whether it is in place.
 */
export function registerCpuSegmentSumFastPath(): boolean {
  return replaceKernel('UnsortedSegmentSum', 'cpu', MARK, () => segmentSumKernel);
}
