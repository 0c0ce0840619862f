/** The WebAssembly binary of a text-format module (SIMD enabled), as bytes. */
export function compileWat(text: string): Promise<Uint8Array>;
