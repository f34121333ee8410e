import type { AwardLevel } from '../contracts/awards.js';
import {
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  type InstitutionType,
} from '../contracts/institutions.js';
import {
  FUNNEL_STEPS,
  type FunnelCounts,
  type FunnelStep,
  type FunnelStepView,
  type ReportSlice,
} from '../contracts/season-report.js';
import { CATEGORY_NONE, PROVINCE_NATIONAL, PROVINCE_UNKNOWN, provinceLabel } from './dashboard.js';
import { t, type Text } from './errors.js';
import type { ProposalState } from './proposal-workflow.js';

/*
 * The season report (issue 13 point 7) as pure arithmetic over grouped counts.
 *
 * A proposal REACHED a step even if it later moved on, so the funnel only narrows (each step implies the
 * ones before it):
 * - registered: every proposal created in the competition (drafts included; a deleted draft is gone);
 * - forwarded: it reached the organizer: its state is past the institution (forwarded, received and after;
 *   a withdrawn or frozen one did not), or it reached a later step;
 * - passed administration: passed_admin or finalist now, a `passAdmin` revision (it passed and was moved
 *   on), or a later step;
 * - nominated: advanced from the first evaluation stage (stage_results outcome `advanced` on the stage of
 *   kind evaluation_1), or a later step;
 * - finalist: on the final list (a selected line of the published final selection, unless an upheld
 *   objection took it off: an `unshortlist` revision), finalist now (before the final list: the
 *   provisional one), written in the award registry by the competition's results, or Top Terpuji;
 * - Top Terpuji: an award row written by the competition's results at a level above Top 99.
 * The SQL of modules/season-report/queries.ts computes these flags with one grouped query.
 */

export const FUNNEL_LABELS: Record<FunnelStep, Text> = {
  registered: t('Terdaftar', 'Registered'),
  forwarded: t('Diajukan ke penyelenggara', 'Forwarded to the organizer'),
  passedAdmin: t('Lolos seleksi administrasi', 'Passed administration'),
  nominated: t('Nominasi', 'Nominated'),
  finalist: t('Finalis', 'Finalist'),
  topTerpuji: t('Top Inovasi Terpuji', 'Top Terpuji'),
};

/** States of a proposal that has not reached the organizer (still with its institution, or frozen). */
export const BEFORE_ORGANIZER_STATES: readonly ProposalState[] = [
  'draft',
  'sent_to_local_admin',
  'returned',
  'withdrawn',
  'frozen',
];
/** States before the administrative results: a proposal in one of them has not passed (yet). */
export const BEFORE_ADMIN_RESULT_STATES: readonly ProposalState[] = [
  ...BEFORE_ORGANIZER_STATES,
  'forwarded',
  'received',
  'incomplete',
];
/** States that say by themselves that the administrative check was passed. */
export const PASSED_ADMIN_STATES: readonly ProposalState[] = ['passed_admin', 'finalist'];
/** The award level of the finalists (Top 99); every other level a competition writes is a Top Terpuji. */
export const FINALIST_AWARD_LEVEL: AwardLevel = 'TOP99';

/** One grouped count row: how many proposals of these four facts reached each step. */
export interface FunnelRow {
  categoryKey: string | null;
  groupKey: string;
  institutionType: InstitutionType;
  /** domain/dashboard province key, or a regency/city code ("33.02") for the regency level. */
  regionKey: string;
  counts: FunnelCounts;
}

export const emptyCounts = (): FunnelCounts =>
  Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as FunnelCounts;

export function addCounts(into: FunnelCounts, add: FunnelCounts): FunnelCounts {
  for (const s of FUNNEL_STEPS) into[s] += add[s];
  return into;
}

/** The steps with their conversion rates (to the previous step, and to the registered). */
export function funnelOf(counts: FunnelCounts): FunnelStepView[] {
  const registered = counts.registered;
  return FUNNEL_STEPS.map((key, i) => {
    const previous = i > 0 ? counts[FUNNEL_STEPS[i - 1]!] : null;
    return {
      key,
      label: FUNNEL_LABELS[key],
      count: counts[key],
      ofPrevious: previous ? counts[key] / previous : null,
      ofRegistered: registered ? counts[key] / registered : null,
    };
  });
}

/** A rate as people read it: "72,5%" / "72.5%"; "—" when there is none. */
export function percentText(rate: number | null, lang: 'id' | 'en'): string {
  if (rate === null) return '—';
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  return `${lang === 'id' ? text.replace('.', ',') : text}%`;
}

/**
 * The region breakdown's level: the regencies/cities of one province when the organizer is a regional
 * government (its participants are its own region's) or the report is limited to a province; else provinces.
 */
export function regionLevelOf(
  organizerType: InstitutionType,
  province: string | null,
): 'province' | 'regency' {
  if (province) return 'regency';
  return organizerType === 'pemerintah_provinsi' ||
    organizerType === 'pemerintah_kabupaten' ||
    organizerType === 'pemerintah_kota'
    ? 'regency'
    : 'province';
}

/**
 * How a region key reads. Province keys as the dashboard's; at the regency level a five-character code is a
 * regency or city (its name from `placeOf`), a two-digit one the province's own institutions.
 */
export function regionLabel(
  key: string,
  level: 'province' | 'regency',
  placeOf: (code: string) => string | undefined,
): Text {
  if (level === 'province') return provinceLabel(key, placeOf);
  if (/^[0-9]{2}$/.test(key)) {
    const p = provinceLabel(key, placeOf);
    return t(`${p.id} (tingkat provinsi)`, `${p.en} (provincial level)`);
  }
  if (key === PROVINCE_NATIONAL || key === PROVINCE_UNKNOWN) return provinceLabel(key, placeOf);
  const place = placeOf(key);
  return place ? t(place, place) : t(`Kabupaten/Kota ${key}`, `Regency/city ${key}`);
}

/** Sums the rows into slices by `keyOf`, in `order` first (kept even when empty), then the rest by key. */
function slices(
  rows: readonly FunnelRow[],
  keyOf: (r: FunnelRow) => string,
  order: readonly { key: string; label: Text }[],
  labelOf: (key: string) => Text,
  keepEmpty: boolean,
): ReportSlice[] {
  const sums = new Map<string, ReportSlice>();
  for (const o of order) sums.set(o.key, { key: o.key, label: o.label, counts: emptyCounts() });
  for (const r of rows) {
    const key = keyOf(r);
    let s = sums.get(key);
    if (!s) {
      s = { key, label: labelOf(key), counts: emptyCounts() };
      sums.set(key, s);
    }
    addCounts(s.counts, r.counts);
  }
  const out = [...sums.values()];
  return keepEmpty ? out : out.filter((s) => s.counts.registered > 0);
}

export interface ReportLabels {
  groups: readonly { key: string; label: Text }[];
  categories: readonly { key: string; label: Text }[];
  /** A region's place name by code (province "33" or regency "33.02"). */
  placeOf: (code: string) => string | undefined;
  regionLevel: 'province' | 'regency';
}

/** The totals and the four breakdowns; each breakdown's slices sum to the totals. */
export function seasonReportOf(rows: readonly FunnelRow[], labels: ReportLabels) {
  const totals = rows.reduce((acc, r) => addCounts(acc, r.counts), emptyCounts());
  const category = slices(
    rows,
    (r) => r.categoryKey ?? CATEGORY_NONE,
    labels.categories,
    (key) => (key === CATEGORY_NONE ? t('Belum memilih kategori', 'No category chosen') : t(key, key)),
    true,
  );
  const group = slices(
    rows,
    (r) => r.groupKey,
    labels.groups,
    (key) => t(key, key),
    true,
  );
  const participantType = slices(
    rows,
    (r) => r.institutionType,
    INSTITUTION_TYPES.map((type) => ({ key: type, label: INSTITUTION_TYPE_LABELS[type] })),
    (key) => t(key, key),
    false,
  );
  const region = slices(
    rows,
    (r) => r.regionKey,
    [],
    (key) => regionLabel(key, labels.regionLevel, labels.placeOf),
    false,
  ).sort((a, b) => b.counts.registered - a.counts.registered || a.label.id.localeCompare(b.label.id, 'id'));
  return {
    totals,
    funnel: funnelOf(totals),
    breakdowns: { category, group, participantType, region },
  };
}
