import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@coresets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectFacilityLocation } from './select-facility-location.js';

describe("selectFacilityLocation with engine: 'tfjs'", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('picks the same rows as the float64 engine on clustered data, dense and kNN', () => {
    const rng = Rng.fromSeed(2);
    const centres = Array.from({ length: 6 }, () => Array.from({ length: 16 }, () => rng.uniformRange(-10, 10)));
    const data = new Float64Array(300 * 16);
    for (let i = 0; i < 300; i++) for (let t = 0; t < 16; t++) data[i * 16 + t] = centres[i % 6][t] + rng.normal(0, 1);
    const features = { rows: 300, cols: 16, data };
    for (const neighbors of [undefined, 20]) {
      const js = selectFacilityLocation({ features }, { budget: 6, neighbors });
      const fast = selectFacilityLocation({ features }, { budget: 6, neighbors, engine: 'tfjs' });
      expect(Array.from(fast.indices)).toEqual(Array.from(js.indices));
    }
    expect(() => selectFacilityLocation({ features }, { budget: 2, engine: 'gpu' as never })).toThrow(/engine/);
  });
});
