import { AppError, t, type Text } from './errors.js';
import { formatInstant } from './time.js';
import { normalizePhone } from '../contracts/phone.js';

/*
 * Pure rules of a proposal's content: counting words the way a reader of Indonesian text would, the
 * readable proposal ID, and what is still missing before it may be sent.
 */

/**
 * Words in a text: whitespace-separated tokens that hold at least one letter or digit, so punctuation on
 * its own ("-", "—", "•", "...") is not a word while "anak-anak", "e-KTP" and "2.500" each count once.
 */
export function countWords(text: string | null | undefined): number {
  if (!text) return 0;
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}
/** A word: a whitespace-separated run with a letter or digit in it (one pass, no token array). */
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

/** "KIPP-2026-00042": the competition's code, its year, and the sequence within it (5 digits). */
export function proposalCode(competitionCode: string, year: number, seq: number): string {
  return `${competitionCode}-${year}-${String(seq).padStart(5, '0')}`;
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(v: string): boolean {
  if (!DATE_PATTERN.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export interface ProposalContent {
  title: string;
  acronym: string | null;
  categoryId: number | null;
  implementationStart: string | null;
  innovatorKind: 'person' | 'team' | null;
  innovatorNames: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  declarationAccepted: boolean;
}

export interface FormSectionRule {
  key: string;
  labelId: string;
  labelEn: string;
  wordLimit: number | null;
  required: boolean;
}

export type MissingCode =
  | 'field_required'
  | 'field_invalid'
  | 'field_rejected'
  | 'section_empty'
  | 'section_over_limit'
  | 'declaration_required';

export interface MissingItem {
  code: MissingCode;
  /** The form field ("title", "contactEmail", "declarationAccepted") or "sections.<key>". */
  field: string;
  sectionKey: string | null;
  message: Text;
}

const IDENTITY_FIELDS: { field: keyof ProposalContent; label: Text }[] = [
  { field: 'title', label: t('Judul inovasi', 'Title of the innovation') },
  { field: 'acronym', label: t('Akronim', 'Acronym') },
  { field: 'categoryId', label: t('Kategori', 'Category') },
  { field: 'implementationStart', label: t('Tanggal mulai implementasi', 'Implementation start date') },
  { field: 'innovatorKind', label: t('Jenis inovator (perorangan/tim)', 'Innovator (person or team)') },
  { field: 'innovatorNames', label: t('Nama inovator', 'Name(s) of the innovator(s)') },
  { field: 'contactName', label: t('Nama narahubung', 'Contact name') },
  { field: 'contactPhone', label: t('Telepon narahubung', 'Contact phone') },
  { field: 'contactEmail', label: t('E-mail narahubung', 'Contact e-mail') },
];

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim());

/** The editor's names of the fields an autosave may refuse that are not identity fields above. */
const OTHER_FIELDS: Record<string, Text> = {
  declarationAccepted: t('Pernyataan kebenaran data', 'Declaration'),
  sourceAwardId: t('Inovasi sumber', 'Source innovation'),
  links: t('Tautan', 'A link'),
  answers: t('Isian bagian', 'Section answers'),
};

/**
 * What an autosave refused and is not stored (keyed "title", "links.0", "sections.<key>", "answers.1"), as
 * items of the checklist: sending would drop what was typed there, so each must be put right first.
 */
export function rejectedItems(
  rejected: Readonly<Record<string, { code: string; message: Text; value?: unknown }>>,
  sections: readonly FormSectionRule[],
): MissingItem[] {
  return Object.entries(rejected).map(([field, r]) => {
    const sectionKey = field.startsWith('sections.') ? field.slice('sections.'.length) : null;
    const section = sectionKey === null ? undefined : sections.find((s) => s.key === sectionKey);
    const linkLabel = (r.value as { label?: unknown } | null | undefined)?.label;
    const head = field.split('.')[0];
    const label: Text | undefined = section
      ? t(`Bagian "${section.labelId}"`, `Section "${section.labelEn}"`)
      : field.startsWith('links.') && typeof linkLabel === 'string'
        ? t(`Tautan "${linkLabel}"`, `Link "${linkLabel}"`)
        : (IDENTITY_FIELDS.find(
            (f) => f.field === head || (head === 'categoryKey' && f.field === 'categoryId'),
          )?.label ?? OTHER_FIELDS[head]);
    return {
      code: 'field_rejected' as const,
      field,
      sectionKey,
      message: label
        ? t(`${label.id} belum tersimpan: ${r.message.id}`, `${label.en} is not saved: ${r.message.en}`)
        : t(`Isian belum tersimpan: ${r.message.id}`, `A field is not saved: ${r.message.en}`),
    };
  });
}

/**
 * Everything that stops a proposal from being sent, in form order: identity fields, each required section
 * (empty) and each section over its word limit (named in both languages), and the declaration.
 * An empty list means complete.
 */
export function missingItems(
  content: ProposalContent,
  sections: readonly FormSectionRule[],
  answers: ReadonlyMap<string, string>,
  /** Word counts already known (stored with each answer); a section not in it is counted from its text. */
  wordCounts?: ReadonlyMap<string, number>,
): MissingItem[] {
  const items: MissingItem[] = [];
  for (const { field, label } of IDENTITY_FIELDS) {
    const value = content[field];
    if (blank(value)) {
      items.push({
        code: 'field_required',
        field,
        sectionKey: null,
        message: t(`${label.id} wajib diisi.`, `${label.en} is required.`),
      });
    } else if (field === 'contactEmail' && !EMAIL_PATTERN.test(String(value).trim())) {
      items.push({
        code: 'field_invalid',
        field,
        sectionKey: null,
        message: t(`${label.id} tidak valid.`, `${label.en} is not valid.`),
      });
    } else if (field === 'contactPhone' && normalizePhone(String(value)) === null) {
      // The one phone rule of every form (contracts/phone.ts); the draft keeps what was typed.
      items.push({
        code: 'field_invalid',
        field,
        sectionKey: null,
        message: t(
          `${label.id} tidak valid: tulis nomor Indonesia, mis. 0812 3456 7890.`,
          `${label.en} is not valid: write an Indonesian number, e.g. 0812 3456 7890.`,
        ),
      });
    } else if (field === 'implementationStart' && !isCalendarDate(String(value))) {
      items.push({
        code: 'field_invalid',
        field,
        sectionKey: null,
        message: t(`${label.id} tidak valid.`, `${label.en} is not valid.`),
      });
    }
  }
  for (const s of sections) {
    const words = wordCounts?.get(s.key) ?? countWords(answers.get(s.key));
    if (s.required && words === 0) {
      items.push({
        code: 'section_empty',
        field: `sections.${s.key}`,
        sectionKey: s.key,
        message: t(`Bagian "${s.labelId}" belum diisi.`, `Section "${s.labelEn}" is empty.`),
      });
    } else if (s.wordLimit !== null && words > s.wordLimit) {
      items.push({
        code: 'section_over_limit',
        field: `sections.${s.key}`,
        sectionKey: s.key,
        message: t(
          `Bagian "${s.labelId}" berisi ${words} kata; maksimal ${s.wordLimit} kata.`,
          `Section "${s.labelEn}" has ${words} words; at most ${s.wordLimit}.`,
        ),
      });
    }
  }
  if (!content.declarationAccepted)
    items.push({
      code: 'declaration_required',
      field: 'declarationAccepted',
      sectionKey: null,
      message: t(
        'Pernyataan kebenaran data belum disetujui.',
        'The declaration that the data is true has not been accepted.',
      ),
    });
  return items;
}

/**
 * Whether proposals may still be created or changed at `now` by the server clock: the competition must be
 * published (for a new proposal) and the submission stage open. Returns the 409 to answer, or null. The
 * closing instant is named with its hour and zone in both languages.
 */
export function submissionRefusal(
  c: { status: string; opensAt: string | null; closesAt: string | null; timeZone: string },
  now: Date,
  creating: boolean,
): AppError | null {
  if (creating && c.status !== 'published')
    return new AppError(
      409,
      'submission_closed',
      t('Kompetisi ini belum dibuka untuk pengajuan.', 'This competition is not open for submissions.'),
    );
  if (c.closesAt && now.getTime() >= Date.parse(c.closesAt)) {
    const id = formatInstant(c.closesAt, c.timeZone, 'id');
    const en = formatInstant(c.closesAt, c.timeZone, 'en');
    return new AppError(
      409,
      'submission_closed',
      t(`Pengajuan proposal telah ditutup pada ${id}.`, `Proposal submission closed on ${en}.`),
      {},
      { closesAt: c.closesAt },
    );
  }
  if (creating && (!c.opensAt || now.getTime() < Date.parse(c.opensAt))) {
    const when = c.opensAt
      ? t(
          ` pada ${formatInstant(c.opensAt, c.timeZone, 'id')}`,
          ` on ${formatInstant(c.opensAt, c.timeZone, 'en')}`,
        )
      : t('', '');
    return new AppError(
      409,
      'submission_not_open',
      t(`Pengajuan proposal belum dibuka${when.id}.`, `Proposal submission is not open yet${when.en}.`),
    );
  }
  return null;
}
