/** What long-running work reports through `onProgress`. `total` is fixed for one task. */
export interface ProgressEvent {
  /** Short name of the phase, e.g. "kmeans", "select", "train". */
  readonly phase: string;
  readonly completed: number;
  readonly total: number;
  /** Optional phase-specific numbers (loss, gain, …) for display. */
  readonly info?: Readonly<Record<string, number>>;
}

export type ProgressCallback = (event: ProgressEvent) => void;

/** Options every long-running function accepts. */
export interface LongRunningOptions {
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}
