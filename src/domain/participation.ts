import {
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  REGION_CODE_PATTERN,
  type InstitutionType,
} from '../contracts/institutions.js';
import { t, type FieldProblem, type Text } from './errors.js';

/*
 * Who may take part in a competition (issue 11 point 8): regional competitions feed the national one, so a
 * provincial KIPP takes the province and its regencies/cities, not a unit of another province. A rule
 * names institution types (null: any) and regions (official area codes; empty: anywhere). A region code
 * covers itself and every code under it ("36" covers "36.03"); an institution's region is its own code,
 * else its owner's (a BUMD by its regional government). Stored in competitions.participants (null =
 * everyone); the server checks it when a draft is started and again at send and forward; the UI only reflects it.
 */

export interface ParticipationRule {
  /** Institution types that may take part; null = every type. */
  types: InstitutionType[] | null;
  /** Region codes ("36", "36.03"); empty = anywhere. */
  regions: string[];
}

/** The national KIPP's rule and every competition's default: every institution. */
export const EVERYONE: ParticipationRule = Object.freeze({ types: null, regions: [] }) as ParticipationRule;

const REGIONAL_GOVERNMENTS: InstitutionType[] = [
  'pemerintah_provinsi',
  'pemerintah_kabupaten',
  'pemerintah_kota',
];

export const isEveryone = (rule: ParticipationRule) => rule.types === null && rule.regions.length === 0;

const covers = (region: string, code: string) => code === region || code.startsWith(`${region}.`);

/** Whether an institution may take part under the rule. */
export function mayTakePart(
  rule: ParticipationRule,
  institution: { type: InstitutionType; regionCode: string | null; ownerRegionCode?: string | null },
): boolean {
  if (rule.types !== null && !rule.types.includes(institution.type)) return false;
  if (!rule.regions.length) return true;
  const code = institution.regionCode ?? institution.ownerRegionCode ?? null;
  return code !== null && rule.regions.some((r) => covers(r, code));
}

/**
 * The rule a competition starts with, from its organizer: a province with a region code takes itself and
 * its regencies/cities; a regency or city the institutions of its area; anyone else (KemenPAN-RB's
 * national KIPP, an organizer without a region code) every institution.
 */
export function defaultParticipation(organizer: {
  type: InstitutionType;
  regionCode: string | null;
}): ParticipationRule {
  if (!organizer.regionCode) return { types: null, regions: [] };
  if (organizer.type === 'pemerintah_provinsi')
    return { types: [...REGIONAL_GOVERNMENTS], regions: [organizer.regionCode.slice(0, 2)] };
  if (organizer.type === 'pemerintah_kabupaten' || organizer.type === 'pemerintah_kota')
    return { types: null, regions: [organizer.regionCode] };
  return { types: null, regions: [] };
}

/** The stored rule read back; null, unreadable or malformed text is every institution. */
export function parseParticipation(json: string | null): ParticipationRule {
  if (!json) return { types: null, regions: [] };
  try {
    const raw = JSON.parse(json) as { types?: unknown; regions?: unknown };
    const types =
      raw.types === null || raw.types === undefined
        ? null
        : Array.isArray(raw.types) && raw.types.every((x) => INSTITUTION_TYPES.includes(x as InstitutionType))
          ? (raw.types as InstitutionType[])
          : undefined;
    const regions =
      raw.regions === undefined
        ? []
        : Array.isArray(raw.regions) &&
            raw.regions.every((r) => typeof r === 'string' && REGION_CODE_PATTERN.test(r))
          ? (raw.regions as string[])
          : undefined;
    if (types === undefined || regions === undefined) return { types: null, regions: [] };
    return { types, regions };
  } catch {
    return { types: null, regions: [] };
  }
}

/** The stored form: null for every institution. */
export function serializeParticipation(rule: ParticipationRule): string | null {
  return isEveryone(rule) ? null : JSON.stringify({ types: rule.types, regions: rule.regions });
}

/** Field problems of a rule as the organizer sends it (`types`, `regions.<i>`); empty when valid. */
export function validateParticipation(rule: {
  types: readonly string[] | null;
  regions: readonly string[];
}): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  if (rule.types !== null) {
    if (!rule.types.length)
      problems.types = {
        code: 'participants_no_type',
        message: t(
          'Pilih sekurang-kurangnya satu jenis instansi, atau "semua jenis".',
          'Choose at least one institution type, or "every type".',
        ),
      };
    rule.types.forEach((type, i) => {
      if (!INSTITUTION_TYPES.includes(type as InstitutionType))
        problems[`types.${i}`] = {
          code: 'unknown_institution_type',
          message: t(`Jenis instansi "${type}" tidak dikenal.`, `Unknown institution type "${type}".`),
        };
    });
  }
  rule.regions.forEach((region, i) => {
    if (!REGION_CODE_PATTERN.test(region))
      problems[`regions.${i}`] = {
        code: 'invalid_region_code',
        message: t(
          `Kode wilayah "${region}" tidak valid (contoh: 36 untuk provinsi, 36.03 untuk kabupaten/kota).`,
          `Region code "${region}" is not valid (for example 36 for a province, 36.03 for a regency/city).`,
        ),
      };
  });
  return problems;
}

const sameTypes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * The rule in words for the public competition page, with the regions' place names (`names`, by code;
 * a code without a name is shown as "wilayah 99"): "Peserta: Pemerintah Provinsi Banten dan
 * kabupaten/kota di Banten".
 */
export function participationText(rule: ParticipationRule, names: Readonly<Record<string, string>>): Text {
  if (isEveryone(rule))
    return t(
      'Peserta: semua instansi (kementerian, lembaga, pemerintah daerah, BUMN, dan BUMD)',
      'Participants: every institution (ministries, agencies, regional governments, BUMN and BUMD)',
    );
  const places = t(
    rule.regions.map((r) => names[r] ?? `wilayah ${r}`).join(', '),
    rule.regions.map((r) => names[r] ?? `region ${r}`).join(', '),
  );
  const provincesOnly = rule.regions.length > 0 && rule.regions.every((r) => r.length === 2);
  if (rule.types && provincesOnly && sameTypes(rule.types, REGIONAL_GOVERNMENTS))
    return t(
      `Peserta: Pemerintah Provinsi ${places.id} dan kabupaten/kota di ${places.id}`,
      `Participants: the Provincial Government of ${places.en} and the regencies/cities in ${places.en}`,
    );
  const types = rule.types
    ? t(
        rule.types.map((x) => INSTITUTION_TYPE_LABELS[x].id).join(', '),
        rule.types.map((x) => INSTITUTION_TYPE_LABELS[x].en).join(', '),
      )
    : null;
  if (!rule.regions.length && types) return t(`Peserta: ${types.id}`, `Participants: ${types.en}`);
  if (!types) return t(`Peserta: instansi di ${places.id}`, `Participants: institutions in ${places.en}`);
  return t(`Peserta: ${types.id} di ${places.id}`, `Participants: ${types.en} in ${places.en}`);
}

/** The refusal when an institution may not take part (create-proposal and forward: 403). */
export const notParticipantText = (rule: Text): Text =>
  t(
    `Instansi Anda tidak termasuk peserta kompetisi ini. ${rule.id}.`,
    `Your institution may not take part in this competition. ${rule.en}.`,
  );
