import { t, type FieldProblem } from './errors.js';

/*
 * A reviewer's profile in one competition (issue 12 point 2), checked before it is saved: what is
 * required and which keys and institutions must exist. Pure: the caller looks the facts up.
 */

export interface ProfileInput {
  affiliationInstitutionId?: number | null;
  affiliationName?: string | null;
  regionCode?: string | null;
  expertise: string[];
  conflicts: { institutionId: number; note?: string | null }[];
}

export interface ProfileFacts {
  /** The competition's category keys. */
  categoryKeys: readonly string[];
  /** The institutions of the input that exist in the registry, with their region. */
  institutions: ReadonlyMap<number, { regionCode: string | null; name: string }>;
}

export interface CheckedProfile {
  affiliationInstitutionId: number | null;
  affiliationName: string;
  regionCode: string | null;
  expertise: string[];
  /** One per institution (the first note kept), in the order given. */
  conflicts: { institutionId: number; note: string | null }[];
}

/** The profile to store, or the problems per field (Bahasa Indonesia and English). */
export function checkProfile(
  input: ProfileInput,
  facts: ProfileFacts,
): { ok: true; profile: CheckedProfile } | { ok: false; fields: Record<string, FieldProblem> } {
  const fields: Record<string, FieldProblem> = {};
  const institutionId = input.affiliationInstitutionId ?? null;
  const affiliation = institutionId !== null ? facts.institutions.get(institutionId) : undefined;
  if (institutionId !== null && !affiliation)
    fields.affiliationInstitutionId = {
      code: 'unknown_institution',
      message: t('Instansi tidak ditemukan di daftar instansi.', 'Institution not found in the registry.'),
    };
  const name = input.affiliationName?.trim() || affiliation?.name || '';
  if (institutionId === null && !name)
    fields.affiliationName = {
      code: 'affiliation_required',
      message: t(
        'Pilih instansi afiliasi dari daftar atau tuliskan namanya (mis. universitas).',
        'Choose your affiliation from the registry or type its name (e.g. a university).',
      ),
    };
  const expertise = [...new Set(input.expertise)];
  if (expertise.length === 0)
    fields.expertise = {
      code: 'expertise_required',
      message: t(
        'Pilih paling sedikit satu kategori keahlian.',
        'Choose at least one category of expertise.',
      ),
    };
  else {
    const unknown = expertise.filter((k) => !facts.categoryKeys.includes(k));
    if (unknown.length > 0)
      fields.expertise = {
        code: 'unknown_category',
        message: t(
          `Kategori tidak dikenal di kompetisi ini: ${unknown.join(', ')}.`,
          `Categories not in this competition: ${unknown.join(', ')}.`,
        ),
      };
  }
  const conflicts: CheckedProfile['conflicts'] = [];
  const seen = new Set<number>();
  input.conflicts.forEach((c, i) => {
    if (!facts.institutions.has(c.institutionId))
      fields[`conflicts.${i}.institutionId`] = {
        code: 'unknown_institution',
        message: t('Instansi tidak ditemukan di daftar instansi.', 'Institution not found in the registry.'),
      };
    else if (!seen.has(c.institutionId)) {
      seen.add(c.institutionId);
      conflicts.push({ institutionId: c.institutionId, note: c.note ?? null });
    }
  });
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    profile: {
      affiliationInstitutionId: institutionId,
      affiliationName: name,
      // A registry affiliation lends its region when the reviewer gives none.
      regionCode: input.regionCode ?? affiliation?.regionCode ?? null,
      expertise,
      conflicts,
    },
  };
}
