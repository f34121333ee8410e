import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneSchema, optionalPhoneSchema } from './phone.js';
import { createUppBody } from './users.js';
import { profileBody } from './auth.js';
import { adminRequestFields } from './admin-requests.js';

/** The one phone rule: how people write Indonesian numbers → the stored "+62…" form, or refused (null). */
const TABLE: [typed: string, stored: string | null][] = [
  ['0812 7777 0001', '+6281277770001'],
  ['0812-7777-0001', '+6281277770001'],
  ['081277770001', '+6281277770001'],
  ['+62 812 7777 0001', '+6281277770001'],
  ['+62-812-7777-0001', '+6281277770001'],
  ['62 812 7777 0001', '+6281277770001'],
  ['+6281234567890', '+6281234567890'],
  ['  0812.7777.0001  ', '+6281277770001'],
  ['(021) 3456 7890', '+622134567890'],
  ['021-345-6789', '+62213456789'],
  ['0274 123456', '+62274123456'],
  ['0361 22334', '+6236122334'],
  // Refused: too short, too long, a 0 after the prefix, letters, another country, no prefix at all.
  ['0812 777', null],
  ['0812 7777 0001 2345', null],
  ['+62 0812 7777 0001', null],
  ['0812-abc', null],
  ['+65 6123 4567', null],
  ['812 7777 0001', null],
  ['12-34', null],
  ['', null],
  ['+', null],
  ['0812 7777 0001 ext 2', null],
];

describe('the one phone rule', () => {
  it.each(TABLE)('%j → %j', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
  });

  it.each(TABLE)('every form applies it the same way: %j', (typed, stored) => {
    const upp = createUppBody.safeParse({ email: 'a@b.go.id', name: 'A', unitId: 1, phone: typed });
    const profile = profileBody.safeParse({ name: 'A', position: 'B', phone: typed, locale: 'id' });
    const request = adminRequestFields.safeParse({
      institutionId: '1',
      name: 'A',
      position: 'B',
      email: 'a@b.go.id',
      phone: typed,
    });
    const required = phoneSchema().safeParse(typed);
    if (stored === null) {
      expect(required.success).toBe(false);
      expect(profile.success).toBe(false);
      expect(request.success).toBe(false);
      // The UPP account's phone is optional: blank is "no phone", anything else must pass the rule.
      expect(upp.success).toBe(typed.trim() === '');
    } else {
      expect(required.data).toBe(stored);
      expect(profile.data?.phone).toBe(stored);
      expect(request.data?.phone).toBe(stored);
      expect(upp.data?.phone).toBe(stored);
    }
  });

  it('names the rule in both languages with the stable code invalid_format', () => {
    const r = phoneSchema().safeParse('0812-abc');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ code: 'invalid_format' });
    expect(r.error!.issues[0]!.message).toBe(
      'Tulis nomor telepon Indonesia, mis. 0812 3456 7890 atau +62 812 3456 7890.|Write an Indonesian phone number, e.g. 0812 3456 7890 or +62 812 3456 7890.',
    );
    expect(optionalPhoneSchema().parse('  ')).toBeNull();
    expect(optionalPhoneSchema().parse(undefined)).toBeUndefined();
  });
});
