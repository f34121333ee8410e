import { expect, it } from 'vitest';
import { checkPassword } from '../src/domain/password-policy.js';
import { DEMO_PASSWORD } from '../src/seed/index.js';

// Moved from src/domain/password-policy.test.ts, whose table it was a row of (the domain's tests import no seed).
it("the README's demo password still passes the password policy", () => {
  const person = { email: 'budi.santoso@pemkot-uji.go.id', name: 'Budi Santoso' };
  expect(checkPassword(DEMO_PASSWORD, person)?.code ?? null).toBe(null);
});
