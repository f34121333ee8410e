import { t, type FieldProblem, type Text } from './errors.js';
import type { Quota, QuotaDimension } from './shortlist/types.js';

/*
 * The settings of a competition's `finalists` stage (issue 12 point 7), kept under `finalists` in the
 * stage's settings: N per group, the pass mark, the proportional quotas and the 3T region list. A stored
 * value that is missing or malformed takes its default (`finalistSettingsOf`), so a competition works
 * before anyone touched them; what the secretariat sends is checked field by field
 * (`checkFinalistSettings`), in both languages.
 */

export interface FinalistSettings {
  /** Places per group key (Top 99 umum, Top 15 replikasi, Top 15 khusus in the 2022 shape). */
  perGroup: Record<string, number>;
  /** A score at the mark passes; null = none. */
  passMark: number | null;
  quotas: Quota[];
  /** Region codes of the 3T areas ("91" a whole province, "91.01" one regency). */
  threeTRegions: string[];
}

/** The KIPP 2022 shape (Top 99 umum, Top 15 replikasi, Top 15 khusus); any other group gets 10. */
export const KIPP_PLACES: Readonly<Record<string, number>> = { umum: 99, replikasi: 15, khusus: 15 };
export const DEFAULT_PLACES = 10;
export const MAX_PLACES = 10_000;
export const MAX_QUOTAS = 100;
export const MAX_3T_REGIONS = 2_000;

export const QUOTA_DIMENSIONS: readonly QuotaDimension[] = [
  'category',
  'participantType',
  'province',
  'is3T',
];
export const PARTICIPANT_TYPES = [
  'kementerian',
  'lembaga',
  'pemerintah_provinsi',
  'pemerintah_kabupaten',
  'pemerintah_kota',
  'bumn',
  'bumd',
] as const;

const PROVINCE_CODE = /^[1-9][0-9]$/;
const REGION_CODE = /^[1-9][0-9](\.[0-9]{2})?$/;
const QUOTA_KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export function defaultPerGroup(groupKeys: readonly string[]): Record<string, number> {
  return Object.fromEntries(groupKeys.map((k) => [k, KIPP_PLACES[k] ?? DEFAULT_PLACES]));
}

export function defaultFinalistSettings(groupKeys: readonly string[]): FinalistSettings {
  return { perGroup: defaultPerGroup(groupKeys), passMark: null, quotas: [], threeTRegions: [] };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The stored settings of the finalists stage (its parsed `stages.settings`), read leniently: a group of
 * the competition missing from `perGroup` takes its default, a group no longer in the competition is
 * dropped, a malformed value takes its default. Quotas stored were checked when saved.
 */
export function finalistSettingsOf(
  stageSettings: Record<string, unknown>,
  groupKeys: readonly string[],
): FinalistSettings {
  const d = defaultFinalistSettings(groupKeys);
  const raw = isObject(stageSettings.finalists) ? stageSettings.finalists : {};
  const per = isObject(raw.perGroup) ? raw.perGroup : {};
  const perGroup = Object.fromEntries(
    groupKeys.map((k) => {
      const v = per[k];
      return [
        k,
        typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_PLACES ? v : d.perGroup[k]!,
      ];
    }),
  );
  const pm = raw.passMark;
  return {
    perGroup,
    passMark: typeof pm === 'number' && Number.isFinite(pm) && pm >= 0 && pm <= 100 ? pm : null,
    quotas: Array.isArray(raw.quotas) ? (raw.quotas.filter(isObject) as unknown as Quota[]) : [],
    threeTRegions: Array.isArray(raw.threeTRegions)
      ? raw.threeTRegions.filter((c): c is string => typeof c === 'string' && REGION_CODE.test(c))
      : [],
  };
}

/** What the settings are checked against: the competition's groups and categories. */
export interface FinalistSettingsContext {
  groupKeys: readonly string[];
  categoryKeys: readonly string[];
}

export type SettingsCheck =
  { ok: true; settings: FinalistSettings } | { ok: false; fields: Record<string, FieldProblem> };

const problem = (code: string, message: Text): FieldProblem => ({ code, message });

/**
 * Checks settings sent by the secretariat (any JSON), naming each wrong field: `perGroup.<group>`,
 * `passMark`, `quotas.<i>.<field>`, `threeTRegions.<i>`. Unknown group, category key, participant type or
 * province code; a minimum above its maximum; a duplicate quota key (or the same dimension, value and
 * group twice); negative or fractional numbers.
 */
export function checkFinalistSettings(input: unknown, ctx: FinalistSettingsContext): SettingsCheck {
  const fields: Record<string, FieldProblem> = {};
  const body = isObject(input) ? input : {};
  const groups = new Set(ctx.groupKeys);
  const categories = new Set(ctx.categoryKeys);
  const count = (v: unknown, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

  const perGroup = defaultPerGroup(ctx.groupKeys);
  const per = isObject(body.perGroup) ? body.perGroup : {};
  for (const [k, v] of Object.entries(per)) {
    if (!groups.has(k))
      fields[`perGroup.${k}`] = problem(
        'unknown_group',
        t(`Kelompok "${k}" tidak ada dalam kompetisi ini.`, `Group "${k}" is not in this competition.`),
      );
    else if (!count(v, MAX_PLACES))
      fields[`perGroup.${k}`] = problem(
        'invalid_places',
        t(
          `Jumlah finalis harus bilangan bulat 0–${MAX_PLACES}.`,
          `The number of finalists must be a whole number 0–${MAX_PLACES}.`,
        ),
      );
    else perGroup[k] = v as number;
  }

  let passMark: number | null = null;
  if (body.passMark !== null && body.passMark !== undefined && body.passMark !== '') {
    const pm = body.passMark;
    if (
      typeof pm !== 'number' ||
      !Number.isFinite(pm) ||
      pm < 0 ||
      pm > 100 ||
      Math.round(pm * 100) !== pm * 100
    )
      fields.passMark = problem(
        'invalid_pass_mark',
        t(
          'Nilai batas lulus antara 0 dan 100, paling banyak dua angka desimal.',
          'The pass mark is between 0 and 100, with at most two decimals.',
        ),
      );
    else passMark = pm;
  }

  const quotas: Quota[] = [];
  const rawQuotas = Array.isArray(body.quotas) ? body.quotas : [];
  if (rawQuotas.length > MAX_QUOTAS)
    fields.quotas = problem(
      'too_many_quotas',
      t(`Paling banyak ${MAX_QUOTAS} kuota.`, `At most ${MAX_QUOTAS} quotas.`),
    );
  const keys = new Set<string>();
  const sameRule = new Set<string>();
  rawQuotas.slice(0, MAX_QUOTAS).forEach((raw, i) => {
    const f = (name: string) => `quotas.${i}.${name}`;
    const q = isObject(raw) ? raw : {};
    const before = Object.keys(fields).length;
    const key = typeof q.key === 'string' ? q.key.trim() : '';
    if (!QUOTA_KEY.test(key))
      fields[f('key')] = problem(
        'invalid_key',
        t(
          'Kode kuota: huruf kecil, angka, "-" atau "_", paling panjang 40.',
          'Quota key: lower-case letters, digits, "-" or "_", at most 40.',
        ),
      );
    else if (keys.has(key))
      fields[f('key')] = problem(
        'duplicate_key',
        t(`Kode kuota "${key}" dipakai dua kali.`, `Quota key "${key}" is used twice.`),
      );
    keys.add(key);
    const dimension = q.dimension as QuotaDimension;
    const value = typeof q.value === 'string' ? q.value.trim() : '';
    if (!QUOTA_DIMENSIONS.includes(dimension))
      fields[f('dimension')] = problem(
        'unknown_dimension',
        t(
          'Dimensi kuota: kategori, jenis peserta, provinsi, atau 3T.',
          'Quota dimension: category, participant type, province, or 3T.',
        ),
      );
    else if (dimension === 'category' && !categories.has(value))
      fields[f('value')] = problem(
        'unknown_category',
        t(
          `Kategori "${value}" tidak ada dalam kompetisi ini.`,
          `Category "${value}" is not in this competition.`,
        ),
      );
    else if (dimension === 'participantType' && !(PARTICIPANT_TYPES as readonly string[]).includes(value))
      fields[f('value')] = problem(
        'unknown_participant_type',
        t(`Jenis peserta "${value}" tidak dikenal.`, `Participant type "${value}" is unknown.`),
      );
    else if (dimension === 'province' && !PROVINCE_CODE.test(value))
      fields[f('value')] = problem(
        'unknown_province',
        t(
          `Kode provinsi "${value}" tidak dikenal (dua angka, mis. 91).`,
          `Province code "${value}" is unknown (two digits, e.g. 91).`,
        ),
      );
    else if (dimension === 'is3T' && value !== 'true' && value !== 'false')
      fields[f('value')] = problem(
        'invalid_3t_value',
        t(
          'Nilai kuota 3T: "true" (daerah 3T) atau "false".',
          'A 3T quota value: "true" (3T areas) or "false".',
        ),
      );
    const group = q.group === null || q.group === undefined || q.group === '' ? null : String(q.group);
    if (group !== null && !groups.has(group))
      fields[f('group')] = problem(
        'unknown_group',
        t(
          `Kelompok "${group}" tidak ada dalam kompetisi ini.`,
          `Group "${group}" is not in this competition.`,
        ),
      );
    const bound = (name: 'min' | 'max'): number | null => {
      const v = q[name];
      if (v === null || v === undefined || v === '') return null;
      if (!count(v, MAX_PLACES)) {
        fields[f(name)] = problem(
          'invalid_bound',
          t(
            `Batas kuota harus bilangan bulat 0–${MAX_PLACES}.`,
            `A quota bound must be a whole number 0–${MAX_PLACES}.`,
          ),
        );
        return null;
      }
      return v as number;
    };
    const min = bound('min');
    const max = bound('max');
    if (min !== null && max !== null && min > max)
      fields[f('min')] = problem(
        'min_above_max',
        t(
          `Minimal (${min}) lebih besar daripada maksimal (${max}).`,
          `The minimum (${min}) is above the maximum (${max}).`,
        ),
      );
    if (min === null && max === null && !fields[f('min')] && !fields[f('max')])
      fields[f('min')] = problem(
        'no_bound',
        t('Isi minimal, maksimal, atau keduanya.', 'Give a minimum, a maximum, or both.'),
      );
    const rule = `${dimension}|${value}|${group ?? ''}`;
    if (Object.keys(fields).length === before && sameRule.has(rule))
      fields[f('value')] = problem(
        'duplicate_quota',
        t(
          'Kuota yang sama (dimensi, nilai, kelompok) sudah ada.',
          'The same quota (dimension, value, group) exists already.',
        ),
      );
    sameRule.add(rule);
    const labelId = typeof q.labelId === 'string' ? q.labelId.trim().slice(0, 120) : '';
    const labelEn = typeof q.labelEn === 'string' ? q.labelEn.trim().slice(0, 120) : '';
    quotas.push({
      key,
      dimension,
      value,
      group,
      min,
      max,
      ...(labelId || labelEn ? { label: t(labelId || labelEn, labelEn || labelId) } : {}),
    });
  });

  const threeTRegions: string[] = [];
  const rawRegions = Array.isArray(body.threeTRegions) ? body.threeTRegions : [];
  if (rawRegions.length > MAX_3T_REGIONS)
    fields.threeTRegions = problem(
      'too_many_regions',
      t(`Paling banyak ${MAX_3T_REGIONS} kode daerah 3T.`, `At most ${MAX_3T_REGIONS} 3T region codes.`),
    );
  rawRegions.slice(0, MAX_3T_REGIONS).forEach((c, i) => {
    const code = typeof c === 'string' ? c.trim() : '';
    if (!REGION_CODE.test(code))
      fields[`threeTRegions.${i}`] = problem(
        'invalid_region_code',
        t(
          `Kode daerah "${code}" tidak dikenal (mis. 91 atau 91.01).`,
          `Region code "${code}" is unknown (e.g. 91 or 91.01).`,
        ),
      );
    else if (!threeTRegions.includes(code)) threeTRegions.push(code);
  });

  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, settings: { perGroup, passMark, quotas, threeTRegions } };
}
