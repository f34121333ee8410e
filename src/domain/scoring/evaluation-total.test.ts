import { describe, expect, it } from 'vitest';
import { evaluationTotal, isValidScore } from './evaluation-total.js';

describe('evaluationTotal', () => {
  it('weighs each value by its weight over the sum of the weights (2023 umum weights)', () => {
    const weights = [10, 15, 5, 30, 20, 5, 15];
    const values = [80, 90, 70, 85, 60, 100, 75];
    const expected = weights.reduce((s, w, i) => s + w * values[i], 0) / 100;
    expect(evaluationTotal(weights.map((weight, i) => ({ weight, value: values[i] })))).toBe(
      Math.round(expected * 100) / 100,
    );
    expect(expected).toBe(78.75); // 8 + 13.5 + 3.5 + 25.5 + 12 + 5 + 11.25
  });

  it('normalises weights that do not sum to 100', () => {
    expect(
      evaluationTotal([
        { weight: 1, value: 90 },
        { weight: 1, value: 60 },
        { weight: 2, value: 30 },
      ]),
    ).toBe(52.5);
  });

  it('rounds to two decimals', () => {
    expect(
      evaluationTotal([
        { weight: 1, value: 100 },
        { weight: 1, value: 0 },
        { weight: 1, value: 0 },
      ]),
    ).toBe(33.33);
  });

  it('is null while a criterion has no value, or when every weight is 0', () => {
    expect(
      evaluationTotal([
        { weight: 10, value: 80 },
        { weight: 5, value: null },
      ]),
    ).toBeNull();
    expect(evaluationTotal([{ weight: 0, value: 80 }])).toBeNull();
  });

  it('refuses a value outside 0–100 and a negative weight', () => {
    expect(() => evaluationTotal([{ weight: 1, value: 101 }])).toThrow(RangeError);
    expect(() => evaluationTotal([{ weight: 1, value: -0.5 }])).toThrow(RangeError);
    expect(() => evaluationTotal([{ weight: -1, value: 50 }])).toThrow(RangeError);
  });

  it('isValidScore: the bounds are included, NaN and infinities are not', () => {
    expect([0, 100, 55.5].map(isValidScore)).toEqual([true, true, true]);
    expect([-1, 100.01, NaN, Infinity].map(isValidScore)).toEqual([false, false, false, false]);
  });
});
