import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email.js';

describe('normalizeEmail', () => {
  it('trims and lower-cases, so the address typed at sign-in finds the stored account', () => {
    expect(normalizeEmail('  Budi.Santoso@PemKot-Uji.go.id \n')).toBe('budi.santoso@pemkot-uji.go.id');
  });
  it('leaves a normalized address as it is', () => {
    expect(normalizeEmail('upp@contoh.go.id')).toBe('upp@contoh.go.id');
  });
});
