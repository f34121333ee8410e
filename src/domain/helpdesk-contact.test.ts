import { describe, expect, it } from 'vitest';
import {
  EMPTY_HELPDESK,
  HELPDESK_HOURS_MAX,
  helpdeskProblems,
  normalizeHelpdesk,
  parseHelpdesk,
  type HelpdeskContact,
} from './helpdesk-contact.js';

const contact = (over: Partial<HelpdeskContact>): HelpdeskContact => ({ ...EMPTY_HELPDESK, ...over });
/** The problems of one contact after the normalization a save applies, as path → code. */
const codes = (c: HelpdeskContact) =>
  Object.fromEntries(Object.entries(helpdeskProblems(normalizeHelpdesk(c))).map(([k, v]) => [k, v.code]));

describe('the help contact of a competition', () => {
  it('is empty by default: every part null, no problem', () => {
    expect(EMPTY_HELPDESK).toEqual({ phone: null, email: null, whatsapp: null, hours: null });
    expect(codes(EMPTY_HELPDESK)).toEqual({});
  });

  it.each([
    // Mobiles and landlines with their area code, as people write them.
    ['0812 5555 0101', '+6281255550101'],
    ['0812-5555-0101', '+6281255550101'],
    ['+62 812 5555 0101', '+6281255550101'],
    ['(021) 739 8381', '+62217398381'],
    ['021-7398381', '+62217398381'],
    ['021 5555 0101', '+622155550101'],
    ['(0541) 736 452', '+62541736452'],
  ])('takes the phone %s and stores it as %s', (typed, stored) => {
    const c = normalizeHelpdesk(contact({ phone: typed, whatsapp: typed }));
    expect(c.phone).toBe(stored);
    expect(c.whatsapp).toBe(stored);
    expect(helpdeskProblems(c)).toEqual({});
  });

  it.each([['12345'], ['0812'], ['+1 202 555 0101'], ['telepon kami'], ['0812 5555 0101 ext 3']])(
    'refuses the phone and WhatsApp number %s with the one phone rule',
    (typed) => {
      const problems = helpdeskProblems(normalizeHelpdesk(contact({ phone: typed, whatsapp: typed })));
      expect(Object.keys(problems)).toEqual(['settings.helpdesk.phone', 'settings.helpdesk.whatsapp']);
      for (const p of Object.values(problems)) {
        expect(p.code).toBe('invalid_phone');
        expect(p.message.id).toContain('nomor telepon Indonesia');
        expect(p.message.en).toContain('Indonesian phone number');
      }
    },
  );

  it('takes a landline as the WhatsApp number (WhatsApp Business) and refuses a link', () => {
    // WhatsApp Business runs on landlines too: the number rule is the same as the phone's.
    expect(codes(contact({ whatsapp: '(021) 739 8381' }))).toEqual({});
    expect(codes(contact({ whatsapp: 'wa.me/6281255550101' }))).toEqual({
      'settings.helpdesk.whatsapp': 'invalid_phone',
    });
  });

  it.each([['bantuan@demo.sinovik.id'], ['  Helpdesk.KIPP@MenPAN.go.id  ']])(
    'takes the e-mail %s (trimmed, lower case)',
    (typed) => {
      const c = normalizeHelpdesk(contact({ email: typed }));
      expect(c.email).toBe(typed.trim().toLowerCase());
      expect(helpdeskProblems(c)).toEqual({});
    },
  );

  it.each([['bantuan'], ['bantuan@'], ['@demo.sinovik.id'], ['bantuan @demo.sinovik.id'], ['a@b']])(
    'refuses the e-mail %s',
    (typed) => {
      const problems = helpdeskProblems(normalizeHelpdesk(contact({ email: typed })));
      expect(Object.keys(problems)).toEqual(['settings.helpdesk.email']);
      expect(problems['settings.helpdesk.email'].code).toBe('invalid_email');
      expect(problems['settings.helpdesk.email'].message.id).toContain('e-mail');
      expect(problems['settings.helpdesk.email'].message.en).toContain('e-mail');
    },
  );

  it(`takes hours up to ${HELPDESK_HOURS_MAX} characters and refuses longer`, () => {
    expect(codes(contact({ hours: 'Senin–Jumat 08.00–16.00 WIB' }))).toEqual({});
    expect(codes(contact({ hours: 'x'.repeat(HELPDESK_HOURS_MAX) }))).toEqual({});
    const problems = helpdeskProblems(
      normalizeHelpdesk(contact({ hours: 'x'.repeat(HELPDESK_HOURS_MAX + 1) })),
    );
    expect(problems).toEqual({
      'settings.helpdesk.hours': {
        code: 'too_long',
        message: { id: 'Maksimal 120 karakter.', en: 'At most 120 characters.' },
      },
    });
  });

  it('empties blank parts to null and trims the hours', () => {
    expect(
      normalizeHelpdesk({ phone: '  ', email: '', whatsapp: '\t', hours: '  Senin–Jumat 08.00–16.00 WIB ' }),
    ).toEqual({ phone: null, email: null, whatsapp: null, hours: 'Senin–Jumat 08.00–16.00 WIB' });
  });

  it('reads a stored contact back; anything missing or malformed is null', () => {
    expect(parseHelpdesk(undefined)).toEqual(EMPTY_HELPDESK);
    expect(parseHelpdesk('0812')).toEqual(EMPTY_HELPDESK);
    expect(parseHelpdesk({ phone: '+62217398381', email: 7, whatsapp: null, hours: ['x'] })).toEqual({
      phone: '+62217398381',
      email: null,
      whatsapp: null,
      hours: null,
    });
  });
});
