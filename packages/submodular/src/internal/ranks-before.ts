/** (keyA, a) ranks before (keyB, b): larger key, then lower index — the tie rule everywhere. */
export function ranksBefore(keyA: number, a: number, keyB: number, b: number): boolean {
  return keyA > keyB || (keyA === keyB && a < b);
}
