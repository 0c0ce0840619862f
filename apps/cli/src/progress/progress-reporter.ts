import { SingleBar } from 'cli-progress';
import type { ProgressCallback } from '@coresets/core';

export interface ProgressReporter {
  readonly onProgress: ProgressCallback;
  stop(): void;
}

/**
 * A progress bar on stderr (one per phase) when stderr is a terminal and --quiet is not given;
 * otherwise a no-op, so piped output and logs stay clean.
 */
export function createProgressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  quiet: boolean,
): ProgressReporter {
  if (quiet || stream.isTTY !== true) return { onProgress: () => undefined, stop: () => undefined };
  let bar: SingleBar | undefined;
  let phase = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    onProgress(event) {
      if (bar === undefined || event.phase !== phase) {
        stop();
        phase = event.phase;
        bar = new SingleBar({
          stream,
          format: `${event.phase.padEnd(10)} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
        });
        bar.start(event.total, event.completed);
      } else {
        bar.setTotal(event.total);
        bar.update(event.completed);
      }
    },
    stop,
  };
}
