import { describe, expect, it } from 'vitest';
import type { CoresetMethod } from './method.js';
import { MethodRegistry } from './registry.js';

const firstK: CoresetMethod<{ n: number }, { k: number }> = {
  name: 'first-k',
  description: 'the first k rows',
  optionsSchema: { k: { type: 'integer', min: 1, required: true, description: 'rows' } },
  select: (_input, { k }) => ({ indices: Int32Array.from({ length: k }, (_, i) => i), meta: {} }),
};

describe('MethodRegistry', () => {
  it('registers, lists and runs methods', async () => {
    const registry = new MethodRegistry().register(firstK);
    expect(registry.names()).toEqual(['first-k']);
    expect(registry.has('first-k')).toBe(true);
    const result = await registry.get<{ n: number }, { k: number }>('first-k').select({ n: 5 }, { k: 2 });
    expect(Array.from(result.indices)).toEqual([0, 1]);
  });

  it('rejects duplicates, bad names, and unknown lookups with the known list', () => {
    const registry = new MethodRegistry().register(firstK);
    expect(() => registry.register(firstK)).toThrow(/already registered/);
    expect(() => registry.register({ ...firstK, name: 'First K' })).toThrow(/kebab-case/);
    expect(() => registry.get('nope')).toThrow('unknown method "nope"; known methods: first-k');
  });

  it('keeps registries independent (no global state)', () => {
    const a = new MethodRegistry().register(firstK);
    const b = new MethodRegistry();
    expect(a.has('first-k')).toBe(true);
    expect(b.has('first-k')).toBe(false);
  });
});
