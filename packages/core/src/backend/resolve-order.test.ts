import { describe, expect, it } from 'vitest';
import { isCoresetError } from '../errors/coreset-error.js';
import { BACKEND_CANDIDATES, installHint, resolveBackendRequest } from './resolve-order.js';

const packages = (prefer: unknown, env: Record<string, string | undefined> = {}) =>
  resolveBackendRequest(prefer, env).candidates.map((c) => c.packageName);

describe('resolveBackendRequest', () => {
  it('tries gpu, native cpu, wasm, cpu in that order by default', () => {
    const request = resolveBackendRequest(undefined, {});
    expect(request).toMatchObject({ preference: 'auto', source: 'default', explicit: false });
    expect(request.candidates.map((c) => c.packageName)).toEqual([
      '@tensorflow/tfjs-node-gpu',
      '@tensorflow/tfjs-node',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-cpu',
    ]);
    expect(request.candidates).toBe(BACKEND_CANDIDATES);
  });

  it('narrows to the packages of one backend when one is named', () => {
    expect(packages('tensorflow')).toEqual(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']);
    expect(packages('wasm')).toEqual(['@tensorflow/tfjs-backend-wasm']);
    expect(packages('cpu')).toEqual(['@tensorflow/tfjs-backend-cpu']);
  });

  it('reads CORESETS_BACKEND when no option is given, and treats an empty value as unset', () => {
    expect(resolveBackendRequest(undefined, { CORESETS_BACKEND: 'wasm' })).toMatchObject({
      preference: 'wasm',
      source: 'env',
      explicit: true,
    });
    expect(resolveBackendRequest(undefined, { CORESETS_BACKEND: '' })).toMatchObject({
      preference: 'auto',
      source: 'default',
    });
    expect(resolveBackendRequest(undefined, { CORESETS_BACKEND: 'auto' })).toMatchObject({
      preference: 'auto',
      source: 'env',
      explicit: false,
    });
  });

  it('lets the explicit option beat the environment, including an explicit auto', () => {
    expect(resolveBackendRequest('cpu', { CORESETS_BACKEND: 'wasm' })).toMatchObject({
      preference: 'cpu',
      source: 'option',
    });
    expect(packages('auto', { CORESETS_BACKEND: 'cpu' })).toHaveLength(4);
  });

  it('rejects unknown names, naming the option or the variable', () => {
    for (const [prefer, env, argument] of [
      ['gpu', {}, 'prefer'],
      ['CPU', {}, 'prefer'],
      [3, {}, 'prefer'],
      [undefined, { CORESETS_BACKEND: 'webgl' }, 'CORESETS_BACKEND'],
    ] as const) {
      try {
        resolveBackendRequest(prefer, env);
        expect.unreachable();
      } catch (error) {
        expect(isCoresetError(error, 'INVALID_ARGUMENT')).toBe(true);
        expect((error as { argument: string }).argument).toBe(argument);
      }
    }
  });

  it('gives an install command for each backend', () => {
    expect(installHint('tensorflow')).toContain('npm i @tensorflow/tfjs-node-gpu');
    expect(installHint('tensorflow')).toContain('npm i @tensorflow/tfjs-node`');
    expect(installHint('wasm')).toContain('npm i @tensorflow/tfjs-backend-wasm');
    expect(installHint('cpu')).toContain('npm i @tensorflow/tfjs-backend-cpu');
  });
});
