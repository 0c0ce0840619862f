import { SingleBar } from 'cli-progress';

/** A progress bar with ETA on stderr when it is a terminal; plain log lines otherwise. */
export function createBenchProgress(suite: string, total: number, quiet: boolean): { tick: (label: string) => void; stop: () => void } {
  if (quiet) return { tick: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY !== true) {
    let done = 0;
    return {
      tick: (label) => {
        done++;
        process.stderr.write(`[${suite}] ${done}/${total} ${label}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${suite.padEnd(12)} [{bar}] {value}/{total} | ETA {eta_formatted} | {label}`,
    hideCursor: true,
    etaBuffer: 20,
  });
  bar.start(total, 0, { label: '' });
  return { tick: (label) => bar.increment(1, { label }), stop: () => bar.stop() };
}
