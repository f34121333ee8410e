import { t, type Text } from './errors.js';
import { formatInstant } from './time.js';

/*
 * Field verification (issue 13 point 3): what the verifier checks on the spot, and when a report is
 * complete. Pure: the module loads the finalist's form sections, answers and evidence and asks here.
 *
 * The checklist is drawn from the finalist's OWN claims. A claim is what can be seen or asked about at the
 * place of the service: that the innovation runs as described (implementation), its results and impact on
 * the beneficiaries (signifikansi), its resources, its sustainability (regulation, budget, people), its
 * replication (adaptabilitas, proses replikasi, faktor pembeda), what changed since an award (pembaruan)
 * and its evaluations. The summary, the background and the novelty are arguments, not facts a visit can
 * confirm, and are left out. A section that needs its own supporting document is always a claim, and each
 * evidence file the finalist uploaded is one claim of its own ("the original document exists and matches").
 * A form whose sections match none of the known keys (another organizer's form) takes every weighted
 * section, so no checklist is ever empty while the proposal has answers.
 */

export const FIELD_CLAIM_SECTION_KEYS: readonly string[] = [
  'implementasi',
  'signifikansi',
  'sumber_daya',
  'strategi_keberlanjutan',
  'adaptabilitas',
  'proses_replikasi',
  'faktor_pembeda',
  'pembaruan',
  'penguatan_keberlanjutan',
  'evaluasi',
];

export const FINDING_STATUSES = ['confirmed', 'partly', 'not_found'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const RECOMMENDATIONS = ['recommended', 'recommended_with_notes', 'not_recommended'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const VISIT_KINDS = ['open', 'closed'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** Photos: what a phone camera gives (JPEG; PNG, WebP, HEIC from some), at most 12 MB each, 40 per visit. */
export const FIELD_PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'];
export const FIELD_PHOTO_MAX_BYTES = 12 * 1024 * 1024;
export const FIELD_PHOTOS_PER_VISIT = 40;
/** A finding's note and the summary: long enough for a paragraph, short enough for a phone. */
export const FINDING_NOTE_MAX = 2000;
export const SUMMARY_MAX = 5000;

export interface ClaimSection {
  key: string;
  labelId: string;
  labelEn: string;
  weight: number;
  evidenceRequired: boolean;
  answer: string;
}

export interface ClaimEvidence {
  attachmentId: number;
  name: string;
  sectionLabelId: string | null;
  sectionLabelEn: string | null;
}

export interface Claim {
  key: string;
  kind: 'section' | 'evidence';
  label: Text;
  /** What the finalist wrote (a section), or the evidence file's name. */
  text: string;
}

const EXCERPT = 1200;
const excerpt = (s: string) => (s.length > EXCERPT ? `${s.slice(0, EXCERPT - 1)}…` : s);

/** The checklist of one finalist: its claims in the form's order, then its evidence files. */
export function claimsOf(sections: readonly ClaimSection[], evidence: readonly ClaimEvidence[]): Claim[] {
  const answered = sections.filter((s) => s.answer.trim() !== '');
  let picked = answered.filter((s) => FIELD_CLAIM_SECTION_KEYS.includes(s.key) || s.evidenceRequired);
  if (!picked.length) picked = answered.filter((s) => s.weight > 0);
  const claims: Claim[] = picked.map((s) => ({
    key: `section:${s.key}`,
    kind: 'section',
    label: t(s.labelId, s.labelEn),
    text: excerpt(s.answer.trim()),
  }));
  for (const e of evidence)
    claims.push({
      key: `evidence:${e.attachmentId}`,
      kind: 'evidence',
      label: e.sectionLabelId
        ? t(
            `Dokumen pendukung: ${e.sectionLabelId}`,
            `Supporting document: ${e.sectionLabelEn ?? e.sectionLabelId}`,
          )
        : t('Dokumen pendukung', 'Supporting document'),
      text: e.name,
    });
  return claims;
}

export interface FindingState {
  claimKey: string;
  status: FindingStatus | null;
}

/** What still stops a report from being submitted (empty: it may be submitted). */
export function submitProblems(input: {
  claims: readonly Claim[];
  findings: readonly FindingState[];
  recommendation: Recommendation | null;
  summary: string | null;
}): { field: string; code: string; message: Text }[] {
  const problems: { field: string; code: string; message: Text }[] = [];
  const done = new Set(input.findings.filter((f) => f.status !== null).map((f) => f.claimKey));
  const open = input.claims.filter((c) => !done.has(c.key));
  if (open.length)
    problems.push({
      field: 'findings',
      code: 'claims_unchecked',
      message: t(
        `${open.length} klaim belum diperiksa: ${open.map((c) => c.label.id).join('; ')}.`,
        `${open.length} claims not checked yet: ${open.map((c) => c.label.en).join('; ')}.`,
      ),
    });
  if (!input.recommendation)
    problems.push({
      field: 'recommendation',
      code: 'required',
      message: t('Pilih rekomendasi.', 'Choose a recommendation.'),
    });
  if (!input.summary?.trim())
    problems.push({
      field: 'summary',
      code: 'required',
      message: t('Tulis ringkasan hasil verifikasi.', 'Write a summary of the verification.'),
    });
  return problems;
}

export interface FindingCounts {
  confirmed: number;
  partly: number;
  notFound: number;
  unchecked: number;
}

/** Counts of the findings over the claims (a finding of a claim no longer listed is not counted). */
export function countFindings(
  claimKeys: readonly string[],
  findings: readonly FindingState[],
): FindingCounts {
  const by = new Map(findings.map((f) => [f.claimKey, f.status]));
  const counts: FindingCounts = { confirmed: 0, partly: 0, notFound: 0, unchecked: 0 };
  for (const k of claimKeys) {
    const s = by.get(k) ?? null;
    if (s === 'confirmed') counts.confirmed++;
    else if (s === 'partly') counts.partly++;
    else if (s === 'not_found') counts.notFound++;
    else counts.unchecked++;
  }
  return counts;
}

export const RECOMMENDATION_TEXT: Record<Recommendation, Text> = {
  recommended: t('Direkomendasikan', 'Recommended'),
  recommended_with_notes: t('Direkomendasikan dengan catatan', 'Recommended with notes'),
  not_recommended: t('Tidak direkomendasikan', 'Not recommended'),
};

export const VISIT_KIND_TEXT: Record<VisitKind, Text> = {
  open: t('Terbuka (diberitahukan kepada peserta)', 'Open (the participant is told)'),
  closed: t('Tertutup (tidak diberitahukan kepada peserta)', 'Closed (the participant is not told)'),
};

/**
 * Where a visit's instant stands against the field_verification stage's window (an end left open does not
 * bound): inside, or the refusal naming the window with its hours and zone (in the zone of the visit).
 */
export function visitWindowProblem(
  startsAt: string,
  window: { opensAt: string | null; closesAt: string | null },
  timeZone: string,
): { field: 'startsAt'; code: 'outside_field_window'; message: Text } | null {
  const at = Date.parse(startsAt);
  const opens = window.opensAt ? Date.parse(window.opensAt) : null;
  const closes = window.closesAt ? Date.parse(window.closesAt) : null;
  if ((opens === null || at >= opens) && (closes === null || at <= closes)) return null;
  const when = (locale: 'id' | 'en', iso: string | null) =>
    iso ? formatInstant(iso, timeZone, locale) : locale === 'id' ? 'tanpa batas' : 'open';
  const span = (locale: 'id' | 'en') => `${when(locale, window.opensAt)} – ${when(locale, window.closesAt)}`;
  return {
    field: 'startsAt',
    code: 'outside_field_window',
    message: t(
      `Waktu kunjungan harus di dalam tahap verifikasi lapangan: ${span('id')}.`,
      `The visit must take place within the field verification stage: ${span('en')}.`,
    ),
  };
}
