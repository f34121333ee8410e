import type { AwardLevel } from '../contracts/awards.js';
import { AWARD_LEVEL_LABELS, institutionNameCandidates } from './awards.js';
import { t, type Text } from './errors.js';
import { khususInviter, type KhususOrganizer } from './khusus-inviter.js';

export type { KhususOrganizer } from './khusus-inviter.js';
import { dateTimeFormat, formatInstant, wallClock } from './time.js';

/*
 * Eligibility of an innovation for a competition group, as pure predicates on plain objects (KIPP rules,
 * docs: kipp-reference §3). Every rule returns the list of its failures (empty = passes), so a caller
 * composes them by spreading; each failure names its rule with a stable code and says why in id and en.
 */

export interface EligibilityFailure {
  rule: string;
  message: Text;
}

/* ================================================================ levels */

/**
 * The "Top Inovasi Pelayanan Publik Terpuji" tiers: the final tier of the umum group each year (Top 9
 * 2014, Top 25 2015, Top 35 2016, Top 40 2017–2018, Top 45 2019–2023, OPSI 2025) and of the replikasi
 * group (Top 5 Replikasi 2021). Top 99 is the finalist tier below them.
 */
export const TOP_TERPUJI_LEVELS: ReadonlySet<AwardLevel> = new Set<AwardLevel>([
  'TOP9',
  'TOP25',
  'TOP35',
  'TOP40',
  'TOP45',
  'TOP5_REPLIKASI',
  'OPSI',
]);

/**
 * The tiers that open the khusus group: a Top Terpuji of the umum group ("Top Inovasi Pelayanan Publik
 * Terpuji ... Kelompok Umum", 2021 and 2023 rules) — all Top Terpuji tiers but the replikasi one.
 */
export const KHUSUS_ENTRY_LEVELS: ReadonlySet<AwardLevel> = new Set<AwardLevel>(
  [...TOP_TERPUJI_LEVELS].filter((l) => l !== 'TOP5_REPLIKASI'),
);

/** The khusus group's own awards (Top Kelompok Khusus, OAPSI): given only to earlier Top Terpuji. */
export const KHUSUS_AWARD_LEVELS: ReadonlySet<AwardLevel> = new Set<AwardLevel>(['KHUSUS', 'OAPSI']);

/** Levels that close the umum group: any Top Terpuji and any khusus award (all levels but Top 99). */
export const UMUM_EXCLUDING_LEVELS: ReadonlySet<AwardLevel> = new Set<AwardLevel>([
  ...TOP_TERPUJI_LEVELS,
  ...KHUSUS_AWARD_LEVELS,
]);

/** A replikasi source must be at least a Top 99: every level is Top 99 or a tier above it. */
export const REPLIKASI_SOURCE_LEVELS: ReadonlySet<AwardLevel> = new Set<AwardLevel>([
  'TOP99',
  ...UMUM_EXCLUDING_LEVELS,
]);

/* ================================================================ dates */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseDate(v: string): CalendarDate | null {
  const m = DATE_RE.exec(v);
  if (!m) return null;
  const d = { year: +m[1], month: +m[2], day: +m[3] };
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return check.getUTCFullYear() === d.year &&
    check.getUTCMonth() === d.month - 1 &&
    check.getUTCDate() === d.day
    ? d
    : null;
}

const iso = (d: CalendarDate) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same day `months` calendar months earlier; a day the earlier month lacks becomes its last day. */
export function monthsBefore(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** "11 Mei 2019" / "11 May 2019". */
export function formatDate(date: string, locale: 'id' | 'en'): string {
  const d = parseDate(date);
  if (!d) return date;
  return dateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));
}

const localDate = (instant: string | Date, timeZone: string): CalendarDate => {
  const w = wallClock(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return { year: w.year, month: w.month, day: w.day };
};

const durationText = (months: number): Text =>
  months % 12 === 0 && months >= 12
    ? t(
        `${months} bulan (${months / 12} tahun)`,
        `${months} months (${months / 12} year${months > 12 ? 's' : ''})`,
      )
    : t(`${months} bulan`, `${months} month${months === 1 ? '' : 's'}`);

/**
 * The innovation must have run at least `minMonths` calendar months before the competition closed: it
 * started on or before the same day `minMonths` months before the closing date, read in the competition's
 * zone (a close at 11 May 2021 23:59 WIB with 24 months needs a start on or before 11 May 2019). A start
 * after `now` (or after the close when `now` is not given) is `implementation_in_future`.
 */
export function implementationAge(input: {
  startedOn: string;
  closesAt: string;
  timeZone: string;
  minMonths: number;
  now?: Date | string;
}): EligibilityFailure[] {
  const started = parseDate(input.startedOn);
  if (!started)
    return [
      {
        rule: 'implementation_start_invalid',
        message: t(
          'Tanggal mulai inovasi tidak valid (tulis TTTT-BB-HH).',
          'The innovation start date is not valid (write YYYY-MM-DD).',
        ),
      },
    ];
  const closing = localDate(input.closesAt, input.timeZone);
  const today = input.now ? localDate(input.now, input.timeZone) : closing;
  if (iso(started) > iso(today))
    return [
      {
        rule: 'implementation_in_future',
        message: t(
          `Tanggal mulai inovasi (${formatDate(input.startedOn, 'id')}) belum terjadi; isi tanggal inovasi mulai diterapkan.`,
          `The innovation start date (${formatDate(input.startedOn, 'en')}) is in the future; give the date it started running.`,
        ),
      },
    ];
  if (input.minMonths <= 0) return [];
  const latest = iso(monthsBefore(closing, input.minMonths));
  if (iso(started) <= latest) return [];
  const span = durationText(input.minMonths);
  return [
    {
      rule: 'implementation_too_recent',
      message: t(
        `Inovasi harus sudah berjalan minimal ${span.id} saat pendaftaran ditutup (${formatInstant(input.closesAt, input.timeZone, 'id')}): tanggal mulai paling lambat ${formatDate(latest, 'id')}, sedangkan inovasi ini mulai ${formatDate(input.startedOn, 'id')}.`,
        `The innovation must have run for at least ${span.en} when registration closes (${formatInstant(input.closesAt, input.timeZone, 'en')}): it must have started on or before ${formatDate(latest, 'en')}, and this one started on ${formatDate(input.startedOn, 'en')}.`,
      ),
    },
  ];
}

/* ================================================================ registry matching */

/** An innovation as the rules compare it: its title and its institution (directory id and/or name). */
export interface InnovationRef {
  title: string;
  institutionId?: number | null;
  institutionName?: string | null;
}

/** One row of the award registry. */
export interface RegistryEntry {
  year: number;
  level: AwardLevel;
  innovationTitle: string;
  institutionName?: string | null;
  institutionId?: number | null;
}

/**
 * A title as the rules compare it: case, accents, spaces and punctuation ignored, editorial notes in
 * square brackets dropped ("Si Perut-Laper" = "SI PERUT LAPER" = "siperutlaper").
 */
export function normalizeTitle(title: string): string {
  let key = normalizedTitles.get(title);
  if (key === undefined) {
    key = title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/\[[^\]]*\]/g, ' ')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
    if (normalizedTitles.size >= 20_000) normalizedTitles.clear();
    normalizedTitles.set(title, key);
  }
  return key;
}
/** normalizeTitle is pure and asked of every registry row on every autosave: its answers are kept. */
const normalizedTitles = new Map<string, string>();

const nameKeys = (name: string | null | undefined) =>
  new Set(name ? institutionNameCandidates(name).map(normalizeTitle).filter(Boolean) : []);

/**
 * Whether a registry row is this innovation: the same normalized title, and the same institution — by
 * directory id when both have one, else by name (normalized like a title, "Kota Cimahi" also standing for
 * "Pemerintah Kota Cimahi", a parenthesised part for itself). A row whose institution is unknown matches
 * nothing: a title alone does not tell whose innovation it was.
 */
export function sameInnovation(innovation: InnovationRef, entry: RegistryEntry): boolean {
  const title = normalizeTitle(innovation.title);
  if (!title || title !== normalizeTitle(entry.innovationTitle)) return false;
  if (innovation.institutionId != null && entry.institutionId != null)
    return innovation.institutionId === entry.institutionId;
  const mine = nameKeys(innovation.institutionName);
  for (const k of nameKeys(entry.institutionName)) if (mine.has(k)) return true;
  return false;
}

const awardsOf = (innovation: InnovationRef, registry: readonly RegistryEntry[]) =>
  registry
    .filter((e) => sameInnovation(innovation, e))
    .sort((a, b) => a.year - b.year || a.level.localeCompare(b.level));

const awardList = (entries: readonly RegistryEntry[]): Text =>
  t(
    entries.map((e) => `${AWARD_LEVEL_LABELS[e.level].id} ${e.year}`).join(', '),
    entries.map((e) => `${AWARD_LEVEL_LABELS[e.level].en} ${e.year}`).join(', '),
  );

/** "2014–2019", "2014, 2016–2017": years as a reader scans them. */
export function formatYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return out.join(', ');
}

/* ================================================================ groups */

/**
 * Kelompok umum: refused when the innovation was ever a Top Terpuji or won a khusus award
 * (`umum_already_top_terpuji`, any level of UMUM_EXCLUDING_LEVELS), or was in the Top 99 in two or more
 * years (`umum_top99_twice`).
 */
export function umumEligible(
  innovation: InnovationRef,
  registry: readonly RegistryEntry[],
): EligibilityFailure[] {
  const mine = awardsOf(innovation, registry);
  const failures: EligibilityFailure[] = [];
  const terpuji = mine.filter((e) => UMUM_EXCLUDING_LEVELS.has(e.level));
  if (terpuji.length) {
    const list = awardList(terpuji);
    failures.push({
      rule: 'umum_already_top_terpuji',
      message: t(
        `Inovasi ini sudah pernah menjadi Top Inovasi Terpuji (${list.id}); kelompok umum hanya untuk inovasi yang belum pernah menjadi Top Terpuji.`,
        `This innovation has already been an outstanding (Top Terpuji) innovation (${list.en}); the general group is only for innovations that never were.`,
      ),
    });
  }
  const top99Years = [...new Set(mine.filter((e) => e.level === 'TOP99').map((e) => e.year))];
  if (top99Years.length >= 2) {
    const years = formatYears(top99Years);
    failures.push({
      rule: 'umum_top99_twice',
      message: t(
        `Inovasi ini sudah ${top99Years.length} kali masuk Top 99 (${years}); kelompok umum hanya untuk inovasi yang masuk Top 99 kurang dari dua kali.`,
        `This innovation has been in the Top 99 ${top99Years.length} times (${years}); the general group is only for innovations in the Top 99 fewer than twice.`,
      ),
    });
  }
  return failures;
}

/**
 * Kelompok replikasi: the source must be a Top 99 or higher of one of `sourceYears` (null: any year)
 * (`replikasi_source_not_top99`), and neither the proposer's innovation nor the proposer's institution for
 * the source innovation may have been awarded before (`replikasi_proposer_awarded`).
 */
export function replikasiEligible(
  source: InnovationRef,
  proposer: InnovationRef,
  registry: readonly RegistryEntry[],
  sourceYears: readonly number[] | null,
): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const qualifying = awardsOf(source, registry).filter(
    (e) => REPLIKASI_SOURCE_LEVELS.has(e.level) && (sourceYears === null || sourceYears.includes(e.year)),
  );
  if (!qualifying.length) {
    const years = sourceYears === null ? null : formatYears(sourceYears);
    failures.push({
      rule: 'replikasi_source_not_top99',
      message: years
        ? t(
            `Inovasi yang direplikasi ("${source.title}") harus inovasi Top 99 (atau lebih tinggi) KIPP tahun ${years}.`,
            `The replicated innovation ("${source.title}") must be a Top 99 (or higher) innovation of KIPP ${years}.`,
          )
        : t(
            `Inovasi yang direplikasi ("${source.title}") harus inovasi Top 99 (atau lebih tinggi) KIPP.`,
            `The replicated innovation ("${source.title}") must be a Top 99 (or higher) KIPP innovation.`,
          ),
    });
  }
  const own = [
    ...awardsOf(proposer, registry),
    ...awardsOf(
      {
        title: source.title,
        institutionId: proposer.institutionId,
        institutionName: proposer.institutionName,
      },
      registry,
    ),
  ];
  if (own.length) {
    const list = awardList([...new Set(own)]);
    failures.push({
      rule: 'replikasi_proposer_awarded',
      message: t(
        `Inovasi ini sudah pernah mendapat penghargaan KIPP (${list.id}); kelompok replikasi hanya untuk inovasi yang belum pernah mendapat penghargaan.`,
        `This innovation has already received a KIPP award (${list.en}); the replication group is only for innovations never awarded.`,
      ),
    });
  }
  return failures;
}

/**
 * Kelompok khusus: by invitation only (`khusus_not_invited`); the innovation must be a Top Terpuji of the
 * umum group (KHUSUS_ENTRY_LEVELS)
 * (`khusus_not_top_terpuji`) designated at least one year before the close (`khusus_too_recent`) — the
 * registry keeps only the award's year, so a designation is taken at the end of its year (KIPP 2021,
 * closing May 2021, admitted Top Terpuji up to 2019); it must not have been in the Top 15 of the khusus
 * group (level KHUSUS) in two or more years (`khusus_top15_twice`, the 2023 rule, kipp-reference §3);
 * and it must not already be an OAPSI winner (`khusus_already_oapsi`). The invitation message names the
 * competition's organizer (`khususInviter`).
 */
export function khususEligible(
  innovation: InnovationRef,
  registry: readonly RegistryEntry[],
  opts: { invited: boolean; closesAt: string; timeZone?: string; organizer?: KhususOrganizer | null },
): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  if (!opts.invited) {
    const who = khususInviter(opts.organizer);
    failures.push({
      rule: 'khusus_not_invited',
      message: t(
        `Kelompok khusus hanya untuk inovasi yang diundang oleh ${who.id}.`,
        `The special group is by invitation of ${who.en} only.`,
      ),
    });
  }
  const mine = awardsOf(innovation, registry);
  const terpuji = mine.filter((e) => KHUSUS_ENTRY_LEVELS.has(e.level));
  const timeZone = opts.timeZone ?? 'Asia/Jakarta';
  if (!terpuji.length)
    failures.push({
      rule: 'khusus_not_top_terpuji',
      message: t(
        'Kelompok khusus hanya untuk inovasi yang pernah menjadi Top Inovasi Pelayanan Publik Terpuji Kelompok Umum.',
        'The special group is only for innovations that were an outstanding (Top Terpuji) innovation of the general group.',
      ),
    });
  else {
    const closing = localDate(opts.closesAt, timeZone);
    const latestYear = closing.month === 12 && closing.day === 31 ? closing.year - 1 : closing.year - 2;
    if (!terpuji.some((e) => e.year <= latestYear)) {
      const list = awardList(terpuji);
      const close = t(
        formatInstant(opts.closesAt, timeZone, 'id'),
        formatInstant(opts.closesAt, timeZone, 'en'),
      );
      failures.push({
        rule: 'khusus_too_recent',
        message: t(
          `Penetapan Top Terpuji (${list.id}) harus minimal satu tahun sebelum pendaftaran ditutup (${close.id}); yang memenuhi adalah Top Terpuji tahun ${latestYear} atau sebelumnya.`,
          `The Top Terpuji designation (${list.en}) must be at least one year before registration closes (${close.en}); Top Terpuji of ${latestYear} or earlier qualify.`,
        ),
      });
    }
  }
  const top15Years = [...new Set(mine.filter((e) => e.level === 'KHUSUS').map((e) => e.year))];
  if (top15Years.length >= 2) {
    // Each year named: a count of two reads wrong as a range ("2019–2020").
    const years = top15Years.join(', ');
    failures.push({
      rule: 'khusus_top15_twice',
      message: t(
        `Inovasi ini sudah ${top15Years.length} kali masuk Top 15 Kelompok Khusus (${years}); kelompok khusus hanya untuk inovasi yang belum pernah masuk Top 15 Kelompok Khusus sebanyak 2 kali.`,
        `This innovation has been in the Top 15 of the special group ${top15Years.length} times (${years}); the special group is only for innovations not twice in its Top 15.`,
      ),
    });
  }
  const oapsi = mine.filter((e) => e.level === 'OAPSI');
  if (oapsi.length) {
    const list = awardList(oapsi);
    failures.push({
      rule: 'khusus_already_oapsi',
      message: t(
        `Inovasi ini sudah menjadi pemenang OAPSI (${list.id}); pemenang OAPSI tidak dapat mengikuti kelompok khusus lagi.`,
        `This innovation has already won OAPSI (${list.en}); OAPSI winners cannot enter the special group again.`,
      ),
    });
  }
  return failures;
}

/* ================================================================ quota */

export interface QuotaGroup {
  key: string;
  /** Forwarded proposals allowed per institution; null = outside the quota (khusus). */
  quota: number | null;
  name?: Text;
}

export interface QuotaCount {
  used: number;
  quota: number | null;
}

export interface QuotaUsage {
  groups: Record<string, QuotaGroup>;
  /** Every group for every institution that forwarded something. */
  byInstitution: Record<number, Record<string, QuotaCount>>;
}

/**
 * How much of each group's quota each institution has used. Proposals of a group outside the quota
 * (quota null) and of unknown groups are not counted.
 */
export function quotaUsage(
  forwarded: readonly { institutionId: number; groupKey: string }[],
  groups: readonly QuotaGroup[],
): QuotaUsage {
  const byKey: Record<string, QuotaGroup> = Object.fromEntries(groups.map((g) => [g.key, g]));
  const byInstitution: Record<number, Record<string, QuotaCount>> = {};
  for (const f of forwarded) {
    byInstitution[f.institutionId] ??= Object.fromEntries(
      groups.map((g) => [g.key, { used: 0, quota: g.quota }]),
    );
    const group = byKey[f.groupKey];
    if (group && group.quota !== null) byInstitution[f.institutionId][f.groupKey].used++;
  }
  return { groups: byKey, byInstitution };
}

/** The usage of one institution in one group (0 used when it forwarded nothing). */
export function usageFor(usage: QuotaUsage, institutionId: number, groupKey: string): QuotaCount {
  return (
    usage.byInstitution[institutionId]?.[groupKey] ?? {
      used: 0,
      quota: usage.groups[groupKey]?.quota ?? null,
    }
  );
}

/** Refuses one more forwarded proposal when the group's quota is used up (`quota_full`, "10/10"). */
export function checkQuota(usage: QuotaUsage, institutionId: number, groupKey: string): EligibilityFailure[] {
  return quotaFull(
    usageFor(usage, institutionId, groupKey),
    usage.groups[groupKey]?.name ?? t(groupKey, groupKey),
  );
}

/** `quota_full` when `used` slots already fill the group's quota (null = outside the quota). */
export function quotaFull({ used, quota }: QuotaCount, name: Text): EligibilityFailure[] {
  if (quota === null || used < quota) return [];
  return [
    {
      rule: 'quota_full',
      message: t(
        `Kuota kelompok ${name.id} untuk instansi ini sudah penuh (${used}/${quota}).`,
        `This institution's quota for the ${name.en} group is full (${used}/${quota}).`,
      ),
    },
  ];
}

/* ================================================================ titles */

/** A title already used by another proposal of the same competition (normalized comparison). */
export function duplicateTitle(
  title: string,
  otherTitlesInCompetition: readonly string[],
): EligibilityFailure[] {
  const key = normalizeTitle(title);
  if (!key) return [];
  const other = otherTitlesInCompetition.find((o) => normalizeTitle(o) === key);
  if (other === undefined) return [];
  return [
    {
      rule: 'duplicate_title',
      message: t(
        `Judul ini sudah dipakai proposal lain di kompetisi ini ("${other}"); setiap proposal harus memakai judul yang berbeda.`,
        `Another proposal in this competition already uses this title ("${other}"); every proposal needs its own title.`,
      ),
    },
  ];
}
