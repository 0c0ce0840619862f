import { describe, expect, it } from 'vitest';
import { createSchedule } from './schedule.js';

describe('createSchedule', () => {
  it('warms up linearly, then follows the cosine from lr to minLearningRate at the last step', () => {
    const lr = createSchedule({ learningRate: 0.1, totalSteps: 12, warmupSteps: 2, minLearningRate: 0.001 });
    expect(lr(0)).toBeCloseTo(0.05, 15);
    expect(lr(1)).toBeCloseTo(0.1, 15);
    expect(lr(2)).toBeCloseTo(0.1, 15);
    // t = 7 − 2 = 5 of span 9: 0.001 + 0.099·(1 + cos(5π/9))/2.
    expect(lr(7)).toBeCloseTo(0.001 + (0.099 * (1 + Math.cos((5 * Math.PI) / 9))) / 2, 15);
    expect(lr(11)).toBeCloseTo(0.001, 15);
    const constant = createSchedule({ learningRate: 0.3, totalSteps: 5, schedule: 'constant' });
    expect([0, 4].map(constant)).toEqual([0.3, 0.3]);
    expect(createSchedule({ learningRate: 0.3, totalSteps: 1 })(0)).toBe(0.3);
  });

  it('validates its options', () => {
    expect(() => createSchedule({ learningRate: 0, totalSteps: 5 })).toThrow(/learningRate/);
    expect(() => createSchedule({ learningRate: 1, totalSteps: 5, warmupSteps: 5 })).toThrow(/warmupSteps/);
    expect(() => createSchedule({ learningRate: 1, totalSteps: 5, minLearningRate: 2 })).toThrow(/minLearningRate/);
    expect(() => createSchedule({ learningRate: 1, totalSteps: 5, schedule: 'step' as 'cosine' })).toThrow(/schedule/);
  });
});
