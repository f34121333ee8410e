import {
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  type InstitutionType,
} from '../contracts/institutions.js';
import { t, type Text } from './errors.js';
import {
  ORGANIZER_VISIBLE_STATES,
  PROPOSAL_STATES,
  STATE_LABELS,
  type ProposalState,
} from './proposal-workflow.js';
import { wallClock } from './time.js';

/*
 * The secretariat's submission dashboard as pure arithmetic over grouped counts.
 *
 * Decision: the organizer sees how many proposals exist in EVERY state (the real question is "3,478
 * started, 2,454 submitted": where did the rest stop?), but only counts: the content of a proposal that has
 * not left its institution stays invisible (domain/proposal-workflow ORGANIZER_VISIBLE_STATES). Breakdowns
 * are aggregates (group, category, participant type, province), never per institution.
 */

/** Ministries, agencies and state enterprises belong to no province: they count as "Pusat / nasional". */
export const NATIONAL_INSTITUTION_TYPES: readonly InstitutionType[] = ['kementerian', 'lembaga', 'bumn'];

/** Province keys besides the two-digit codes ("32"). */
export const PROVINCE_NATIONAL = 'pusat';
export const PROVINCE_UNKNOWN = 'tidak_diketahui';

/** A filter value for the province: a two-digit code, the national bucket or the unknown one. */
export const PROVINCE_KEY_PATTERN = /^([0-9]{2}|pusat|tidak_diketahui)$/;

/** Category key of proposals that have not chosen one yet (drafts). */
export const CATEGORY_NONE = 'belum_dipilih';

/**
 * The province an institution counts in: national types in "pusat", the others by the first two digits of
 * their own region code ("32.03" → "32") or, for a BUMD without one, of the government that owns it.
 */
export function provinceKeyOf(
  type: InstitutionType,
  regionCode: string | null,
  parentRegionCode: string | null = null,
): string {
  if (NATIONAL_INSTITUTION_TYPES.includes(type)) return PROVINCE_NATIONAL;
  const code = regionCode ?? parentRegionCode;
  const m = code ? /^([0-9]{2})/.exec(code) : null;
  return m ? m[1] : PROVINCE_UNKNOWN;
}

/** How a province key reads; `placeOf` gives the province's own name ("Jawa Barat") by its code. */
export function provinceLabel(key: string, placeOf: (code: string) => string | undefined): Text {
  if (key === PROVINCE_NATIONAL) return t('Pusat / nasional', 'Central / national');
  if (key === PROVINCE_UNKNOWN) return t('Wilayah tidak diketahui', 'Region unknown');
  const place = placeOf(key);
  return place ? t(place, place) : t(`Provinsi ${key}`, `Province ${key}`);
}

/** One grouped count: how many proposals share these five facts. */
export interface CountRow {
  state: ProposalState;
  groupKey: string;
  categoryKey: string | null;
  institutionType: InstitutionType;
  provinceKey: string;
  n: number;
}

/** A slice of the competition: every proposal started in it, and those that reached the organizer. */
export interface Breakdown {
  key: string;
  label: Text;
  started: number;
  submitted: number;
}

export interface DayCount {
  /** YYYY-MM-DD on the competition's wall clock. */
  date: string;
  started: number;
  sent: number;
  forwarded: number;
}

/** Instants (to the minute) and how many proposals were started, sent or forwarded in each. */
export interface InstantCount {
  series: 'started' | 'sent' | 'forwarded';
  /** ISO-8601 UTC, at least to the minute ("2026-04-01T03:07"). */
  at: string;
  n: number;
}

export interface DashboardFacts {
  byState: { state: ProposalState; label: Text; count: number }[];
  totals: {
    /** Every proposal of the competition, whatever its state. */
    started: number;
    /** Still with the proposer: draft or returned. */
    withProposer: number;
    /** With the admin lokal: sent to it, or withdrawn from the organizer. */
    withLocalAdmin: number;
    /** Forwarded to, or received by, the organizer. */
    submitted: number;
    /** Frozen at the closing without being forwarded. */
    frozen: number;
  };
  byGroup: Breakdown[];
  byCategory: Breakdown[];
  byInstitutionType: Breakdown[];
  byProvince: Breakdown[];
  perDay: DayCount[];
}

const isSubmitted = (s: ProposalState) => ORGANIZER_VISIBLE_STATES.includes(s);

/** Longest run of days the per-day series fills with zeros (a typo'd instant must not make a huge array). */
export const MAX_DAYS = 400;

function breakdown(
  rows: CountRow[],
  keyOf: (r: CountRow) => string,
  order: { key: string; label: Text }[],
  labelOf: (key: string) => Text,
  keepEmpty: boolean,
): Breakdown[] {
  const sums = new Map<string, Breakdown>();
  for (const o of order) sums.set(o.key, { key: o.key, label: o.label, started: 0, submitted: 0 });
  for (const r of rows) {
    const key = keyOf(r);
    const b = sums.get(key) ?? { key, label: labelOf(key), started: 0, submitted: 0 };
    b.started += r.n;
    if (isSubmitted(r.state)) b.submitted += r.n;
    sums.set(key, b);
  }
  const out = [...sums.values()];
  return keepEmpty ? out : out.filter((b) => b.started > 0);
}

/** The YYYY-MM-DD an instant falls on in a zone. */
export function dayInZone(iso: string, timeZone: string): string {
  const w = wallClock(new Date(iso.length === 16 ? `${iso}:00Z` : iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}`;
}

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Counts per day on the competition's wall clock, every day from the first to the last (zeros included). */
export function perDay(instants: InstantCount[], timeZone: string): DayCount[] {
  const days = new Map<string, DayCount>();
  for (const i of instants) {
    const date = dayInZone(i.at, timeZone);
    const d = days.get(date) ?? { date, started: 0, sent: 0, forwarded: 0 };
    d[i.series] += i.n;
    days.set(date, d);
  }
  const dates = [...days.keys()].sort();
  if (!dates.length) return [];
  const out: DayCount[] = [];
  for (let date = dates[0]; date <= dates[dates.length - 1] && out.length < MAX_DAYS; date = nextDay(date))
    out.push(days.get(date) ?? { date, started: 0, sent: 0, forwarded: 0 });
  return out;
}

/**
 * The dashboard's numbers from grouped counts: the funnel by state (every state, zeros included), totals,
 * breakdowns (groups and categories in the competition's order, participant types in their fixed order,
 * provinces by submitted then started, most first) and the per-day series.
 */
export function dashboardFacts(input: {
  rows: CountRow[];
  instants: InstantCount[];
  timeZone: string;
  groups: { key: string; label: Text }[];
  categories: { key: string; label: Text }[];
  provincePlace: (code: string) => string | undefined;
}): DashboardFacts {
  const { rows } = input;
  const count = (states: readonly ProposalState[]) =>
    rows.filter((r) => states.includes(r.state)).reduce((a, r) => a + r.n, 0);
  const byState = PROPOSAL_STATES.map((state) => ({
    state,
    label: STATE_LABELS[state],
    count: count([state]),
  }));
  const none = { key: CATEGORY_NONE, label: t('Belum memilih kategori', 'No category chosen yet') };
  const unknown = (key: string) => t(key, key);
  const byProvince = breakdown(
    rows,
    (r) => r.provinceKey,
    [],
    (key) => provinceLabel(key, input.provincePlace),
    false,
  ).sort((a, b) => b.submitted - a.submitted || b.started - a.started || a.key.localeCompare(b.key));
  return {
    byState,
    totals: {
      started: count(PROPOSAL_STATES),
      withProposer: count(['draft', 'returned']),
      withLocalAdmin: count(['sent_to_local_admin', 'withdrawn']),
      submitted: count(ORGANIZER_VISIBLE_STATES),
      frozen: count(['frozen']),
    },
    byGroup: breakdown(rows, (r) => r.groupKey, input.groups, unknown, true),
    byCategory: breakdown(
      rows,
      (r) => r.categoryKey ?? CATEGORY_NONE,
      input.categories,
      (key) => (key === CATEGORY_NONE ? none.label : unknown(key)),
      true,
    ).filter((b) => b.key !== CATEGORY_NONE || b.started > 0),
    byInstitutionType: breakdown(
      rows,
      (r) => r.institutionType,
      INSTITUTION_TYPES.map((type) => ({ key: type, label: INSTITUTION_TYPE_LABELS[type] })),
      unknown,
      true,
    ),
    byProvince,
    perDay: perDay(input.instants, input.timeZone),
  };
}
