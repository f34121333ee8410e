import { z } from 'zod';
import { normalizePhone } from '../contracts/phone.js';
import { conflict, t, type FieldProblem } from './errors.js';
import type { ProposalState } from './proposal-workflow.js';

/*
 * The owner's side of the gallery (issue 14 points 1 and 4), pure: which proposals an institution may
 * make public by consent, the contact for replication, and the status the gallery shows from the yearly
 * confirmations. Who may act is the policy's (`galleryOwner.manage`: the admin lokal of the proposal's
 * institution); the store is modules/gallery-owner.
 */

/**
 * The states of a proposal that may be consented into the gallery: it reached the competition (forwarded
 * by its admin lokal, received, at or past the administrative check) and was not taken out of it.
 * Never a draft, one only sent to (or returned by) the admin lokal, a withdrawn or a disqualified one. A
 * finalist is public already by the competition's rules (basis `finalist`).
 */
export const CONSENTABLE_STATES: readonly ProposalState[] = [
  'forwarded',
  'received',
  'frozen',
  'incomplete',
  'passed_admin',
];

export type ConsentRefusal = 'finalist' | 'state' | 'results_not_published';

/** Why a proposal may not be consented into the gallery, or null when it may. */
export function consentRefusal(p: {
  state: ProposalState;
  resultsPublished: boolean;
}): ConsentRefusal | null {
  if (p.state === 'finalist') return 'finalist';
  if (!CONSENTABLE_STATES.includes(p.state)) return 'state';
  if (!p.resultsPublished) return 'results_not_published';
  return null;
}

/** The 409 for a refusal, in both languages. */
export function consentRefused(reason: ConsentRefusal) {
  switch (reason) {
    case 'finalist':
      return conflict(
        'gallery_finalist_public',
        t(
          'Inovasi ini finalis: tampil di galeri menurut ketentuan kompetisi, tanpa persetujuan dan tidak dapat ditarik.',
          'This innovation is a finalist: it is public by the competition’s rules, without consent, and cannot be withdrawn.',
        ),
      );
    case 'state':
      return conflict(
        'gallery_not_consentable',
        t(
          'Hanya proposal yang sudah diteruskan ke kompetisi (bukan draf, ditarik, atau didiskualifikasi) yang dapat ditampilkan di galeri.',
          'Only a proposal that reached the competition (not a draft, withdrawn or disqualified) can be shown in the gallery.',
        ),
      );
    case 'results_not_published':
      return conflict(
        'results_not_published',
        t(
          'Hasil kompetisi ini belum diumumkan: persetujuan tampil di galeri dapat diberikan setelah hasil diumumkan.',
          'This competition’s results have not been published: consent can be given once they are.',
        ),
      );
  }
}

// ---- The contact for replication ----

export interface ReplicationContact {
  name: string | null;
  position: string | null;
  email: string | null;
  /** "+62…" once valid. */
  phone: string | null;
}

export const CONTACT_TEXT_MAX = 160;
const EMAIL_MAX = 254;
const blank = (v: string | null | undefined) => (v ?? '').trim() === '';
const p = (code: string, id: string, en: string): FieldProblem => ({ code, message: { id, en } });

/** Trimmed, blank parts null, the e-mail in lower case, a valid phone as "+62…" (else as typed). */
export function normalizeContact(c: Partial<ReplicationContact>): ReplicationContact {
  const text = (v: string | null | undefined) => (blank(v) ? null : v!.trim());
  const phone = text(c.phone);
  return {
    name: text(c.name),
    position: text(c.position),
    email: blank(c.email) ? null : c.email!.trim().toLowerCase(),
    phone: phone === null ? null : (normalizePhone(phone) ?? phone),
  };
}

/** Whether nothing is set (the contact is cleared). */
export const contactEmpty = (c: ReplicationContact) =>
  c.name === null && c.position === null && c.email === null && c.phone === null;

/** The problems of a normalized contact by field (empty when valid): any part set needs an e-mail or a phone. */
export function contactProblems(c: ReplicationContact): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const k of ['name', 'position'] as const)
    if (c[k] !== null && c[k]!.length > CONTACT_TEXT_MAX)
      out[k] = p(
        'too_long',
        `Maksimal ${CONTACT_TEXT_MAX} karakter.`,
        `At most ${CONTACT_TEXT_MAX} characters.`,
      );
  if (c.email !== null && !(c.email.length <= EMAIL_MAX && z.email().safeParse(c.email).success))
    out.email = p(
      'invalid_email',
      'Tulis alamat e-mail yang valid, mis. inovasi@instansi.go.id.',
      'Write a valid e-mail address, e.g. innovation@agency.go.id.',
    );
  if (c.phone !== null && normalizePhone(c.phone) === null)
    out.phone = p(
      'invalid_phone',
      'Tulis nomor telepon Indonesia, mis. 0812 3456 7890 atau (021) 739 8381.',
      'Write an Indonesian phone number, e.g. 0812 3456 7890 or (021) 739 8381.',
    );
  if (!contactEmpty(c) && c.email === null && c.phone === null)
    out.email = p(
      'email_or_phone_required',
      'Isi e-mail atau nomor telepon agar instansi lain dapat menghubungi.',
      'Give an e-mail or a phone number so other institutions can get in touch.',
    );
  return out;
}

// ---- The yearly status ----

export const STATUS_REASON_MAX = 1000;

/** When the yearly prompt goes out, in WIB (UTC+7): month 1–12, day, hour, minute. */
export interface PromptDate {
  month: number;
  day: number;
  hour: number;
  minute: number;
}
export const DEFAULT_PROMPT_DATE: PromptDate = { month: 1, day: 15, hour: 8, minute: 0 };
const WIB_OFFSET_MS = 7 * 3600_000;

/** The calendar year in WIB of an instant (the year a confirmation counts for). */
export const wibYear = (now: Date): number => new Date(now.getTime() + WIB_OFFSET_MS).getUTCFullYear();

/** The instant of the year's prompt. */
export const promptInstant = (year: number, d: PromptDate): Date =>
  new Date(Date.UTC(year, d.month - 1, d.day, d.hour, d.minute) - WIB_OFFSET_MS);

/** Reads "MM-DDTHH:MM" (WIB), e.g. "01-15T08:00"; null when it is not one. */
export function parsePromptDate(raw: string): PromptDate | null {
  const m = /^(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const [month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || day < 1) return null;
  // A day every year has (no 29 February).
  if (day > new Date(Date.UTC(2025, month, 0)).getUTCDate()) return null;
  return { month, day, hour, minute };
}

export type StatusShown = 'continuing' | 'halted' | 'unconfirmed';

export interface ShownStatus {
  status: StatusShown;
  /** The last year confirmed; the competition's year when nothing was confirmed yet. */
  year: number;
  /** Whether `year` is a confirmation (false: the competition's year stands in). */
  confirmed: boolean;
  /** The reason of a halt. */
  reason: string | null;
  /** Whether this year's confirmation is due (the prompt went out and it is missing). */
  due: boolean;
}

/**
 * The status the gallery shows. The confirmation of the current (WIB) year when there is one; else, once
 * this year's prompt date has passed for an innovation of an earlier year's competition, "unconfirmed";
 * else the last confirmation (a halt stays a halt), or continuing as of its competition's year.
 */
export function shownStatus(input: {
  competitionYear: number;
  confirmations: readonly { year: number; status: 'continuing' | 'halted'; reason: string | null }[];
  now: Date;
  prompt: PromptDate;
}): ShownStatus {
  const year = wibYear(input.now);
  const last = [...input.confirmations].sort((a, b) => b.year - a.year)[0];
  const thisYear = last && last.year === year ? last : undefined;
  const due =
    !thisYear &&
    input.competitionYear < year &&
    input.now.getTime() >= promptInstant(year, input.prompt).getTime();
  if (thisYear)
    return { status: thisYear.status, year, confirmed: true, reason: thisYear.reason, due: false };
  if (due)
    return {
      status: 'unconfirmed',
      year: last?.year ?? input.competitionYear,
      confirmed: last !== undefined,
      reason: last?.status === 'halted' ? last.reason : null,
      due,
    };
  if (last) return { status: last.status, year: last.year, confirmed: true, reason: last.reason, due };
  return { status: 'continuing', year: input.competitionYear, confirmed: false, reason: null, due };
}

/** A halt needs its reason; a continuing confirmation keeps none. */
export function statusProblems(s: { status: 'continuing' | 'halted'; reason: string | null }) {
  const out: Record<string, FieldProblem> = {};
  const reason = (s.reason ?? '').trim();
  if (s.status === 'halted' && !reason)
    out.reason = p(
      'reason_required',
      'Tuliskan alasan inovasi ini berhenti.',
      'Write why this innovation has halted.',
    );
  if (reason.length > STATUS_REASON_MAX)
    out.reason = p(
      'too_long',
      `Maksimal ${STATUS_REASON_MAX} karakter.`,
      `At most ${STATUS_REASON_MAX} characters.`,
    );
  return out;
}
