import { MethodRegistry, Rng, schemaDefaults } from '@coresets/core';
import { AdamNormalizer } from '@coresets/gradients';
import { describe, expect, it } from 'vitest';
import { colmMethod, registerColm } from './colm-method.js';
import { DEFAULT_COLM_OPTIONS } from './colm-options.js';
import { colmSelect, type ColmSelectionResult } from './colm-select.js';

const sources = [0, 0, 1, 1, 1, 0, 2, 1, 0, 0, 1, 3];
const sourceSizes = [400, 300, 20, 10];

function features(seed: number): { rows: number; cols: number; data: Float64Array } {
  return {
    rows: sources.length,
    cols: 8,
    data: Rng.fromSeed(seed).fillNormal(new Float64Array(96)),
  };
}

describe('colmMethod', () => {
  it('is registered as "colm" and its schema defaults are DEFAULT_COLM_OPTIONS', () => {
    const registry = registerColm(new MethodRegistry());
    expect(registry.get('colm')).toBe(colmMethod);
    expect(schemaDefaults(colmMethod.optionsSchema)).toEqual(DEFAULT_COLM_OPTIONS);
  });

  it('carries the Adam state through JSON between calls, like one normaliser kept in memory', async () => {
    // CLI flow: state file absent → step 0; write meta.normalizerState; read it on the next call.
    let state: string | undefined;
    const viaFile: ColmSelectionResult[] = [];
    for (let step = 0; step < 3; step++) {
      const r = (await colmMethod.select(
        { features: features(step), sources },
        {
          budget: 6,
          sourceSizes,
          sparsity: 3,
          ...(state === undefined ? {} : { normalizer: state }),
        },
      )) as ColmSelectionResult;
      state = JSON.stringify(r.meta.normalizerState);
      viaFile.push(r);
    }
    const normalizer = new AdamNormalizer(8);
    for (let step = 0; step < 3; step++) {
      const r = await colmSelect(
        { features: features(step), sources },
        { budget: 6, sourceSizes, sparsity: 3, normalizer },
      );
      expect(Array.from(r.indices)).toEqual(Array.from(viaFile[step].indices));
      expect(r.meta.step).toBe(step);
    }
    expect(JSON.parse(state ?? '')).toEqual(normalizer.toJSON());
    // A state given as an object is not mutated.
    const frozen = normalizer.toJSON();
    await colmSelect(
      { features: features(9), sources },
      { budget: 6, sourceSizes, normalizer: frozen },
    );
    expect(frozen.step).toBe(3);
  });

  it('small sources from an explicit list override the size rule', async () => {
    const r = (await colmMethod.select(
      { features: features(1), sources },
      { budget: 6, smallSources: [3] },
    )) as ColmSelectionResult;
    expect(Array.from(r.meta.kept)).toEqual([11]);
    expect(r.indices[0]).toBe(11);
  });
});
