import { readFileSync } from 'node:fs';

/**
 * Files written by `numpy.save` (numpy 2.4.6) for small arrays, from numpy-saved.json (each entry
 * records the Python expression that made it). Decoding them and re-encoding to the same bytes is
 * the parity check against numpy.
 */
export const NUMPY_SAVED: Readonly<Record<string, Uint8Array>> = (() => {
  const json = JSON.parse(readFileSync(new URL('numpy-saved.json', import.meta.url), 'utf8')) as {
    files: Record<string, { hex: string }>;
  };
  return Object.fromEntries(
    Object.entries(json.files).map(([name, file]) => [
      name,
      Uint8Array.from(Buffer.from(file.hex, 'hex')),
    ]),
  );
})();
