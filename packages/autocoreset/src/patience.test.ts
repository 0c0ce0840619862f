import { describe, expect, it } from 'vitest';
import { PatienceTracker } from './patience.js';

describe('PatienceTracker', () => {
  it('spec vector: initial sums [10, 12, 11], then 9, 9.5, 9.2, 10, 9.1, 9.05 → stops on the 6th', () => {
    const tracker = new PatienceTracker([10, 12, 11], 5);
    expect(tracker.opt).toBe(12);
    const stops = [9, 9.5, 9.2, 10, 9.1, 9.05].map((c) => tracker.push(c));
    expect(stops).toEqual([false, false, false, false, false, true]);
    expect(tracker.opt).toBe(9);
  });

  it('an improvement resets the counter', () => {
    const tracker = new PatienceTracker([5], 2);
    expect(tracker.push(6)).toBe(false);
    expect(tracker.push(4)).toBe(false);
    expect(tracker.counter).toBe(0);
    expect(tracker.push(4)).toBe(false);
    expect(tracker.push(4.5)).toBe(true);
  });
});
