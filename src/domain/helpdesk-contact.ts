import { z } from 'zod';
import { normalizePhone } from '../contracts/phone.js';
import type { FieldProblem } from './errors.js';

/*
 * The help contact of a competition (issue 11): how participants reach the organizer's secretariat —
 * phone, e-mail, WhatsApp and office hours — kept in the competition's settings JSON
 * (`settings.helpdesk`), edited by the organizer, shown in the footer of the competition's pages. One
 * installation serves several organizers, so the contact belongs to the competition, not to the app.
 * Phones follow the one phone rule of the system (contracts/phone.ts, landlines with their area code
 * included) and are stored as it normalizes them ("+62…").
 */

export interface HelpdeskContact {
  /** "+62…" (contracts/phone.ts), or null. */
  phone: string | null;
  email: string | null;
  /** "+62…", or null; opened as https://wa.me/62… */
  whatsapp: string | null;
  /** Free text, e.g. "Senin–Jumat 08.00–16.00 WIB". */
  hours: string | null;
}

export const EMPTY_HELPDESK: Readonly<HelpdeskContact> = Object.freeze({
  phone: null,
  email: null,
  whatsapp: null,
  hours: null,
});

export const HELPDESK_HOURS_MAX = 120;
const EMAIL_MAX = 254;

/** A stored contact read back: each part a string or null (anything else reads as null). */
export function parseHelpdesk(raw: unknown): HelpdeskContact {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const part = (k: keyof HelpdeskContact) => (typeof o[k] === 'string' ? (o[k] as string) : null);
  return { phone: part('phone'), email: part('email'), whatsapp: part('whatsapp'), hours: part('hours') };
}

const blank = (v: string | null | undefined) => (v ?? '').trim() === '';
/** A valid number in the form "+62…"; anything else is kept as typed (trimmed) for the check to name. */
const phoneOf = (v: string | null | undefined) =>
  blank(v) ? null : (normalizePhone(v!.trim()) ?? v!.trim());

/** The contact as it is stored: trimmed, blank parts null, phones "+62…", the e-mail in lower case. */
export function normalizeHelpdesk(h: HelpdeskContact | null | undefined): HelpdeskContact {
  if (!h) return { ...EMPTY_HELPDESK };
  return {
    phone: phoneOf(h.phone),
    email: blank(h.email) ? null : h.email!.trim().toLowerCase(),
    whatsapp: phoneOf(h.whatsapp),
    hours: blank(h.hours) ? null : h.hours!.trim(),
  };
}

const p = (code: string, id: string, en: string): FieldProblem => ({ code, message: { id, en } });
const PHONE_PROBLEM = () =>
  p(
    'invalid_phone',
    'Tulis nomor telepon Indonesia, mis. (021) 739 8381 atau 0812 3456 7890.',
    'Write an Indonesian phone number, e.g. (021) 739 8381 or 0812 3456 7890.',
  );
const isEmail = (v: string) => v.length <= EMAIL_MAX && z.email().safeParse(v).success;

/** The problems of a normalized contact, keyed by the definition's field path (empty when valid). */
export function helpdeskProblems(h: HelpdeskContact): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const at = 'settings.helpdesk';
  if (h.phone !== null && normalizePhone(h.phone) === null) problems[`${at}.phone`] = PHONE_PROBLEM();
  if (h.email !== null && !isEmail(h.email))
    problems[`${at}.email`] = p(
      'invalid_email',
      'Tulis alamat e-mail yang valid, mis. bantuan@instansi.go.id.',
      'Write a valid e-mail address, e.g. help@agency.go.id.',
    );
  if (h.whatsapp !== null && normalizePhone(h.whatsapp) === null)
    problems[`${at}.whatsapp`] = PHONE_PROBLEM();
  if (h.hours !== null && h.hours.length > HELPDESK_HOURS_MAX)
    problems[`${at}.hours`] = p(
      'too_long',
      `Maksimal ${HELPDESK_HOURS_MAX} karakter.`,
      `At most ${HELPDESK_HOURS_MAX} characters.`,
    );
  return problems;
}
