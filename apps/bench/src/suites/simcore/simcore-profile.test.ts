import { describe, expect, it } from 'vitest';
import { FULL_SIMCORE_PROFILE, QUICK_SIMCORE_PROFILE, armKey, precisionThreshold, selectionKey, simcoreProfile, simcoreUnits } from './simcore-profile.js';

describe('simcore profile', () => {
  it('quick is selection only with pixel features; full trains every arm', () => {
    expect(simcoreProfile(true)).toBe(QUICK_SIMCORE_PROFILE);
    expect(QUICK_SIMCORE_PROFILE.trainArms).toBe(false);
    expect(QUICK_SIMCORE_PROFILE.retrieval).toBe('pixels');
    expect(FULL_SIMCORE_PROFILE.retrieval).toBe('ssl');
    // K ≈ |X| / 50 as the spec suggests.
    expect(FULL_SIMCORE_PROFILE.clusters).toBe((FULL_SIMCORE_PROFILE.perClass * FULL_SIMCORE_PROFILE.targetClasses.length) / 50);
  });

  it('counts one unit per selection and per open-set arm', () => {
    expect(simcoreUnits(QUICK_SIMCORE_PROFILE, 2)).toBe(2);
    expect(simcoreUnits(FULL_SIMCORE_PROFILE, 3)).toBe(15);
  });

  it('keys cells by seed', () => {
    expect(selectionKey(2)).toBe('seed2:selection');
    expect(armKey(1, 'simcore-stop')).toBe('seed1:arm:simcore-stop');
  });

  it('puts the precision threshold halfway from the base rate to 1', () => {
    expect(precisionThreshold(0.4)).toBeCloseTo(0.7, 12);
    expect(precisionThreshold(0)).toBe(0.5);
  });
});
