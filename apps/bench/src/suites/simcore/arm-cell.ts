import { probeEncoder, type ProbeMetrics } from './encoder-metrics.js';
import { poolImages, seedSplit, type SimCoreData } from './simcore-data.js';
import type { OpenSetArm, SimCoreProfile } from './simcore-profile.js';
import type { SelectionCell } from './selection-cell.js';
import { pretrainArm, type SslSummary } from './ssl-run.js';

/** Stored outcome of one arm at one seed: SSL from scratch on X ∪ S, then the probes. */
export interface ArmCell {
  readonly ssl: SslSummary;
  readonly probe: ProbeMetrics;
}

/** Pre-trains a fresh encoder on X ∪ S for the arm's subset S and probes it on the target task. */
export function runArm(
  data: SimCoreData,
  profile: SimCoreProfile,
  seed: number,
  arm: OpenSetArm,
  selection: SelectionCell,
  log: (line: string) => void,
): ArmCell {
  const split = seedSplit(data, profile, seed);
  const positions = arm === 'all' ? Array.from({ length: split.openSet.length }, (_, i) => i) : selection.coresets[arm].positions;
  const images = poolImages(data, split, positions);
  const { encoder, summary } = pretrainArm(images, profile, seed, (step) => {
    if (step % 50 === 0) log(`seed ${seed} ${arm}: SSL step ${step}/${profile.sslSteps}`);
  });
  try {
    return { ssl: summary, probe: probeEncoder(encoder, split.target, data.targetTest, { probeSteps: profile.probeSteps, knnK: profile.knnK }) };
  } finally {
    encoder.dispose();
  }
}
