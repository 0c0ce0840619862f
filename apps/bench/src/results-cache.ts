import { existsSync, readFileSync } from 'node:fs';
import { writeJsonAtomic } from '@coresets/core';

/** The results file: settings and environment of the last run plus every computed cell. */
export interface ResultsFile {
  suite: string;
  /** Settings that make cells comparable; a change invalidates the cache. */
  settings: Record<string, unknown>;
  environment: Record<string, unknown>;
  cells: Record<string, unknown>;
  wallTimeMs: Record<string, number>;
}

/**
 * Resumable storage for a suite's results. Each completed cell is written to disk at once
 * (atomically), so an interrupted run continues where it stopped; cells computed under other
 * settings are discarded.
 */
export class ResultsCache {
  readonly #path: string;
  readonly #file: ResultsFile;
  #reused = 0;

  constructor(path: string, suite: string, settings: Record<string, unknown>, environment: Record<string, unknown>) {
    this.#path = path;
    const previous = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ResultsFile) : undefined;
    const sameSettings = previous?.suite === suite && JSON.stringify(previous.settings) === JSON.stringify(settings);
    this.#file = {
      suite,
      settings,
      environment,
      cells: sameSettings ? previous.cells : {},
      wallTimeMs: sameSettings ? previous.wallTimeMs : {},
    };
  }

  /** Cells taken from an earlier run instead of being recomputed. */
  get reused(): number {
    return this.#reused;
  }

  has(key: string): boolean {
    return key in this.#file.cells;
  }

  /** Returns the cached value of `key`, or computes, stores and returns it. */
  async cell<T>(key: string, compute: () => Promise<T> | T): Promise<T> {
    if (key in this.#file.cells) {
      this.#reused++;
      return this.#file.cells[key] as T;
    }
    const t0 = performance.now();
    const value = await compute();
    this.#file.cells[key] = value;
    this.#file.wallTimeMs[key] = performance.now() - t0;
    this.save();
    return value;
  }

  get file(): Readonly<ResultsFile> {
    return this.#file;
  }

  /** Sum of the recorded compute times of all cells (including earlier, resumed runs). */
  totalCellTimeMs(): number {
    return Object.values(this.#file.wallTimeMs).reduce((a, b) => a + b, 0);
  }

  save(): void {
    writeJsonAtomic(this.#path, this.#file);
  }
}
