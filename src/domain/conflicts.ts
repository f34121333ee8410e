/*
 * Conflicts of interest between a reviewer (Tim Evaluasi or Tim Panel Independen) and the institution of a
 * proposal (issue 12 point 2). A reviewer never judges a proposal when any reason below holds:
 *
 * - own institution: the reviewer's affiliation is the proposal's institution, or its parent, or one of
 *   its children (a BUMD and the regional government that owns it, a ministry and its agency);
 * - a stored row (reviewer_conflicts): declared by the reviewer, set by the organizer, or found after an
 *   assignment;
 * - the competition's regional rule (`regionalConflict` in the competition's settings): 'same_province'
 *   (an evaluator whose affiliation is in province 32 does not judge institutions whose region code starts
 *   with 32) or 'same_regency' (the same within one regency, "32.01"). Region codes are hierarchical
 *   (idn-area-data: "32" province, "32.01" regency); an institution without a region (a ministry, a BUMN)
 *   never conflicts by region, nor does a reviewer without one.
 *
 * Only the stored rows are data; the other reasons follow from the profile and the registry, so a change
 * of either is seen at once. Pure: the assignment solver takes `conflictPredicate`/`conflictedInstitutions`.
 */

/** The competition's regional rule. */
export const REGIONAL_RULES = ['none', 'same_province', 'same_regency'] as const;
export type RegionalRule = (typeof REGIONAL_RULES)[number];
export const DEFAULT_REGIONAL_RULE: RegionalRule = 'none';

/** A stored value read back: a known rule, else the default (an older competition has none). */
export const parseRegionalRule = (v: unknown): RegionalRule =>
  (REGIONAL_RULES as readonly unknown[]).includes(v) ? (v as RegionalRule) : DEFAULT_REGIONAL_RULE;

export type StoredConflictSource = 'declared' | 'organizer' | 'found';

export interface StoredConflict {
  institutionId: number;
  source: StoredConflictSource;
  note: string | null;
}

/** What of a reviewer decides their conflicts. */
export interface ReviewerConflictFacts {
  affiliationInstitutionId: number | null;
  /** The region of the affiliation (idn-area-data code), or null. */
  regionCode: string | null;
  conflicts: readonly StoredConflict[];
}

/** What of a proposal's institution decides conflicts. */
export interface InstitutionFacts {
  id: number;
  regionCode: string | null;
  parentId: number | null;
}

/** The affiliation's own registry facts, to see a parent or child relation (optional). */
export type AffiliationFacts = InstitutionFacts | null;

export type ConflictReason =
  | { kind: 'own_institution' }
  | { kind: 'parent_institution' }
  | { kind: 'child_institution' }
  | { kind: StoredConflictSource; note: string | null }
  | { kind: 'same_province'; region: string }
  | { kind: 'same_regency'; region: string };

/** How many characters of a region code name its province and its regency ("32", "32.01"). */
const DEPTH: Record<Exclude<RegionalRule, 'none'>, number> = { same_province: 2, same_regency: 5 };

/**
 * The region both codes share at the rule's depth, or null. A code shorter than the depth is taken whole,
 * so under 'same_regency' a province's own government ("32") conflicts only with a reviewer of the same
 * province-level region ("32"), never with one of a regency in it.
 */
export function sharedRegion(rule: RegionalRule, reviewer: string | null, institution: string | null) {
  if (rule === 'none' || !reviewer || !institution) return null;
  const depth = DEPTH[rule];
  const a = reviewer.slice(0, depth);
  const b = institution.slice(0, depth);
  return a === b ? a : null;
}

/**
 * Every reason the reviewer may not judge a proposal of the institution (empty: no conflict). The
 * affiliation's registry facts, when given, add the parent/child reasons.
 */
export function conflictReasons(
  reviewer: ReviewerConflictFacts,
  institution: InstitutionFacts,
  rule: RegionalRule,
  affiliation: AffiliationFacts = null,
): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const own = reviewer.affiliationInstitutionId;
  if (own !== null) {
    if (own === institution.id) reasons.push({ kind: 'own_institution' });
    else if (institution.parentId === own) reasons.push({ kind: 'parent_institution' });
    else if (affiliation && affiliation.id === own && affiliation.parentId === institution.id)
      reasons.push({ kind: 'child_institution' });
  }
  for (const c of reviewer.conflicts)
    if (c.institutionId === institution.id) reasons.push({ kind: c.source, note: c.note });
  const region = sharedRegion(rule, reviewer.regionCode, institution.regionCode);
  if (region !== null && rule !== 'none') reasons.push({ kind: rule, region });
  return reasons;
}

export const inConflict = (
  reviewer: ReviewerConflictFacts,
  institution: InstitutionFacts,
  rule: RegionalRule,
  affiliation: AffiliationFacts = null,
): boolean => conflictReasons(reviewer, institution, rule, affiliation).length > 0;

/**
 * The predicate the assignment solver takes for one reviewer: true when the reviewer may not judge a
 * proposal of the institution. The stored rows are indexed once, so it is cheap per call.
 */
export function conflictPredicate(
  reviewer: ReviewerConflictFacts,
  rule: RegionalRule,
  affiliation: AffiliationFacts = null,
): (institution: InstitutionFacts) => boolean {
  const stored = new Set(reviewer.conflicts.map((c) => c.institutionId));
  const own = reviewer.affiliationInstitutionId;
  const ownParent = affiliation && affiliation.id === own ? affiliation.parentId : null;
  return (institution) =>
    stored.has(institution.id) ||
    (own !== null &&
      (own === institution.id || institution.parentId === own || ownParent === institution.id)) ||
    sharedRegion(rule, reviewer.regionCode, institution.regionCode) !== null;
}

/** The ids of the institutions (of those given) the reviewer may not judge. */
export function conflictedInstitutions(
  reviewer: ReviewerConflictFacts,
  institutions: readonly InstitutionFacts[],
  rule: RegionalRule,
  affiliation: AffiliationFacts = null,
): Set<number> {
  const blocked = conflictPredicate(reviewer, rule, affiliation);
  return new Set(institutions.filter(blocked).map((i) => i.id));
}

/** A reason in words (Bahasa Indonesia, English), for the team page and the assignment's report. */
export function reasonText(reason: ConflictReason): { id: string; en: string } {
  const note = 'note' in reason && reason.note ? reason.note : null;
  switch (reason.kind) {
    case 'own_institution':
      return { id: 'Instansi afiliasinya sendiri', en: 'Their own affiliated institution' };
    case 'parent_institution':
      return {
        id: 'Instansi di bawah instansi afiliasinya',
        en: 'An institution under their affiliated institution',
      };
    case 'child_institution':
      return {
        id: 'Instansi induk dari instansi afiliasinya',
        en: 'The parent of their affiliated institution',
      };
    case 'declared':
      return withNote({ id: 'Dinyatakan sendiri oleh penilai', en: 'Declared by the reviewer' }, note);
    case 'organizer':
      return withNote({ id: 'Ditetapkan oleh sekretariat', en: 'Set by the secretariat' }, note);
    case 'found':
      return withNote({ id: 'Ditemukan setelah penugasan', en: 'Found after the assignment' }, note);
    case 'same_province':
      return {
        id: `Satu provinsi dengan afiliasinya (wilayah ${reason.region})`,
        en: `Same province as their affiliation (region ${reason.region})`,
      };
    case 'same_regency':
      return {
        id: `Satu kabupaten/kota dengan afiliasinya (wilayah ${reason.region})`,
        en: `Same regency/city as their affiliation (region ${reason.region})`,
      };
  }
}

const withNote = (text: { id: string; en: string }, note: string | null) =>
  note ? { id: `${text.id}: ${note}`, en: `${text.en}: ${note}` } : text;
