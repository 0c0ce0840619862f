import type { ResultsCache } from './results-cache.js';

export interface SuiteContext {
  readonly quick: boolean;
  readonly seeds: number;
  /** Explicit --data-dir, else undefined (loaders then use CORESETS_DATA_DIR and the Debian path). */
  readonly dataDir: string | undefined;
  readonly outDir: string;
  readonly cache: ResultsCache;
  /** Advances the progress bar by one unit of the suite's declared total. */
  readonly tick: (label: string) => void;
  readonly log: (line: string) => void;
  readonly signal: AbortSignal | undefined;
}

export interface SuiteReport {
  /** The body of report.md after the common header. */
  readonly markdown: string;
  /** SVG files to write beside the report: file name → SVG text. */
  readonly svgs: Readonly<Record<string, string>>;
}

/** A reproducible benchmark: declares its settings and amount of work, then computes cells. */
export interface Suite {
  readonly name: string;
  readonly description: string;
  /** Settings recorded in results.json; the cache is reused only for identical settings. */
  settings(quick: boolean, seeds: number): Record<string, unknown>;
  /** Units of work for the progress bar (one per `tick`). */
  totalUnits(quick: boolean, seeds: number): number;
  run(context: SuiteContext): Promise<SuiteReport>;
}
