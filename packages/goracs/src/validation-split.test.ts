import { describe, expect, it } from 'vitest';
import { splitValidation } from './validation-split.js';

describe('splitValidation', () => {
  it('splits into disjoint halves covering every row, reproducibly per seed', () => {
    const a = splitValidation(11, 7);
    expect(a.target.length).toBe(6);
    expect(a.heldOut.length).toBe(5);
    expect([...a.target, ...a.heldOut].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 11 }, (_, k) => k),
    );
    expect(splitValidation(11, 7)).toEqual(a);
    expect(splitValidation(11, 8)).not.toEqual(a);
  });

  it('stratifies by label', () => {
    const labels = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const { target } = splitValidation(10, 3, labels);
    expect(Array.from(target).filter((j) => labels[j] === 0).length).toBe(2);
    expect(Array.from(target).filter((j) => labels[j] === 1).length).toBe(3);
  });

  it('needs two rows', () => {
    expect(() => splitValidation(1, 0)).toThrowError(/at least 2/);
  });
});
