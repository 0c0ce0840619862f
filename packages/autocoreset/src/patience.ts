/**
 * The stopping rule of the AutoCoreset loop, as per-call state (the reference keeps it in module
 * globals, which leak between calls). OPT starts at the largest initial column sum; a new column
 * sum below OPT resets the counter, anything else increments it; stop at `patience`.
 */
export class PatienceTracker {
  readonly patience: number;
  #opt: number;
  #counter = 0;

  constructor(initialCosts: readonly number[], patience: number) {
    this.patience = patience;
    this.#opt = Math.max(...initialCosts);
  }

  /** Records a new column sum; returns true when the loop should stop. */
  push(cost: number): boolean {
    if (cost < this.#opt) {
      this.#opt = cost;
      this.#counter = 0;
    } else {
      this.#counter++;
    }
    return this.#counter >= this.patience;
  }

  get opt(): number {
    return this.#opt;
  }

  get counter(): number {
    return this.#counter;
  }
}
