import type { NpyArray } from './decode-npy.js';
import { decodeNpy } from './decode-npy.js';
import type { NpyWriteInput } from './encode-npy.js';
import { encodeNpy } from './encode-npy.js';
import { readFileBytes } from './internal/read-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Reads a `.npy` file; see `decodeNpy`. Missing files throw `FILE_NOT_FOUND`. */
export function readNpy(path: string): NpyArray {
  return decodeNpy(readFileBytes(path), { file: path });
}

/** Writes a `.npy` file atomically (a reader never sees a half-written file); see `encodeNpy`. */
export function writeNpy(path: string, array: NpyWriteInput): void {
  writeFileAtomic(path, encodeNpy(array));
}
