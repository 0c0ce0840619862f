import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '../errors/coreset-error.js';
import { segmentSumKernel } from './wasm-segment-sum.js';

/**
 * Marks kernels registered here. A symbol from the global registry rather than a module variable,
 * so two copies of this package in one process (and repeated calls) still recognise each other's
 * registrations instead of keeping a flag.
 */
const FALLBACK_MARK = Symbol.for('@coresets/core:wasm-cpu-fallback');

type MarkedKernelFunc = tf.KernelFunc & { [FALLBACK_MARK]?: true };

/**
 * Which cpu-only kernels get a wasm fallback: the gradient kernels (tfjs names them
 * `…Backprop…` or `…Grad`) and `UnsortedSegmentSum`, which is the gradient of `gather` (so of
 * every embedding lookup). The other kernels wasm lacks in tfjs 4.22 are deliberately left out:
 * Complex/Real/Imag/ComplexAbs/FFT/IFFT need the complex64 dtype, which the wasm backend cannot
 * store; Draw paints a canvas; StaticRegexReplace and the Ragged* ops work on strings and ragged
 * index tensors, none of which appear in a training step; Einsum has no gradient in tfjs.
 */
function isTrainingKernel(kernelName: string): boolean {
  return /Backprop|Grad$/.test(kernelName) || kernelName === 'UnsortedSegmentSum';
}

function cpuBackend(): tf.KernelBackend {
  const backend = tf.findBackend('cpu');
  // Typed as non-null, but tfjs returns null when the cpu package was never imported.
  if ((backend as tf.KernelBackend | null) === null) {
    throw new CoresetError(
      'BACKEND_UNAVAILABLE',
      'the wasm fallback kernels need the cpu backend; import @tensorflow/tfjs-backend-cpu',
    );
  }
  return backend;
}

/**
 * Runs the cpu kernel on copies of the wasm inputs and writes its outputs back as wasm tensors.
 * The transfer costs one copy each way per call, which is small next to the kernels involved
 * (filter gradients and segment sums), and it reuses tfjs's own cpu implementation instead of a
 * second one of ours.
 */
function makeFallback(kernelName: string): tf.KernelConfig {
  if (kernelName === 'UnsortedSegmentSum') {
    // A direct one-pass kernel: the cpu one loops over segments with tensor ops (see wasm-segment-sum.ts).
    const direct: MarkedKernelFunc = (args) => segmentSumKernel(args);
    Object.defineProperty(direct, FALLBACK_MARK, { value: true });
    return { kernelName, backendName: 'wasm', kernelFunc: direct };
  }
  const cpuKernel = tf.getKernel(kernelName, 'cpu');
  if (cpuKernel === undefined) {
    throw new CoresetError('BACKEND_UNAVAILABLE', `the cpu backend has no ${kernelName} kernel`);
  }
  const kernelFunc: MarkedKernelFunc = ({ inputs, attrs, backend }) => {
    const wasm = backend as tf.KernelBackend;
    const cpu = cpuBackend();
    const cpuInputs: tf.NamedTensorInfoMap = {};
    const copies: tf.DataId[] = [];
    for (const [key, input] of Object.entries(inputs)) {
      if (input === undefined) continue;
      // wasm's readSync returns a copy of its heap, never a view, so cpu may keep it.
      const values = wasm.readSync(input.dataId);
      const dataId = cpu.write(values, input.shape, input.dtype);
      copies.push(dataId);
      cpuInputs[key] = { dataId, shape: input.shape, dtype: input.dtype };
    }
    try {
      const result = cpuKernel.kernelFunc({
        inputs: cpuInputs,
        backend: cpu,
        ...(attrs === undefined ? {} : { attrs }),
      });
      const outputs = Array.isArray(result) ? result : [result];
      const converted = outputs.map((output): tf.TensorInfo => {
        // wasm's write copies into its heap, so the cpu buffer can be freed right after.
        const values = cpu.readSync(output.dataId);
        const dataId = wasm.write(values, output.shape, output.dtype);
        return { dataId, shape: output.shape, dtype: output.dtype };
      });
      for (const output of outputs) cpu.disposeData(output.dataId, true);
      return Array.isArray(result) ? converted : converted[0];
    } finally {
      for (const dataId of copies) cpu.disposeData(dataId, true);
    }
  };
  Object.defineProperty(kernelFunc, FALLBACK_MARK, { value: true });
  return { kernelName, backendName: 'wasm', kernelFunc };
}

/**
 * Registers, for the `wasm` backend, a cpu-bridged kernel for each gradient kernel that the cpu
 * backend has and wasm lacks (computed from the registries, so a future wasm release that adds a
 * kernel keeps its native one). Safe to call repeatedly: an existing wasm kernel is never
 * replaced. Returns the names of the kernels served by a fallback, sorted.
 *
 * `initBackend` calls this when it picks wasm; call it yourself only if you set the wasm backend
 * up without `initBackend`. Needs `@tensorflow/tfjs-backend-wasm` imported first.
 */
export async function registerWasmFallbackKernels(): Promise<string[]> {
  if (tf.getKernelsForBackend('wasm').length === 0) {
    throw new CoresetError(
      'BACKEND_UNAVAILABLE',
      'no wasm kernels are registered; import @tensorflow/tfjs-backend-wasm (against the same ' +
        '@tensorflow/tfjs-core) before registering the fallbacks',
    );
  }
  if (tf.getKernelsForBackend('cpu').length === 0) {
    await import('@tensorflow/tfjs-backend-cpu');
  }
  const names: string[] = [];
  for (const { kernelName } of tf.getKernelsForBackend('cpu')) {
    if (!isTrainingKernel(kernelName)) continue;
    const existing = tf.getKernel(kernelName, 'wasm');
    if (existing === undefined) {
      tf.registerKernel(makeFallback(kernelName));
      names.push(kernelName);
    } else if ((existing.kernelFunc as MarkedKernelFunc)[FALLBACK_MARK] === true) {
      names.push(kernelName);
    }
  }
  return names.sort();
}
