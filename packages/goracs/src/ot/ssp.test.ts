import { Rng, matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { otCertificate } from './certificate.js';
import { emd } from './emd.js';
import { emdSsp } from './ssp.js';

describe('emdSsp', () => {
  it('solves the spec vector [[4,1,3],[2,0,5],[3,2,2]] → 5/3', () => {
    expect(
      emdSsp(
        matrixFromRows([
          [4, 1, 3],
          [2, 0, 5],
          [3, 2, 2],
        ]),
      ).value,
    ).toBeCloseTo(5 / 3, 14);
  });

  it('agrees with the network simplex on random rectangular problems and is certified', () => {
    const rng = Rng.fromSeed(31);
    for (let t = 0; t < 40; t++) {
      const n = 1 + rng.int(20);
      const m = 1 + rng.int(30);
      const data = new Float64Array(n * m);
      for (let k = 0; k < data.length; k++) data[k] = t % 2 === 0 ? rng.int(5) : rng.uniform();
      const c = { rows: n, cols: m, data };
      const res = emdSsp(c);
      expect(Math.abs(res.value - emd(c).value)).toBeLessThanOrEqual(1e-12);
      const cert = otCertificate(
        c,
        res.plan,
        res.u,
        res.v,
        new Float64Array(n).fill(1 / n),
        new Float64Array(m).fill(1 / m),
      );
      expect(cert.primalResidual).toBeLessThanOrEqual(1e-12);
      expect(cert.dualViolation).toBeLessThanOrEqual(1e-12);
      expect(cert.slackness).toBeLessThanOrEqual(1e-12);
      expect(cert.gap).toBeLessThanOrEqual(1e-12);
    }
  });
});
