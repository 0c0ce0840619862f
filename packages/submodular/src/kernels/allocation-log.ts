/** One sizeable typed array a kernel build or function allocated. */
export interface AllocationRecord {
  readonly name: string;
  readonly elements: number;
  readonly bytes: number;
}

/**
 * Records the sizes of the large buffers a selection allocates (including the largest distance
 * block core hands back), so callers and tests can check that a mode never allocates n².
 */
export class AllocationLog {
  readonly records: AllocationRecord[] = [];

  record(
    name: string,
    array: { readonly length: number; readonly BYTES_PER_ELEMENT: number },
  ): void {
    this.records.push({
      name,
      elements: array.length,
      bytes: array.length * array.BYTES_PER_ELEMENT,
    });
  }

  /** Keeps one record per name with the largest size seen (for per-block observations). */
  recordMax(
    name: string,
    array: { readonly length: number; readonly BYTES_PER_ELEMENT: number },
  ): void {
    const existing = this.records.findIndex((r) => r.name === name);
    const bytes = array.length * array.BYTES_PER_ELEMENT;
    if (existing === -1) this.record(name, array);
    else if (this.records[existing].bytes < bytes) {
      this.records[existing] = { name, elements: array.length, bytes };
    }
  }

  get largestElements(): number {
    let max = 0;
    for (const r of this.records) max = Math.max(max, r.elements);
    return max;
  }
}
