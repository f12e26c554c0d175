import { describe, expect, it } from 'vitest';
import { riskRating } from '../../src/cso/risk-matrix.js';

describe('riskRating', () => {
  it('looks risk up in the DCB matrix rather than multiplying', () => {
    expect(riskRating(1, 1)).toBe(1); // Minor × Very low
    expect(riskRating(5, 5)).toBe(5); // Catastrophic × Very high
    expect(riskRating(5, 1)).toBe(3); // Catastrophic × Very low
    expect(riskRating(1, 5)).toBe(3); // Minor × Very high
    expect(riskRating(4, 4)).toBe(4); // Major × High
    expect(riskRating(3, 3)).toBe(3); // Considerable × Medium
    expect(riskRating(2, 2)).toBe(2); // Significant × Low
  });

  it('refuses levels outside 1..5', () => {
    expect(() => riskRating(0, 3)).toThrow(RangeError);
    expect(() => riskRating(3, 6)).toThrow(RangeError);
  });
});
