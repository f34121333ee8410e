import { AppError, invalidFields, t, type FieldProblem, type Text } from './errors.js';
import type { EligibilityItem } from './proposal-eligibility.js';
import { QUEUE_STATUSES, REASON_CODES } from '../contracts/admin-check.js';

export { QUEUE_STATUSES, REASON_CODES };

/*
 * The administrative check (issue 12 point 1; seed 000 step 3): the competition's checklist, the automatic
 * findings that help the secretariat fill it in, the decisions (passed and disqualified are staged until
 * the results are published; incomplete acts at once), the reasons for disqualifying, the claim that lets
 * several secretariat members share the queue, and what a completion request may name.
 *
 * Decisions kept here:
 * - A checklist item has a `finding`: which automatic check speaks for it (identity, evidence, title, copy,
 *   group). An item configured without one is judged by the human alone.
 * - The queue's status is read from the row, never stored twice: no outcome yet and round 1 → not checked;
 *   no outcome and round > 1 → completed and back ("dilengkapi"); otherwise the outcome.
 * - A completion request names items as "<kind>:<key>": `section:` (an answer of the form), `field:` (an
 *   identity field of the proposal), `evidence:` (the supporting files of a section, or `evidence:*` for
 *   those tied to none) and `checklist:` (an item of the checklist, for the record: it opens nothing to
 *   edit by itself). The admin lokal may change only what the request names.
 */

/** Which automatic finding helps with a checklist item. */
export type FindingKind = 'identity' | 'evidence' | 'title' | 'copy' | 'group';
export const FINDING_KINDS: readonly FindingKind[] = ['identity', 'evidence', 'title', 'copy', 'group'];

export interface ChecklistItem {
  key: string;
  label: Text;
  finding: FindingKind | null;
}

/** The KIPP template's checklist (kipp-reference §5: persyaratan administrasi). */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { key: 'identitas_lengkap', label: t('Identitas lengkap', 'Identity complete'), finding: 'identity' },
  {
    key: 'bukti_wajib',
    label: t('Bukti wajib ada dan terbaca', 'Required evidence present and readable'),
    finding: 'evidence',
  },
  { key: 'judul_layak', label: t('Judul layak', 'Title proper'), finding: 'title' },
  {
    key: 'bukan_salinan',
    label: t('Jawaban bukan salinan proposal lain', 'Answers not copied from another proposal'),
    finding: 'copy',
  },
  {
    key: 'ketentuan_kelompok',
    label: t('Ketentuan kelompok terpenuhi', "The group's rules are met"),
    finding: 'group',
  },
];

/**
 * The old copy finding's threshold (settings.copyThreshold): still parsed so stored settings stay valid, no
 * longer read since near-duplicate detection (issue 14 point 5) took the finding over (its thresholds are
 * domain/near-duplicates/thresholds.ts).
 */
export const DEFAULT_COPY_THRESHOLD = 0.6;

export interface AdminCheckSettings {
  checklist: readonly ChecklistItem[];
  copyThreshold: number;
}

const KEY = /^[a-z0-9_]{1,40}$/;

/**
 * The administrative stage's settings (`stages.settings` JSON): `checklist` as
 * [{ key, labelId, labelEn, finding? }] and `copyThreshold` (0.2–1). A malformed value takes the default,
 * so an existing competition works unchanged.
 */
export function parseAdminCheckSettings(json: string | null | undefined): AdminCheckSettings {
  let raw: Record<string, unknown> = {};
  try {
    const v = JSON.parse(json || '{}') as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) raw = v as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const list = Array.isArray(raw.checklist) ? raw.checklist : null;
  const items = list?.flatMap((i: unknown): ChecklistItem[] => {
    const o = (i ?? {}) as Record<string, unknown>;
    if (typeof o.key !== 'string' || !KEY.test(o.key)) return [];
    if (typeof o.labelId !== 'string' || typeof o.labelEn !== 'string') return [];
    const finding = FINDING_KINDS.includes(o.finding as FindingKind) ? (o.finding as FindingKind) : null;
    return [{ key: o.key, label: t(o.labelId, o.labelEn), finding }];
  });
  const unique = items && new Set(items.map((i) => i.key)).size === items.length;
  const threshold = raw.copyThreshold;
  return {
    checklist: items && items.length && unique ? items : DEFAULT_CHECKLIST,
    copyThreshold:
      typeof threshold === 'number' && threshold >= 0.2 && threshold <= 1
        ? threshold
        : DEFAULT_COPY_THRESHOLD,
  };
}

/** Why a proposal is disqualified (a fixed list; `lainnya` needs the text to say it). */
export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_LABELS: Record<ReasonCode, Text> = {
  usia_implementasi: t('Usia implementasi belum memenuhi', 'Implementation too recent'),
  tidak_lengkap: t('Persyaratan administrasi tidak lengkap', 'Administrative requirements incomplete'),
  tidak_dilengkapi: t('Tidak dilengkapi sampai batas waktu', 'Not completed by the deadline'),
  jawaban_asal: t('Jawaban tidak sesuai / asal-asalan', 'Answers not to the point'),
  judul_ganda: t('Judul ganda / salinan proposal lain', 'Duplicate title / copy of another proposal'),
  tidak_memenuhi_kelompok: t('Tidak memenuhi ketentuan kelompok', "Does not meet the group's rules"),
  lainnya: t('Lainnya', 'Other'),
};

/** Where a check is in the queue (read from the row). */
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export function queueStatus(row: { outcome: string | null; round: number }): QueueStatus {
  if (row.outcome === null) return row.round > 1 ? 'completed' : 'unchecked';
  return row.outcome as QueueStatus;
}

/** One mark of the checklist as recorded by a secretariat member. */
export interface ItemMark {
  ok: boolean | null;
  note?: string;
}

const NOTE_MAX = 1000;

/** The stored marks ('{}' when none; a malformed value reads as none). */
export function parseMarks(json: string | null | undefined): Record<string, ItemMark> {
  try {
    const v = JSON.parse(json || '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, ItemMark>) : {};
  } catch {
    return {};
  }
}

/**
 * The marks to store after a save: each key must be an item of the checklist (400 `validation_failed`
 * naming `items.<key>` otherwise), notes trimmed and at most 1,000 characters. Marks of keys not sent stay.
 */
export function mergeMarks(
  checklist: readonly ChecklistItem[],
  stored: Record<string, ItemMark>,
  sent: Record<string, ItemMark>,
): Record<string, ItemMark> {
  const fields: Record<string, FieldProblem> = {};
  const keys = new Set(checklist.map((i) => i.key));
  const out: Record<string, ItemMark> = {};
  for (const [k, v] of Object.entries(stored)) if (keys.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(sent)) {
    if (!keys.has(k)) {
      fields[`items.${k}`] = {
        code: 'unknown_item',
        message: t('Butir ini tidak ada pada daftar periksa.', 'This item is not on the checklist.'),
      };
      continue;
    }
    const note = v.note?.trim() ?? '';
    if (note.length > NOTE_MAX) {
      fields[`items.${k}.note`] = {
        code: 'too_long',
        message: t(
          `Catatan paling banyak ${NOTE_MAX} karakter.`,
          `A note is at most ${NOTE_MAX} characters.`,
        ),
      };
      continue;
    }
    out[k] = note ? { ok: v.ok, note } : { ok: v.ok };
  }
  if (Object.keys(fields).length) throw invalidFields(fields);
  return out;
}

/** Who holds a check: nobody (or an expired claim), the caller, or another member until `until`. */
export type ClaimHolder =
  { kind: 'free' } | { kind: 'mine' } | { kind: 'other'; userId: number; until: string };

export function claimHolder(
  row: { claimed_by: number | null; claimed_until: string | null },
  userId: number,
  now: Date,
): ClaimHolder {
  if (row.claimed_by === null || !row.claimed_until || Date.parse(row.claimed_until) <= now.getTime())
    return { kind: 'free' };
  if (row.claimed_by === userId) return { kind: 'mine' };
  return { kind: 'other', userId: row.claimed_by, until: row.claimed_until };
}

/** How long "Ambil berikutnya" holds a proposal for its taker. */
export const CLAIM_MINUTES = 20;

/** 409 `claimed_by_other`: another member holds it until `until` (formatted by the caller, with its zone). */
export const claimedByOther = (name: string, until: Text) =>
  new AppError(
    409,
    'claimed_by_other',
    t(
      `Proposal ini sedang diperiksa oleh ${name} sampai ${until.id}.`,
      `${name} is checking this proposal until ${until.en}.`,
    ),
    {},
    { claimedBy: name, claimedUntil: until },
  );

/** 409 `already_published`: the results were published, the decision stands. */
export const alreadyPublished = () =>
  new AppError(
    409,
    'already_published',
    t(
      'Hasil seleksi administrasi proposal ini sudah diumumkan; keputusannya tidak dapat diubah.',
      "This proposal's administrative result has been published; the decision cannot be changed.",
    ),
  );

/** The decision a member takes on one proposal. */
export type Decision =
  { outcome: 'passed' } | { outcome: 'disqualified'; reasonCode: ReasonCode; reasonText: string };

/** Checks a disqualification's reason: a text is needed (at least 10 characters, at most 2,000). */
export function checkReason(reasonCode: ReasonCode, reasonText: string): string {
  const text = reasonText.trim();
  if (text.length < 10 || text.length > 2000)
    throw invalidFields({
      reasonText: {
        code: text.length < 10 ? 'too_short' : 'too_long',
        message: t(
          'Tuliskan alasan diskualifikasi (10–2.000 karakter); alasan ini disampaikan kepada Admin Lokal.',
          'Write the reason for disqualifying (10–2,000 characters); the local admin is told it.',
        ),
      },
    });
  void reasonCode;
  return text;
}

/* ---------- Findings ---------- */

export interface Finding {
  /** true: nothing found against it; false: something found; null: the system cannot tell. */
  ok: boolean | null;
  notes: Text[];
}

export interface FindingsInput {
  /** Everything the eligibility rules list against the proposal now (proposals/eligibility.ts). */
  eligibility: readonly EligibilityItem[];
  /** Other received proposals of the competition with the same normalized title. */
  sameTitle: readonly { code: string; title: string }[];
  /** Answers of another proposal found similar to this one's. */
  /** The near-duplicate matches not dismissed: the other proposal's name, the kind and scores in words. */
  copies: readonly { other: Text; what: Text; confirmed: boolean }[];
}

const EVIDENCE_CODES = new Set(['evidence_required', 'section_evidence_required', 'attachment_required']);

/** The automatic findings per kind, from the existing rules (pure). */
export function findingsOf(input: FindingsInput): Record<FindingKind, Finding> {
  const of = (items: readonly EligibilityItem[]): Finding => ({
    ok: items.length === 0,
    notes: items.map((i) => i.message),
  });
  const e = input.eligibility;
  const evidence = e.filter((i) => EVIDENCE_CODES.has(i.code));
  const identity = e.filter((i) => i.kind === 'incomplete' && !EVIDENCE_CODES.has(i.code));
  const title = e.filter((i) => i.code === 'duplicate_title');
  const group = e.filter((i) => i.kind === 'ineligible' && i.code !== 'duplicate_title');
  const titleNotes = [
    ...title.map((i) => i.message),
    ...input.sameTitle.map((o) =>
      t(
        `Judul sama dengan proposal ${o.code} ("${o.title}").`,
        `Same title as proposal ${o.code} ("${o.title}").`,
      ),
    ),
  ];
  return {
    identity: of(identity),
    evidence: {
      ok: evidence.length === 0 ? null : false,
      notes: evidence.length
        ? evidence.map((i) => i.message)
        : [
            t(
              'Berkas bukti wajib ada; periksa apakah terbaca.',
              'The required evidence is attached; check that it is readable.',
            ),
          ],
    },
    title: { ok: titleNotes.length === 0, notes: titleNotes },
    copy: {
      ok: input.copies.length === 0,
      notes: input.copies.map((c) =>
        c.confirmed
          ? t(
              `Dikonfirmasi inovasi yang sama dengan ${c.other.id} (${c.what.id}).`,
              `Confirmed as the same innovation as ${c.other.en} (${c.what.en}).`,
            )
          : t(`Mirip dengan ${c.other.id} — ${c.what.id}.`, `Similar to ${c.other.en} — ${c.what.en}.`),
      ),
    },
    group: of(group),
  };
}

/* ---------- Completion requests ---------- */

/** The proposal's identity fields a completion request may open (the autosave's names). */
export const COMPLETABLE_FIELDS = [
  'title',
  'acronym',
  'categoryKey',
  'implementationStart',
  'innovatorKind',
  'innovatorNames',
  'contactName',
  'contactPhone',
  'contactEmail',
  'links',
] as const;
export type CompletableField = (typeof COMPLETABLE_FIELDS)[number];

export const FIELD_LABELS: Record<CompletableField, Text> = {
  title: t('Judul inovasi', 'Innovation title'),
  acronym: t('Akronim', 'Acronym'),
  categoryKey: t('Kategori', 'Category'),
  implementationStart: t('Tanggal mulai implementasi', 'Implementation start date'),
  innovatorKind: t('Jenis inovator', 'Innovator kind'),
  innovatorNames: t('Nama inovator', 'Innovator names'),
  contactName: t('Nama narahubung', 'Contact name'),
  contactPhone: t('Telepon narahubung', 'Contact phone'),
  contactEmail: t('E-mail narahubung', 'Contact e-mail'),
  links: t('Tautan', 'Links'),
};

/** What a completion request opens to the admin lokal. */
export interface CompletionScope {
  fields: Set<CompletableField>;
  sections: Set<string>;
  /** Section keys whose evidence may change ('*': the files tied to no section). */
  evidence: Set<string>;
  checklist: Set<string>;
}

const ITEM = /^(section|field|evidence|checklist):([A-Za-z0-9_*]{1,60})$/;

/**
 * Checks the items a completion request names against the proposal's form and the checklist (400 naming
 * `items.<i>` for an unknown one; at least one item) and returns them without repeats, in the order given.
 */
export function checkCompletionItems(
  items: readonly string[],
  known: { sections: readonly string[]; checklist: readonly string[] },
): string[] {
  const fields: Record<string, FieldProblem> = {};
  const out: string[] = [];
  items.forEach((item, i) => {
    const m = ITEM.exec(item);
    const ok =
      m !== null &&
      ((m[1] === 'section' && known.sections.includes(m[2])) ||
        (m[1] === 'evidence' && (m[2] === '*' || known.sections.includes(m[2]))) ||
        (m[1] === 'field' && (COMPLETABLE_FIELDS as readonly string[]).includes(m[2])) ||
        (m[1] === 'checklist' && known.checklist.includes(m[2])));
    if (!ok)
      fields[`items.${i}`] = {
        code: 'unknown_item',
        message: t(
          `"${item}" bukan bagian formulir, isian identitas, bukti, atau butir daftar periksa proposal ini.`,
          `"${item}" is not a form section, identity field, evidence or checklist item of this proposal.`,
        ),
      };
    else if (!out.includes(item)) out.push(item);
  });
  if (!items.length)
    fields.items = {
      code: 'required',
      message: t(
        'Sebutkan paling sedikit satu hal yang harus dilengkapi.',
        'Name at least one thing to complete.',
      ),
    };
  if (Object.keys(fields).length) throw invalidFields(fields);
  return out;
}

export function completionScope(items: readonly string[]): CompletionScope {
  const scope: CompletionScope = {
    fields: new Set(),
    sections: new Set(),
    evidence: new Set(),
    checklist: new Set(),
  };
  for (const item of items) {
    const m = ITEM.exec(item);
    if (!m) continue;
    if (m[1] === 'section') scope.sections.add(m[2]);
    else if (m[1] === 'evidence') scope.evidence.add(m[2]);
    else if (m[1] === 'checklist') scope.checklist.add(m[2]);
    else scope.fields.add(m[2] as CompletableField);
  }
  return scope;
}

/**
 * The fields of a completion save the request does not name: 403 `not_requested` with each one named
 * (`sections.<key>` for an answer), so nothing outside the request changes.
 */
export function assertOnlyRequested(
  scope: CompletionScope,
  sent: { fields: readonly string[]; sections: readonly string[] },
): void {
  const fields: Record<string, FieldProblem> = {};
  const message = t(
    'Bagian ini tidak diminta untuk dilengkapi; hanya bagian yang disebut dalam permintaan kelengkapan yang dapat diubah.',
    'This part was not requested; only the parts the completion request names can be changed.',
  );
  for (const f of sent.fields)
    if (!scope.fields.has(f as CompletableField)) fields[f] = { code: 'not_requested', message };
  for (const s of sent.sections)
    if (!scope.sections.has(s)) fields[`sections.${s}`] = { code: 'not_requested', message };
  if (Object.keys(fields).length)
    throw new AppError(
      403,
      'not_requested',
      t(
        'Hanya bagian yang diminta penyelenggara yang dapat diubah.',
        'Only the parts the organizer requested can be changed.',
      ),
      fields,
    );
}

/** The shortest and longest time a completion request may give (from the request). */
export const COMPLETION_MIN_HOURS = 24;
export const COMPLETION_MAX_DAYS = 30;

/** Checks a completion deadline against now (400 naming `deadlineAt`). */
export function checkCompletionDeadline(deadlineAt: string, now: Date): string {
  const at = Date.parse(deadlineAt);
  const min = now.getTime() + COMPLETION_MIN_HOURS * 3600_000;
  const max = now.getTime() + COMPLETION_MAX_DAYS * 86400_000;
  if (!Number.isFinite(at) || at < min || at > max)
    throw invalidFields({
      deadlineAt: {
        code: 'deadline_out_of_range',
        message: t(
          `Batas waktu kelengkapan paling cepat ${COMPLETION_MIN_HOURS} jam dan paling lambat ${COMPLETION_MAX_DAYS} hari dari sekarang.`,
          `The completion deadline must be at least ${COMPLETION_MIN_HOURS} hours and at most ${COMPLETION_MAX_DAYS} days from now.`,
        ),
      },
    });
  return new Date(at).toISOString();
}

/** 409 `completion_closed`: the deadline has passed (formatted by the caller with hour and zone). */
export const completionClosed = (deadline: string) =>
  new AppError(
    409,
    'completion_closed',
    t(
      `Batas waktu kelengkapan telah lewat (${deadline}); proposal tidak dapat dilengkapi lagi.`,
      `The completion deadline has passed (${deadline}); the proposal can no longer be completed.`,
    ),
    {},
    { deadline },
  );

export const completionOpen = (deadlineAt: string, now: Date) => Date.parse(deadlineAt) > now.getTime();

/** What an item of a completion request is called, in both languages. */
export function describeItem(
  item: string,
  known: { sections: readonly { key: string; label: Text }[]; checklist: readonly ChecklistItem[] },
): Text {
  const m = ITEM.exec(item);
  if (!m) return t(item, item);
  const section = (key: string) => known.sections.find((s) => s.key === key)?.label ?? t(key, key);
  switch (m[1]) {
    case 'section': {
      const l = section(m[2]);
      return t(`Jawaban bagian "${l.id}"`, `The answer to "${l.en}"`);
    }
    case 'evidence': {
      if (m[2] === '*') return t('Bukti dukung umum', 'General supporting evidence');
      const l = section(m[2]);
      return t(`Bukti dukung bagian "${l.id}"`, `Supporting evidence for "${l.en}"`);
    }
    case 'field': {
      const l = FIELD_LABELS[m[2] as CompletableField] ?? t(m[2], m[2]);
      return t(`Isian "${l.id}"`, `The field "${l.en}"`);
    }
    default: {
      const l = known.checklist.find((c) => c.key === m[2])?.label ?? t(m[2], m[2]);
      return t(`Butir periksa: ${l.id}`, `Checklist item: ${l.en}`);
    }
  }
}
