import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@coresets/core';
import { createMlp, createOptimizer, trainStep } from '@coresets/eval';
import { writeMatrixNpy, writeVectorNpy } from '../../peers/npy-inputs.js';
import { peerWorkdir, runPeer, type PeerOutcome } from '../../peers/python-peer.js';
import { median } from '../../report/markdown.js';

export interface MlpThroughput {
  readonly steps: number;
  /** Median wall time of `steps` SGD steps per backend (ms). */
  readonly ours: Record<string, number>;
  readonly peer: PeerOutcome;
}

const BATCH = 128;

/**
 * MLP 784-256-10, SGD-Nesterov, batch 128: `steps` steps on the same synthetic rows for each of our
 * backends (the active one and cpu) and for torch on the CPU.
 */
export async function mlpThroughput(steps: number, repeats: number): Promise<MlpThroughput> {
  const rng = Rng.fromSeed(0);
  const rows = BATCH * 8;
  const x = rng.fillNormal(new Float32Array(rows * 784));
  const labels = Int32Array.from({ length: rows }, () => rng.int(10));
  const active = tf.getBackend();
  const ours: Record<string, number> = {};
  for (const backend of [active, 'cpu'].filter((b, i, a) => a.indexOf(b) === i)) {
    await tf.setBackend(backend);
    const model = createMlp({ inputSize: 784, numClasses: 10, hidden: [256], seed: 1 });
    const optimizer = createOptimizer(model.variables, { name: 'sgd', momentum: 0.9, nesterov: true });
    const run = () => {
      for (let s = 0; s < steps; s++) {
        const i = (s * BATCH) % (rows - BATCH);
        trainStep(model, optimizer, { x: x.subarray(i * 784, (i + BATCH) * 784), labels: labels.subarray(i, i + BATCH) }, 0.05);
      }
    };
    run();
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    ours[backend] = median(times);
    optimizer.dispose();
    model.dispose();
  }
  await tf.setBackend(active);
  const work = peerWorkdir();
  try {
    writeMatrixNpy(work.dir, 'x.npy', { rows, cols: 784, data: x });
    writeVectorNpy(work.dir, 'y.npy', labels, 'int64');
    writeVectorNpy(work.dir, 'steps.npy', [steps], 'int64');
    return { steps, ours, peer: runPeer('mlp', work.dir, repeats) };
  } finally {
    work.done();
  }
}
