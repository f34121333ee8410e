/*
 * The arithmetic the scores share: rounding to the two decimals a score is shown and stored with, the mean
 * and the median, and the number formats of the explanations (Indonesian decimal comma, English point).
 */

/** Rounds half up to two decimals (the stored and shown precision of a total or a score). */
export const round2 = (x: number): number => Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;

export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The median; for an even count the mean of the two middle values. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Population standard deviation (the spread of the values themselves, not an estimate of a larger set). */
export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}

/** 76.25 → "76,25" (Bahasa Indonesia) */
export const numId = (x: number): string => round2(x).toFixed(2).replace('.', ',');
/** 76.25 → "76.25" (English) */
export const numEn = (x: number): string => round2(x).toFixed(2);
/** A list of totals in each language: "80,00; 72,50" and "80.00, 72.50". */
export const listId = (xs: readonly number[]): string => xs.map(numId).join('; ');
export const listEn = (xs: readonly number[]): string => xs.map(numEn).join(', ');
