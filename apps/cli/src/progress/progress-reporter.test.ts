import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress-reporter.js';

function stream(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  let text = '';
  const s = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return Object.assign(s, { isTTY, text: () => text });
}

describe('createProgressReporter', () => {
  it('draws a bar on a terminal, one per phase', () => {
    const out = stream(true);
    const progress = createProgressReporter(out, false);
    progress.onProgress({ phase: 'kernel', completed: 1, total: 4 });
    progress.onProgress({ phase: 'kernel', completed: 4, total: 4 });
    progress.onProgress({ phase: 'select', completed: 2, total: 2 });
    progress.stop();
    expect(out.text()).toContain('kernel');
    expect(out.text()).toContain('select');
    expect(out.text()).toContain('100%');
  });

  it('writes nothing when stderr is not a terminal or --quiet is given', () => {
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const out = stream(isTTY);
      const progress = createProgressReporter(out, quiet);
      progress.onProgress({ phase: 'select', completed: 1, total: 2 });
      progress.stop();
      expect(out.text()).toBe('');
    }
  });
});
