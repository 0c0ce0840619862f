import createWabt from 'wabt';

/** The WebAssembly binary of a text-format module (SIMD enabled), as bytes. */
export async function compileWat(text) {
  const wabt = await createWabt();
  const module = wabt.parseWat('sinkhorn-kernels.wat', text, { simd: true });
  try {
    module.validate();
    return module.toBinary({ log: false, write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}
